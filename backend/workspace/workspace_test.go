package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/backend/profile"
	"copydesk/backend/render"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A site with its own profile and Markdown settings, an article two folders
// down: found from the article, from its folder, and by name.
func TestOpenFindsTheProfileAndTheSiteMarkdown(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "hugo.toml"), "[markup.goldmark.renderer]\nunsafe = true\n")
	write(t, filepath.Join(root, profile.FileName), "site:\n  root: .\n")
	article := filepath.Join(root, "content", "posts", "文章 一.md")
	write(t, article, "---\ntitle: 文章\n---\n")
	for _, start := range []string{article, filepath.Dir(article)} {
		w, err := Open("", start)
		if err != nil {
			t.Fatalf("from %s: %v", start, err)
		}
		if w.Profile.Path != filepath.Join(root, profile.FileName) {
			t.Errorf("from %s: profile %q", start, w.Profile.Path)
		}
		if w.MarkdownErr != nil || !w.Markdown.Goldmark.Renderer.Unsafe {
			t.Errorf("from %s: the site's unsafe = true was not read (%v)", start, w.MarkdownErr)
		}
		if m := w.SiteMarkdown(); m == nil || *m != w.Markdown {
			t.Errorf("from %s: SiteMarkdown %v", start, m)
		}
	}
	named, err := Open(filepath.Join(root, profile.FileName), t.TempDir())
	if err != nil || named.Profile.Path != filepath.Join(root, profile.FileName) {
		t.Fatalf("named profile: %+v %v", named, err)
	}
}

// No start and no name: the built-in house style with Hugo's defaults.
func TestOpenWithNothingIsTheBuiltInStyle(t *testing.T) {
	w, err := Open("", "")
	if err != nil {
		t.Fatal(err)
	}
	if w.Profile.Path != "" || w.SiteRoot != "" || w.Markdown != render.Default() || w.SiteMarkdown() != nil {
		t.Fatalf("%+v", w)
	}
}

// A broken profile is the error; a broken site configuration is reported
// beside Hugo's defaults, for the caller to refuse or to pass over.
func TestBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, profile.FileName)
	write(t, bad, "site: [\n")
	if _, err := Open(bad, ""); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("broken profile: %v", err)
	}
	site := t.TempDir()
	write(t, filepath.Join(site, "hugo.toml"), "[markup\n")
	w := For(profile.Default(), site)
	if w.MarkdownErr == nil || w.Markdown != render.Default() || w.SiteMarkdown() != nil {
		t.Errorf("broken site config: %+v", w)
	}
	if _, err := w.Renderer().Render([]byte("正文")); err != nil {
		t.Errorf("the fallback renderer: %v", err)
	}
}
