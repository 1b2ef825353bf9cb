package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// returnsSoon runs f and fails the test if it does not return in time: the
// regressions here are hangs.
func returnsSoon(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: still blocked after 10 s", what)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// A FIFO or a device named directly is refused at once, by Collect and by
// ReadFile; a FIFO inside a folder is skipped.
func TestSpecialFilesAreRefusedWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.md")
	mkfifo(t, fifo)
	write(t, filepath.Join(dir, "a.md"), "a")
	for _, p := range []string{fifo, "/dev/zero"} {
		returnsSoon(t, "ReadFile "+p, func() {
			if _, err := ReadFile(p, 10<<20); !errors.Is(err, ErrNotRegular) {
				t.Errorf("ReadFile(%s): %v, want not a regular file", p, err)
			}
		})
	}
	returnsSoon(t, "Collect", func() {
		files, failures := Collect([]string{fifo, "/dev/zero", dir})
		if len(files) != 1 || files[0].Rel != "a.md" {
			t.Errorf("files %+v", files)
		}
		if len(failures) != 2 || failures[0].Reason != "not a regular file" || failures[1].Reason != "not a regular file" {
			t.Errorf("failures %+v", failures)
		}
	})
}

// The limit holds for files of any size, and the error says what limit.
func TestReadFileStopsAtTheLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.md")
	write(t, p, strings.Repeat("x", 3<<20))
	_, err := ReadFile(p, 2<<20)
	if !errors.Is(err, ErrTooLarge) || err.Error() != "file is larger than 2 MB" {
		t.Errorf("err %v", err)
	}
	if b, err := ReadFile(p, 3<<20); err != nil || len(b) != 3<<20 {
		t.Errorf("exactly the limit: %d bytes, %v", len(b), err)
	}
}

// A folder named through a symbolic link is walked (a false "0 files" would
// pass a site's CI); links to folders inside it are not followed, so a loop
// ends; files are named under the path the user gave.
func TestCollectFollowsALinkNamedOnTheCommandLine(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	write(t, filepath.Join(real, "a.md"), "a")
	write(t, filepath.Join(real, "sub", "b.md"), "b")
	if err := os.Symlink(real, filepath.Join(real, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(real, "a.md"), filepath.Join(real, "sub", "linked.md")); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(base, "sitelink")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	var files []File
	var failures []Failure
	returnsSoon(t, "Collect", func() { files, failures = Collect([]string{link}) })
	var got []string
	for _, f := range files {
		got = append(got, f.Rel+"="+f.Path)
		if !strings.HasPrefix(f.Abs, link) {
			t.Errorf("Abs %s is not under the named link", f.Abs)
		}
	}
	want := "a.md=" + filepath.Join(link, "a.md") + ",sub/b.md=" + filepath.Join(link, "sub/b.md") + ",sub/linked.md=" + filepath.Join(link, "sub/linked.md")
	if strings.Join(got, ",") != want || len(failures) != 0 {
		t.Errorf("files %v, failures %v; want %s", got, failures, want)
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"posts/数据中心 电力.md":     "posts/数据中心 电力.md",
		"a\x1b]0;pwned\x07.md": `"a\x1b]0;pwned\a.md"`,
		"line\nbreak.md":       `"line\nbreak.md"`,
		"rtl\u202eqp.md":       `"rtl\u202eqp.md"`,
		"bad\xff.md":           `"bad\xff.md"`,
		"tab\t.md":             `"tab\t.md"`,
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}

// Replacing a linked article writes through to the file it leads to: the
// link stays a link, the mode stays, and a file changed since it was read
// is left alone.
func TestReplaceIfUnchangedWritesThroughLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "store", "a.md")
	write(t, real, "old")
	os.Chmod(real, 0o600)
	link := filepath.Join(dir, "a.md")
	if err := os.Symlink(filepath.Join("store", "a.md"), link); err != nil {
		t.Fatal(err)
	}
	if err := ReplaceIfUnchanged(link, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	info, _ := os.Stat(real)
	if b, _ := os.ReadFile(real); string(b) != "new" || info.Mode().Perm() != 0o600 {
		t.Errorf("target %q, mode %v", b, info.Mode())
	}
	if err := ReplaceIfUnchanged(link, []byte("old"), []byte("newer")); !errors.Is(err, ErrChanged) {
		t.Errorf("changed file: %v", err)
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("changed file was overwritten: %q", b)
	}
}

// A kill -9 mid-write leaves ".<name>.copydesk-<n>"; the next run removes
// those older than itself and nothing else.
func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for _, name := range []string{".a.md.copydesk-123", ".文章.md.copydesk-9", ".b.md.copydesk-77", ".a.md.copydesk-x", ".hidden.md", "a.md"} {
		write(t, filepath.Join(dir, name), "x")
		if name != ".b.md.copydesk-77" {
			os.Chtimes(filepath.Join(dir, name), old, old)
		}
	}
	n, err := RemoveStaleTemps(dir, time.Now().Add(-time.Minute))
	if err != nil || n != 2 {
		t.Fatalf("removed %d, %v", n, err)
	}
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if strings.Join(left, ",") != ".a.md.copydesk-x,.b.md.copydesk-77,.hidden.md,a.md" {
		t.Errorf("left %v", left)
	}
	if n, err := RemoveStaleTemps(filepath.Join(dir, "nope"), time.Now()); n != 0 || err != nil {
		t.Errorf("missing folder: %d, %v", n, err)
	}
}
