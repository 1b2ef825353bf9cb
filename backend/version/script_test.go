package version

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// scripts/version.sh turns `git describe` into the version stamped into the
// binary and the Debian package; the test runs it in throwaway repositories.

func gitRepo(t *testing.T) (dir string, git func(args ...string) string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	script, err := os.ReadFile(filepath.Join("..", "..", "scripts", "version.sh"))
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	os.MkdirAll(filepath.Join(dir, "scripts"), 0o755)
	os.WriteFile(filepath.Join(dir, "scripts", "version.sh"), script, 0o755)
	git = func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t",
			"GIT_COMMITTER_EMAIL=t@t", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-qm", "first")
	return dir, git
}

func versionOf(t *testing.T, dir string) string {
	t.Helper()
	out, err := exec.Command(filepath.Join(dir, "scripts", "version.sh")).Output()
	if err != nil {
		t.Fatalf("version.sh: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// debianValid is Debian policy's upstream version without a revision.
var debianValid = regexp.MustCompile(`^[0-9][A-Za-z0-9.+~]*$`)

func TestVersionScript(t *testing.T) {
	dir, git := gitRepo(t)
	check := func(what, want string) string {
		t.Helper()
		got := versionOf(t, dir)
		if got != want {
			t.Errorf("%s: version %q, want %q", what, got, want)
		}
		if !debianValid.MatchString(got) {
			t.Errorf("%s: %q is not a Debian upstream version", what, got)
		}
		return got
	}
	head := func() string { return git("rev-parse", "--short", "HEAD") }

	noTag := check("no tag yet", "0.0.0+"+head())
	git("tag", "v1.2.0")
	onTag := check("on a tag", "1.2.0")
	git("commit", "-q", "--allow-empty", "-m", "2")
	git("commit", "-q", "--allow-empty", "-m", "3")
	after := check("two commits after a tag", "1.2.0+2.g"+head())
	git("tag", "release-x") // not a version: ignored
	check("a tag that is not a version", "1.2.0+2.g"+head())
	git("tag", "v2.0.0-rc1")
	rc := check("a pre-release tag", "2.0.0~rc1")
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644)
	git("add", "notes.txt")
	check("changes not committed, on a tag", "2.0.0~rc1+dirty")
	git("commit", "-qm", "4")
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("y"), 0o644)
	check("changes not committed, after a tag", "2.0.0~rc1+1.g"+head()+".dirty")

	// Debian orders them as the history goes.
	if _, err := exec.LookPath("dpkg"); err == nil {
		order := []string{noTag, onTag, after, rc, "2.0.0"}
		for i := 1; i < len(order); i++ {
			if err := exec.Command("dpkg", "--compare-versions", order[i-1], "lt", order[i]).Run(); err != nil {
				t.Errorf("dpkg does not order %q before %q", order[i-1], order[i])
			}
		}
	}
	if got, err := exec.Command(filepath.Join(dir, "scripts", "version.sh"), "--commit").Output(); err != nil ||
		strings.TrimSpace(string(got)) != git("rev-parse", "HEAD") {
		t.Errorf("--commit: %q %v", got, err)
	}
}
