package app

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func testPNG(t *testing.T, seed uint8) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 3, 3))
	for i := range img.Pix {
		img.Pix[i] = uint8(i) * seed
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// imageSite is a Hugo site with a profile naming it, a plain article and a
// leaf bundle, imported into a fresh library (so each draft remembers its
// path in the content folder). It returns the services and the drafts' ids
// by path.
func imageSite(t *testing.T) (string, *Services, map[string]int64) {
	t.Helper()
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hugo.toml", "title = 'x'\ncontentDir = 'articles'\n")
	write("copydesk.yaml", "site:\n  root: .\n")
	write("articles/posts/a.md", exportArticle)
	write("articles/posts/芯片 产能/index.md", exportArticle)
	t.Setenv("COPYDESK_PROFILE", filepath.Join(root, "copydesk.yaml"))
	svc := newServices(filepath.Join(t.TempDir(), "library.db"))
	t.Cleanup(svc.close)
	if _, err := svc.Library.Import([]string{filepath.Join(root, "articles")}); err != nil {
		t.Fatal(err)
	}
	rows, err := svc.Library.List(DraftFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, r := range rows {
		ids[r.Path] = r.ID
	}
	if len(ids) != 2 || ids["posts/a.md"] == 0 || ids["posts/芯片 产能/index.md"] == 0 {
		t.Fatalf("imported %v", ids)
	}
	return root, svc, ids
}

func TestPlaceImageIntoTheSite(t *testing.T) {
	root, svc, ids := imageSite(t)
	data := testPNG(t, 3)
	b64 := base64.StdEncoding.EncodeToString(data)
	featured, err := svc.Images.PlaceImage(ids["posts/a.md"], "Cover 封面.png", b64, "featured")
	if err != nil || !regexp.MustCompile(`^images/cover-封面-[0-9a-f]{8}\.png$`).MatchString(featured.Ref) {
		t.Fatalf("featured: %+v %v", featured, err)
	}
	if got, _ := os.ReadFile(filepath.Join(root, "static", filepath.FromSlash(featured.Ref))); !bytes.Equal(got, data) {
		t.Error("not written into static/images")
	}
	body, err := svc.Images.PlaceImage(ids["posts/a.md"], "Cover 封面.png", b64, "body")
	if err != nil || body.Ref != "/"+featured.Ref || !body.Existed {
		t.Errorf("body: %+v %v", body, err)
	}
	bundled, err := svc.Images.PlaceImage(ids["posts/芯片 产能/index.md"], "", b64, "body")
	if err != nil || !bundled.Bundled || !regexp.MustCompile(`^image-[0-9a-f]{8}\.png$`).MatchString(bundled.Ref) {
		t.Fatalf("bundle: %+v %v", bundled, err)
	}
	if _, err := os.Stat(filepath.Join(root, "articles", "posts", "芯片 产能", bundled.Ref)); err != nil {
		t.Error("not beside the bundle's index.md:", err)
	}
	if f, err := svc.Images.PlaceImage(ids["posts/芯片 产能/index.md"], "", b64, "featured"); err != nil || f.Bundled || f.Ref != "images/"+bundled.Ref {
		t.Errorf("a bundle's featured image: %+v %v", f, err)
	}
	for _, c := range []struct{ data, code string }{
		{base64.StdEncoding.EncodeToString([]byte("# not an image")), "image.not_image"},
		{"%%% not base64", "image.bad_data"},
		{"", "image.empty"},
	} {
		if _, err := svc.Images.PlaceImage(0, "x.png", c.data, "body"); err == nil || !strings.Contains(err.Error(), `"code":"`+c.code+`"`) {
			t.Errorf("%s: %v", c.code, err)
		}
	}
	if _, err := svc.Images.PlaceImage(987654, "x.png", b64, "body"); err == nil || !strings.Contains(err.Error(), "draft.not_found") {
		t.Errorf("missing draft: %v", err)
	}
	// The browser face has no chooser: the page reads the file itself.
	if _, err := svc.Images.PickImage(0, "选择图片", "featured"); err == nil || !strings.Contains(err.Error(), "image.no_picker") {
		t.Errorf("pick without a chooser: %v", err)
	}
}

func TestPlaceImageWithoutASite(t *testing.T) {
	p := filepath.Join(t.TempDir(), "copydesk.yaml")
	os.WriteFile(p, []byte("stale_days: 9\n"), 0o644)
	t.Setenv("COPYDESK_PROFILE", p)
	svc := newServices(filepath.Join(t.TempDir(), "library.db"))
	t.Cleanup(svc.close)
	b64 := base64.StdEncoding.EncodeToString(testPNG(t, 1))
	if _, err := svc.Images.PlaceImage(0, "x.png", b64, "body"); err == nil || !strings.Contains(err.Error(), `"code":"image.no_site"`) {
		t.Errorf("no site: %v", err)
	}
	if _, err := svc.Images.PickImage(0, "选择图片", "featured"); err == nil || !strings.Contains(err.Error(), `"code":"image.no_site"`) {
		t.Errorf("no site, chooser: %v", err)
	}
}

// The preview's route in the browser face: the images of the site with the
// run's key, nothing without it, nothing outside the site.
func TestBrowserFaceServesSiteImages(t *testing.T) {
	root, svc, ids := imageSite(t)
	b := newBrowserFace(svc, nil, testToken, "127.0.0.1:4567")
	data := testPNG(t, 5)
	b64 := base64.StdEncoding.EncodeToString(data)
	placed, err := svc.Images.PlaceImage(ids["posts/a.md"], "a.png", b64, "body")
	if err != nil {
		t.Fatal(err)
	}
	bundled, err := svc.Images.PlaceImage(ids["posts/芯片 产能/index.md"], "b.png", b64, "body")
	if err != nil {
		t.Fatal(err)
	}
	route, err := svc.Images.PreviewRoute(ids["posts/a.md"])
	if err != nil || route.Page != "" || !strings.HasPrefix(route.Static, imageRoute) {
		t.Fatalf("route of a page: %+v %v", route, err)
	}
	bundle, err := svc.Images.PreviewRoute(ids["posts/芯片 产能/index.md"])
	if err != nil || bundle.Page != bundle.Static[:len(bundle.Static)-len("static/")]+"content/posts/%E8%8A%AF%E7%89%87%20%E4%BA%A7%E8%83%BD/" {
		t.Fatalf("route of a bundle: %+v %v", bundle, err)
	}
	get := func(path string) *http.Response {
		w := b.do(faceRequest{path: path})
		return w.Result()
	}
	for _, url := range []string{route.Static + strings.TrimPrefix(placed.Ref, "/"), bundle.Page + bundled.Ref} {
		res := get(url)
		var got bytes.Buffer
		got.ReadFrom(res.Body)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" || res.Header.Get("X-Content-Type-Options") != "nosniff" || !bytes.Equal(got.Bytes(), data) {
			t.Errorf("%s: %d %v", url, res.StatusCode, res.Header)
		}
	}
	os.WriteFile(filepath.Join(root, "secret.png"), data, 0o644)
	os.Symlink(filepath.Join(root, "secret.png"), filepath.Join(root, "static", "images", "leak.png"))
	key := strings.TrimSuffix(strings.TrimPrefix(route.Static, imageRoute), "/static/")
	for path, want := range map[string]int{
		"/site-static/static/images/" + strings.TrimPrefix(placed.Ref, "/images/"): 403, // no key
		"/site-static/" + strings.Repeat("0", len(key)) + "/static" + placed.Ref:   403, // a wrong key
		"/site-static/" + key + "/static/images/leak.png":                          403, // a link out of the site
		"/site-static/" + key + "/static/%2e%2e/secret.png":                        403,
		"/site-static/" + key + "/content/posts/a.md":                              415, // an article is no image
		"/site-static/" + key + "/static/images/none.png":                          404,
	} {
		if res := get(path); res.StatusCode != want {
			t.Errorf("%s: %d, want %d", path, res.StatusCode, want)
		}
	}
	// Another host (DNS rebinding) is refused even with the key.
	if w := b.do(faceRequest{path: route.Static + strings.TrimPrefix(placed.Ref, "/"), host: "evil.example:4567"}); w.Code != 403 {
		t.Errorf("foreign host: %d", w.Code)
	}
}
