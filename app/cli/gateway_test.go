package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Every command that reads articles refuses a FIFO or a device named
// directly, at once (runCLI fails the test if a command blocks), naming it.
func TestCommandsRefuseSpecialFilesNamedDirectly(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	db := filepath.Join(dir, "lib.db")
	for _, special := range []string{fifo, "/dev/zero"} {
		for _, args := range [][]string{
			{"check", special},
			{"render", special},
			{"links", "--archive-endpoint", "none", special},
			{"import", "--db", db, special},
			{"fix", "--dry-run", special},
			{"cite", "--html", special, "--url", "https://example.com/a"},
		} {
			code, _, stderr := runCLI(t, args...)
			if code == ExitOK || !strings.Contains(stderr, special) || !strings.Contains(stderr, "not a regular file") {
				t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
			}
		}
	}
}

// A folder named through a symbolic link is checked and imported, not
// passed as "0 files checked".
func TestCommandsFollowAFolderLinkNamedDirectly(t *testing.T) {
	base := t.TempDir()
	writeFile(t, filepath.Join(base, "site", "posts", "a.md"), cleanArticle(t))
	link := filepath.Join(base, "sitelink")
	if err := os.Symlink(filepath.Join(base, "site"), link); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "check", "--today", "2025-07-01", link)
	if code != ExitOK || !strings.HasPrefix(stdout, "1 file checked") {
		t.Errorf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "import", "--db", filepath.Join(base, "lib.db"), link)
	if code != ExitOK || !strings.Contains(stdout, "imported 1 files: 1 new") {
		t.Errorf("import: exit %d\n%s%s", code, stdout, stderr)
	}
}

// render reads through the same bounded reader as the other commands.
func TestRenderRefusesAFileOverTheArticleLimit(t *testing.T) {
	path := writeFile(t, filepath.Join(t.TempDir(), "big.md"), strings.Repeat("段落。\n\n", 2<<20))
	code, stdout, stderr := runCLI(t, "render", path)
	if code != ExitUsage || stdout != "" || !strings.Contains(stderr, path+": file is larger than 10 MB") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// A file name with control characters never reaches the terminal raw: an
// ESC sequence in a name could retitle or repaint the user's terminal.
func TestFileNamesAreQuotedInMessages(t *testing.T) {
	dir := t.TempDir()
	evil := "t\x1b]0;pwned\x07.md"
	writeFile(t, filepath.Join(dir, evil), strings.Replace(cleanArticle(t), "draft: false", "draft: yes", 1))
	writeFile(t, filepath.Join(dir, "中文 标题.md"), "not an article \xff\xfe")
	for _, args := range [][]string{
		{"check", "--today", "2025-07-01", dir},
		{"links", "--archive-endpoint", "none", dir},
		{"render", filepath.Join(dir, "中文 标题.md")},
		{"import", "--db", filepath.Join(t.TempDir(), "lib.db"), dir},
	} {
		_, stdout, stderr := runCLI(t, args...)
		if strings.ContainsAny(stdout+stderr, "\x1b\x07") {
			t.Errorf("%v printed a control character:\n%q\n%q", args, stdout, stderr)
		}
		if args[0] == "check" && !strings.Contains(stdout, `t\x1b]0;pwned\a.md`) {
			t.Errorf("check does not name the file:\n%s", stdout)
		}
		if args[0] != "check" && args[0] != "links" && !strings.Contains(stderr, "中文 标题.md") {
			t.Errorf("%v: a readable name was escaped:\n%s", args, stderr)
		}
	}
}

// A cited URL is article content: an escape sequence in it is quoted too.
func TestLinksQuotesCitedURLs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.md")
	writeArticle(t, path, "[标题](http://x.invalid/\x1b[2J)·示例日报（2025/6/20）·检索日期2025/6/21")
	_, stdout, stderr := runLinksForTest(t, "--archive-endpoint", "none", path)
	if strings.ContainsAny(stdout+stderr, "\x1b") || !strings.Contains(stdout, `\x1b[2J`) {
		t.Errorf("%q\n%q", stdout, stderr)
	}
}
