package images

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"copydesk/backend/site"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Screen Shot 2025-06-27 at 20.10.05.png": "screen-shot-2025-06-27-at-20-10-05",
		"截图 芯片产能（2025）.PNG":                      "截图-芯片产能-2025",
		"C:\\Users\\编辑\\Desktop\\Cover.JPG":      "cover",
		"../../etc/passwd":                       "passwd",
		"  --.png":                               "image",
		"":                                       "image",
		".hidden":                                "hidden",
		"con.png":                                "_con",
		"a\x00b\u202ec.gif":                      "a-b-c",
		"image.tar.gz":                           "image-tar",
		strings.Repeat("长", 100) + ".png":        strings.Repeat("长", maxSlug),
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlaceWritesUnderASafeContentNamedFile(t *testing.T) {
	s := newSite(t)
	data := pngBytes(t, 4, 3, 7)
	p, err := Place(s, "posts/article.md", "My Cover Photo.jpg", data, Featured)
	if err != nil {
		t.Fatal(err)
	}
	// The extension is what the bytes are (a PNG), whatever the name said.
	if !regexp.MustCompile(`^images/my-cover-photo-[0-9a-f]{8}\.png$`).MatchString(p.Ref) || p.Bundled || p.Existed {
		t.Fatalf("placed %+v", p)
	}
	if p.File != filepath.Join(s.Static, filepath.FromSlash(p.Ref)) {
		t.Errorf("file %s for ref %s", p.File, p.Ref)
	}
	if got, _ := os.ReadFile(p.File); !bytes.Equal(got, data) {
		t.Error("the file does not hold the bytes")
	}
	body, err := Place(s, "", "My Cover Photo.jpg", data, Body)
	if err != nil || body.Ref != "/"+p.Ref || !body.Existed || body.File != p.File {
		t.Errorf("the same bytes again, in the body: %+v %v", body, err)
	}
	other, err := Place(s, "", "My Cover Photo.jpg", pngBytes(t, 4, 3, 8), Body)
	if err != nil || other.File == p.File || other.Existed {
		t.Errorf("different bytes under the same name: %+v %v", other, err)
	}
	if got, _ := os.ReadFile(p.File); !bytes.Equal(got, data) {
		t.Error("the first image was overwritten")
	}
	entries, _ := os.ReadDir(s.Images)
	if len(entries) != 2 {
		t.Errorf("%d files in images/ (temporary files left?)", len(entries))
	}
}

func TestPlaceNeverOverwritesAFileChangedByHand(t *testing.T) {
	s := newSite(t)
	data := gifBytes(t)
	p, err := Place(s, "", "anim.gif", data, Body)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p.File, []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := Place(s, "", "anim.gif", data, Body)
	if err != nil || again.File == p.File || !regexp.MustCompile(`^/images/anim-[0-9a-f]{16}\.gif$`).MatchString(again.Ref) {
		t.Fatalf("%+v %v", again, err)
	}
	if got, _ := os.ReadFile(p.File); string(got) != "edited by hand" {
		t.Error("the hand-edited file was replaced")
	}
}

func TestPlaceInALeafBundle(t *testing.T) {
	s := newSite(t)
	data := jpegBytes(t)
	p, err := Place(s, "posts/2025/芯片/index.md", "图 1.jpeg", data, Body)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Bundled || !regexp.MustCompile(`^图-1-[0-9a-f]{8}\.jpg$`).MatchString(p.Ref) ||
		p.File != filepath.Join(s.Content, "posts", "2025", "芯片", p.Ref) {
		t.Errorf("body: %+v", p)
	}
	// The featured image of a bundle stays a static path, as the house style writes it.
	f, err := Place(s, "posts/2025/芯片/index.md", "图 1.jpeg", data, Featured)
	if err != nil || f.Bundled || f.Ref != "images/"+p.Ref || f.File != filepath.Join(s.Images, p.Ref) {
		t.Errorf("featured: %+v %v", f, err)
	}
	// _index.md is a branch bundle and a plain page is no bundle: the images folder.
	for _, draft := range []string{"posts/_index.md", "posts/index.md.bak", "index.md", ""} {
		p, err := Place(s, draft, "x.jpg", data, Body)
		if err != nil || p.Bundled || !strings.HasPrefix(p.Ref, "/images/") {
			t.Errorf("%q: %+v %v", draft, p, err)
		}
	}
}

