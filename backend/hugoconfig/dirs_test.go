package hugoconfig

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadDirs(t *testing.T) {
	write := func(t *testing.T, path, text string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("defaults", func(t *testing.T) {
		root := t.TempDir()
		write(t, filepath.Join(root, "hugo.toml"), "title = 'x'\n")
		d, err := LoadDirs(root)
		if err != nil || d.Content != filepath.Join(root, "content") || d.Static != filepath.Join(root, "static") {
			t.Errorf("%+v %v", d, err)
		}
	})
	t.Run("toml, keys in any case, config/_default overrides", func(t *testing.T) {
		root := t.TempDir()
		write(t, filepath.Join(root, "hugo.toml"), "ContentDir = 'articles'\nstaticDir = 'assets/static'\n")
		write(t, filepath.Join(root, "config", "_default", "hugo.yaml"), "contentDir: 文章\n")
		d, err := LoadDirs(root)
		if err != nil || d.Content != filepath.Join(root, "文章") || d.Static != filepath.Join(root, "assets", "static") {
			t.Errorf("%+v %v", d, err)
		}
	})
	t.Run("not a string", func(t *testing.T) {
		root := t.TempDir()
		write(t, filepath.Join(root, "config.json"), `{"contentDir": ["a", "b"]}`)
		if _, err := LoadDirs(root); err == nil || !strings.Contains(err.Error(), "config.json") {
			t.Errorf("error %v does not name the file", err)
		}
	})
	t.Run("malformed", func(t *testing.T) {
		root := t.TempDir()
		write(t, filepath.Join(root, "hugo.yaml"), "contentDir: [\n")
		if _, err := LoadDirs(root); err == nil || !strings.Contains(err.Error(), "hugo.yaml") {
			t.Errorf("error %v does not name the file", err)
		}
	})
}
