package images

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// serve asks the handler for path (below its mount point) and returns the answer.
func serve(t *testing.T, s Site, method, path string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	Handler(func() (Site, error) { return s, nil }).ServeHTTP(w, httptest.NewRequest(method, "/"+path, nil))
	return w
}

func TestHandlerServesImagesWithTheirType(t *testing.T) {
	s := newSite(t)
	data := pngBytes(t, 5, 5, 3)
	placed, err := Place(s, "", "封面 图.png", data, Body)
	if err != nil {
		t.Fatal(err)
	}
	w := serve(t, s, "GET", "static"+placed.Ref)
	if w.Code != 200 || !bytes.Equal(w.Body.Bytes(), data) || w.Header().Get("Content-Type") != "image/png" ||
		w.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("%d %v", w.Code, w.Header())
	}
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)
	sp, err := Place(s, "posts/a/index.md", "logo.svg", svg, Body)
	if err != nil {
		t.Fatal(err)
	}
	w = serve(t, s, "GET", "content/posts/a/"+sp.Ref)
	if w.Code != 200 || w.Header().Get("Content-Type") != "image/svg+xml" || w.Header().Get("Content-Security-Policy") == "" {
		t.Errorf("svg: %d %v", w.Code, w.Header())
	}
	if w := serve(t, s, "HEAD", "static"+placed.Ref); w.Code != 200 || w.Body.Len() != 0 {
		t.Errorf("HEAD: %d %d bytes", w.Code, w.Body.Len())
	}
	// Revalidation: unchanged since the browser's copy costs a 304.
	first := serve(t, s, "GET", "static"+placed.Ref)
	if first.Header().Get("Last-Modified") == "" || first.Header().Get("Cache-Control") != "no-cache" {
		t.Fatalf("no validator: %v", first.Header())
	}
	req := httptest.NewRequest("GET", "/static"+placed.Ref, nil)
	req.Header.Set("If-Modified-Since", first.Header().Get("Last-Modified"))
	w2 := httptest.NewRecorder()
	Handler(func() (Site, error) { return s, nil }).ServeHTTP(w2, req)
	if w2.Code != http.StatusNotModified || w2.Body.Len() != 0 {
		t.Errorf("revalidation: %d, %d bytes", w2.Code, w2.Body.Len())
	}
}

func TestHandlerRefusals(t *testing.T) {
	s := newSite(t)
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.png")
	if err := os.WriteFile(secret, pngBytes(t, 1, 1, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(s.Static, "leak.png")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(s.Static, "out")); err != nil {
		t.Fatal(err)
	}
	// A link that stays inside is fine.
	inside := filepath.Join(s.Static, "real.png")
	if err := os.WriteFile(inside, pngBytes(t, 1, 1, 2), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(inside, filepath.Join(s.Static, "alias.png")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.Content, "post.md"), []byte("---\ntitle: x\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.Static, "fake.png"), []byte("<html>not an image</html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(s.Static, "dir.png"), 0o755); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]int{
		"static/alias.png":               200,
		"static/real.png":                200,
		"static/leak.png":                403,
		"static/out/secret.png":          403,
		"static/../content/post.md":      403,
		"static/images/../../secret.png": 403,
		"content/post.md":                415,
		"static/fake.png":                415,
		"static/dir.png":                 404,
		"static/missing.png":             404,
		"static/":                        403,
		"public/x.png":                   404,
		"static//etc/passwd":             403,
	} {
		w := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/x", nil)
		req.URL.Path = "/" + path // unescaped, as a hostile client could send it
		Handler(func() (Site, error) { return s, nil }).ServeHTTP(w, req)
		if w.Code != want {
			t.Errorf("%s: %d, want %d", path, w.Code, want)
		}
		if w.Code != 200 && bytes.Contains(w.Body.Bytes(), []byte("PNG")) {
			t.Errorf("%s: refused, yet the body holds image bytes", path)
		}
	}
	if w := serve(t, s, "POST", "static/real.png"); w.Code != 405 {
		t.Errorf("POST: %d", w.Code)
	}
	w := httptest.NewRecorder()
	Handler(func() (Site, error) { return Site{}, errors.New("no site") }).ServeHTTP(w, httptest.NewRequest("GET", "/static/real.png", nil))
	if w.Code != 404 {
		t.Errorf("no site: %d", w.Code)
	}
	if _, err := Open(s.Static, "/etc/passwd"); err == nil {
		t.Error("absolute path opened")
	}
}
