package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// houseFiles writes n distinct articles under dir.
func houseFiles(t *testing.T, dir string, n int) {
	t.Helper()
	files := map[string]string{}
	for i := 0; i < n; i++ {
		files[fmt.Sprintf("posts/%03d.md", i)] = strings.Replace(cmdArticle, "%s", fmt.Sprintf("第%d篇", i), 1)
	}
	writeArticles(t, dir, files)
}

// readOnlyLibrary imports a few articles into a library in its own folder,
// then makes the file and its folder read-only: with chmod for a normal
// user; for root (whom chmod does not stop) by remounting a tmpfs read-only.
func readOnlyLibrary(t *testing.T) (db, src string) {
	t.Helper()
	src = t.TempDir()
	houseFiles(t, src, 3)
	dir := t.TempDir()
	root := os.Geteuid() == 0
	if root {
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", dir).CombinedOutput(); err != nil {
			t.Skipf("cannot mount a tmpfs here (%v: %s)", err, out)
		}
		t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	}
	db = filepath.Join(dir, "lib.db")
	if code, _, stderr := run(t, "import", "--db", db, src); code != ExitOK {
		t.Fatalf("import: %s", stderr)
	}
	if root {
		if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
			t.Skipf("cannot remount read-only: %v %s", err, out)
		}
	} else {
		os.Chmod(db, 0o444)
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	}
	return db, src
}

// A library in a read-only folder (WAL wants a -shm beside it) can still be
// listed; writing commands say it is read-only once, before doing any work.
func TestReadOnlyLibrary(t *testing.T) {
	db, src := readOnlyLibrary(t)
	readOnlyLibraryChecks(t, db, src)
}

// The same with permissions (chmod) rather than a read-only mount, as an
// unprivileged user.
func TestReadOnlyLibraryByPermissions(t *testing.T) {
	if !asUnprivileged(t) {
		return
	}
	db, src := readOnlyLibrary(t)
	readOnlyLibraryChecks(t, db, src)
}

func readOnlyLibraryChecks(t *testing.T, db, src string) {
	t.Helper()
	code, stdout, stderr := run(t, "list", "--db", db)
	if code != ExitOK || strings.Count(stdout, "第") != 3 {
		t.Errorf("list: exit %d\n%s%s", code, stdout, stderr)
	}
	more := t.TempDir()
	houseFiles(t, more, 40)
	code, stdout, stderr = run(t, "import", "--db", db, src, more)
	if code != ExitUsage || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "read-only") {
		t.Errorf("import: exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
	out := t.TempDir()
	code, stdout, stderr = run(t, "export", "--db", db, "--out", out, "--all")
	entries, _ := os.ReadDir(out)
	if code != ExitUsage || len(entries) != 0 || !strings.Contains(stderr, "read-only") {
		t.Errorf("export: exit %d, %d files written before failing\n%s%s", code, len(entries), stdout, stderr)
	}
}

// A reading command never creates a library or its folders.
func TestListWithoutALibraryCreatesNothing(t *testing.T) {
	base := t.TempDir()
	db := filepath.Join(base, "nope", "x", "lib.db")
	code, stdout, stderr := run(t, "list", "--db", db)
	if code != ExitUsage || stdout != "" || !strings.Contains(stderr, "there is no library at "+db) {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(base, "nope")); !os.IsNotExist(err) {
		t.Errorf("list created %s (%v)", filepath.Join(base, "nope"), err)
	}
}

// A library that turns out corrupt: the error alone, no tally that reads
// like a finished import.
func TestImportIntoACorruptLibrary(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	src := t.TempDir()
	houseFiles(t, src, 30)
	if code, _, stderr := run(t, "import", "--db", db, src); code != ExitOK {
		t.Fatal(stderr)
	}
	// Keep the header (the file still opens), ruin every page after the first.
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := f.Stat()
	f.WriteAt([]byte(strings.Repeat("\xde\xad", int(info.Size()-4096)/2)), 4096)
	f.Close()
	more := t.TempDir()
	houseFiles(t, more, 30)
	os.Rename(filepath.Join(more, "posts"), filepath.Join(more, "other"))
	code, stdout, stderr := run(t, "import", "--db", db, more)
	if code == ExitOK || strings.Contains(stdout, "imported") || strings.Count(stderr, "\n") > 2 {
		t.Errorf("exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
}

// kill -9 during an export leaves ".<name>.md.copydesk-<n>": the next
// export removes such files older than itself, and only those.
func TestExportSweepsStaleTemporaryFiles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	src := t.TempDir()
	houseFiles(t, src, 2)
	if code, _, stderr := run(t, "import", "--db", db, src); code != ExitOK {
		t.Fatal(stderr)
	}
	out := t.TempDir()
	posts := filepath.Join(out, "posts")
	old := time.Now().Add(-time.Hour)
	for _, name := range []string{".000.md.copydesk-4242", ".zzz.md.copydesk-17", ".keep.md", "notes.txt"} {
		writeFile(t, filepath.Join(posts, name), "partial")
		os.Chtimes(filepath.Join(posts, name), old, old)
	}
	if code, _, stderr := run(t, "export", "--db", db, "--out", out, "--all"); code != ExitOK {
		t.Fatal(stderr)
	}
	entries, _ := os.ReadDir(posts)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, ","); got != ".keep.md,000.md,001.md,notes.txt" {
		t.Errorf("left in the site: %s", got)
	}
}

// asUnprivileged runs the calling test again in a child process as the
// user nobody when this one is root (whom file permissions do not stop), and
// reports whether the caller should run the test body itself.
func asUnprivileged(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() != 0 {
		return true
	}
	dir, err := os.MkdirTemp("", "copydesk-unprivileged-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o777)
	exe, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Skipf("cannot copy the test binary: %v", err)
	}
	bin := filepath.Join(dir, "cli.test")
	if err := os.WriteFile(bin, exe, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^"+t.Name()+"$", "-test.v", "-test.count=1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TMPDIR="+dir, "HOME="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		if strings.Contains(string(out), "operation not permitted") {
			t.Skipf("cannot run as an unprivileged user here: %s", out)
		}
		t.Fatalf("as user nobody: %v\n%s", err, out)
	}
	return false
}

// A read-only library file in a writable folder: import refuses once,
// before reading any file (not once per file, then a tally); export refuses
// before writing any file.
func TestReadOnlyLibraryFile(t *testing.T) {
	if !asUnprivileged(t) {
		return
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	src := t.TempDir()
	houseFiles(t, src, 3)
	if code, _, stderr := run(t, "import", "--db", db, src); code != ExitOK {
		t.Fatal(stderr)
	}
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	more := t.TempDir()
	houseFiles(t, more, 60)
	os.Rename(filepath.Join(more, "posts"), filepath.Join(more, "other"))
	code, stdout, stderr := run(t, "import", "--db", db, more)
	if code != ExitUsage || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "read-only") {
		t.Errorf("import: exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
	out := t.TempDir()
	code, stdout, stderr = run(t, "export", "--db", db, "--out", out, "--all")
	entries, _ := os.ReadDir(out)
	if code != ExitUsage || len(entries) != 0 || !strings.Contains(stderr, "read-only") {
		t.Errorf("export: exit %d, %d files written before failing\n%s%s", code, len(entries), stdout, stderr)
	}
	if code, stdout, _ := run(t, "list", "--db", db); code != ExitOK || strings.Count(stdout, "第") != 3 {
		t.Errorf("list: exit %d\n%s", code, stdout)
	}
}
