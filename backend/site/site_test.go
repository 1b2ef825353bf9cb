package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.md"), "b")
	write(t, filepath.Join(dir, "sub", "a.MD"), "a")
	write(t, filepath.Join(dir, "sub", "x.txt"), "x")
	write(t, filepath.Join(dir, ".git", "c.md"), "hidden")
	write(t, filepath.Join(dir, ".draft.md"), "hidden")
	other := filepath.Join(t.TempDir(), "single.md")
	write(t, other, "s")
	files, failures := Collect([]string{dir, other, filepath.Join(dir, "b.md"), filepath.Join(dir, "nope")})
	var rels []string
	for _, f := range files {
		rels = append(rels, f.Rel)
	}
	if got := strings.Join(rels, ","); got != "b.md,sub/a.MD,single.md" {
		t.Errorf("files: %s", got)
	}
	if len(failures) != 1 || !strings.Contains(failures[0].Path, "nope") || !strings.Contains(failures[0].Reason, "no such file") {
		t.Errorf("failures: %+v", failures)
	}
}

func TestReadFileLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.md")
	write(t, p, strings.Repeat("x", 2048))
	if _, err := ReadFile(p, 1024); err == nil {
		t.Error("a file over the limit was read")
	}
	if b, err := ReadFile(p, 4096); err != nil || len(b) != 2048 {
		t.Errorf("%d bytes, %v", len(b), err)
	}
}

func TestTarget(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	os.Symlink(outside, filepath.Join(root, "out"))
	os.MkdirAll(filepath.Join(root, "real"), 0o755)
	os.Symlink(filepath.Join(root, "real"), filepath.Join(root, "in"))
	os.Symlink(filepath.Join(root, "real", "f.md"), filepath.Join(root, "link.md"))
	for rel, ok := range map[string]bool{
		"a.md": true, "posts/2025/a.md": true, "in/a.md": true, "new/dir/a.md": true,
		"": false, "../a.md": false, "/etc/passwd": false, "a/../../b.md": false, "out/a.md": false, "link.md": false,
	} {
		got, err := Target(root, rel)
		if ok != (err == nil) {
			t.Errorf("Target(%q) = %q, %v", rel, got, err)
		}
		if err == nil && !strings.HasPrefix(got, root) && !strings.Contains(got, "real") {
			t.Errorf("Target(%q) = %q is outside", rel, got)
		}
		if strings.Contains(rel, "..") || rel == "out/a.md" {
			if !errors.Is(err, ErrOutside) {
				t.Errorf("Target(%q): %v, want ErrOutside", rel, err)
			}
		}
	}
}

func TestWriteAtomicAndInspect(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "sub", "a.md")
	h := func(s string) string { return hashHex([]byte(s)) }
	if d, _ := Inspect(target, h("new"), "", ""); d != DiskMissing {
		t.Errorf("missing: %v", d)
	}
	if err := WriteAtomic(target, []byte("old")); err != nil {
		t.Fatal(err)
	}
	os.Chmod(target, 0o600)
	for _, c := range []struct {
		imported, exported string
		want               Disk
	}{{h("old"), "", DiskOurs}, {"", h("old"), DiskOurs}, {h("x"), h("y"), DiskConflict}} {
		if d, _ := Inspect(target, h("new"), c.imported, c.exported); d != c.want {
			t.Errorf("Inspect with %+v: %v", c, d)
		}
	}
	if d, _ := Inspect(target, h("old"), "", ""); d != DiskSame {
		t.Errorf("same: %v", d)
	}
	if d, _ := Inspect(dir, h("x"), "", ""); d != DiskNotAFile {
		t.Errorf("folder: %v", d)
	}
	if err := WriteAtomic(target, []byte("new")); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(target)
	if b, _ := os.ReadFile(target); string(b) != "new" || info.Mode().Perm() != 0o600 {
		t.Errorf("content %q mode %v (the old mode is kept)", b, info.Mode())
	}
	entries, _ := os.ReadDir(filepath.Dir(target))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}