func TestPlaceStaysInsideTheSite(t *testing.T) {
	s := newSite(t)
	data := pngBytes(t, 1, 1, 0)
	outside := t.TempDir()
	for _, draft := range []string{"../../outside/index.md", "/abs/index.md", "a/../../../x/index.md"} {
		if p, err := Place(s, draft, "x.png", data, Body); !errors.Is(err, site.ErrOutside) {
			t.Errorf("%q: %+v %v", draft, p, err)
		}
	}
	// A bundle folder that is a link out of the content folder.
	if err := os.Symlink(outside, filepath.Join(s.Content, "linked")); err != nil {
		t.Fatal(err)
	}
	if p, err := Place(s, "linked/index.md", "x.png", data, Body); !errors.Is(err, site.ErrOutside) {
		t.Errorf("through a link: %+v %v", p, err)
	}
	// The images folder itself a link out of static/.
	if err := os.Symlink(outside, s.Images); err != nil {
		t.Fatal(err)
	}
	if p, err := Place(s, "", "x.png", data, Body); !errors.Is(err, site.ErrOutside) {
		t.Errorf("images folder linked out: %+v %v", p, err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("wrote outside the site: %v", entries)
	}
	// An images folder the profile put outside static/.
	bad := Site{Static: s.Static, Images: outside, Content: s.Content}
	if _, err := Place(bad, "", "x.png", data, Body); err == nil || !strings.Contains(err.Error(), "not inside the static folder") {
		t.Errorf("images outside static: %v", err)
	}
}

func TestPlaceRefusesWhatIsNotAnImage(t *testing.T) {
	s := newSite(t)
	cases := map[string][]byte{
		"notes.png":  []byte("# 这是 Markdown\n"),
		"page.svg":   []byte("<html><body><svg/></body></html>"),
		"empty.png":  nil,
		"big.png":    append(pngBytes(t, 1, 1, 0), make([]byte, MaxSize)...),
		"script.gif": []byte("<script>alert(1)</script>"),
	}
	for name, data := range cases {
		p, err := Place(s, "", name, data, Body)
		if err == nil {
			t.Errorf("%s accepted: %+v", name, p)
			continue
		}
		want := ErrNotImage
		switch name {
		case "empty.png":
			want = ErrEmpty
		case "big.png":
			want = ErrTooLarge
		}
		if !errors.Is(err, want) {
			t.Errorf("%s: %v (want %v)", name, err, want)
		}
	}
	if _, err := Place(Site{}, "", "x.png", pngBytes(t, 1, 1, 0), Body); !errors.Is(err, ErrNoSite) {
		t.Errorf("no site: %v", err)
	}
	if _, err := Place(s, "", "x.png", pngBytes(t, 1, 1, 0), "inline"); err == nil {
		t.Error("unknown purpose accepted")
	}
	if _, err := os.Stat(s.Images); err == nil {
		entries, _ := os.ReadDir(s.Images)
		if len(entries) != 0 {
			t.Errorf("refused images left files: %v", entries)
		}
	}
}

func TestPlaceWithImagesStraightInStatic(t *testing.T) {
	s := newSite(t)
	s.Images = s.Static
	p, err := Place(s, "", "a.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), Body)
	if err != nil || !regexp.MustCompile(`^/a-[0-9a-f]{8}\.svg$`).MatchString(p.Ref) {
		t.Errorf("%+v %v", p, err)
	}
	f, err := Place(s, "", "a.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), Featured)
	if err != nil || f.Ref != strings.TrimPrefix(p.Ref, "/") {
		t.Errorf("%+v %v", f, err)
	}
}

func TestPlaceMakesAMissingStaticFolder(t *testing.T) {
	root := t.TempDir()
	s := Site{Static: filepath.Join(root, "assets", "static"), Images: filepath.Join(root, "assets", "static", "img")}
	p, err := Place(s, "", "x.png", pngBytes(t, 2, 2, 2), Featured)
	if err != nil || !strings.HasPrefix(p.Ref, "img/x-") {
		t.Fatalf("%+v %v", p, err)
	}
	if _, err := os.Stat(p.File); err != nil {
		t.Error(err)
	}
}

// Two pastes of the same image at once (a double drop) write one file, whole.
func TestPlaceSameImageConcurrently(t *testing.T) {
	s := newSite(t)
	data := pngBytes(t, 64, 64, 9)
	refs := make(chan string, 8)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := Place(s, "", "same.png", data, Body)
			if err != nil {
				t.Error(err)
			}
			refs <- p.Ref
		}()
	}
	wg.Wait()
	close(refs)
	first := <-refs
	for r := range refs {
		if r != first {
			t.Errorf("%s and %s for the same bytes", first, r)
		}
	}
	entries, _ := os.ReadDir(s.Images)
	if len(entries) != 1 {
		t.Errorf("%d files (temporary files left?)", len(entries))
	}
	if got, _ := os.ReadFile(filepath.Join(s.Static, filepath.FromSlash(first))); !bytes.Equal(got, data) {
		t.Error("the file is not the image")
	}
}
