package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The site commands over real git: a bare repository, two clones, a library
// each.

func gitCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// siteClones makes a bare repository with a Hugo site of one article and
// two clones of it, each with its library holding the site's articles.
func siteClones(t *testing.T) (remote, alice, bob, aliceDB, bobDB string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	base := t.TempDir()
	remote = filepath.Join(base, "site.git")
	gitCmd(t, base, "init", "--quiet", "--bare", "--initial-branch=main", remote)
	seed := filepath.Join(base, "seed")
	gitCmd(t, base, "clone", "--quiet", remote, seed)
	writeArticles(t, seed, map[string]string{
		"hugo.toml":         "baseURL = 'https://example.org/'\ncontentDir = '文章'\n",
		"copydesk.yaml":     "site:\n  root: .\n  drafts: posts/new\n",
		"文章/posts/a.md":     strings.Replace(cmdArticle, "%s", "算力之争", 1),
		"文章/posts/b c.md":   strings.Replace(cmdArticle, "%s", "芯片出口", 1),
		"layouts/.gitkeep":  "",
		"static/images/.k":  "",
		"README.md":         "site\n",
		"archetypes/x.md":   "---\n---\n",
		"themes/.gitignore": "",
	})
	gitCmd(t, seed, "-c", "user.name=Seed", "-c", "user.email=seed@example.com", "add", "-A")
	gitCmd(t, seed, "-c", "user.name=Seed", "-c", "user.email=seed@example.com", "commit", "--quiet", "-m", "site")
	gitCmd(t, seed, "push", "--quiet", "origin", "main")
	for _, who := range []string{"Alice", "Bob"} {
		dir := filepath.Join(base, who)
		gitCmd(t, base, "clone", "--quiet", remote, dir)
		gitCmd(t, dir, "config", "user.name", who)
		gitCmd(t, dir, "config", "user.email", strings.ToLower(who)+"@example.com")
		db := filepath.Join(base, who+".db")
		if code, _, errs := run(t, "import", "--db", db, filepath.Join(dir, "文章")); code != ExitOK {
			t.Fatalf("import: %s", errs)
		}
		if who == "Alice" {
			alice, aliceDB = dir, db
		} else {
			bob, bobDB = dir, db
		}
	}
	return
}

func TestSiteCommands(t *testing.T) {
	_, alice, bob, aliceDB, bobDB := siteClones(t)
	code, out, errs := run(t, "site", "status", "--site", alice, "--db", aliceDB, "--json")
	if code != ExitOK {
		t.Fatalf("status: %d %s %s", code, out, errs)
	}
	var st struct {
		Branch   string `json:"branch"`
		Upstream string `json:"upstream"`
		Files    []any  `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil || st.Branch != "main" || st.Upstream != "origin/main" || len(st.Files) != 0 {
		t.Fatalf("status json: %v %s", err, out)
	}

	// Alice changes an article in the site and imports it: the file is
	// modified in the working copy, and publishing commits and pushes it.
	a := filepath.Join(alice, "文章", "posts", "a.md")
	text, _ := os.ReadFile(a)
	os.WriteFile(a, []byte(strings.Replace(string(text), "正文提到算力", "正文提到算力与能源", 1)), 0o644)
	if code, _, errs := run(t, "import", "--db", aliceDB, filepath.Join(alice, "文章")); code != ExitOK {
		t.Fatal(errs)
	}
	code, out, errs = run(t, "site", "status", "--site", alice, "--db", aliceDB)
	id := draftIDByPath(t, aliceDB, "posts/a.md")
	if code != ExitOK || !strings.Contains(out, "modified  posts/a.md (draft "+id+")") {
		t.Fatalf("status: %d %q %q", code, out, errs)
	}
	code, out, errs = run(t, "site", "publish", "--site", alice, "--db", aliceDB, "--message", "能源一段", id)
	if code != ExitOK || !strings.Contains(out, "Committed") || !strings.Contains(out, "Pushed.") {
		t.Fatalf("publish: %d %q %q", code, out, errs)
	}
	if msg := gitCmd(t, alice, "log", "-1", "--format=%s"); msg != "能源一段\n" {
		t.Errorf("message %q", msg)
	}

	code, out, errs = run(t, "site", "pull", "--site", bob, "--db", bobDB)
	if code != ExitOK || !strings.Contains(out, "updated   posts/a.md") {
		t.Fatalf("pull: %d %q %q", code, out, errs)
	}
	got, _ := os.ReadFile(filepath.Join(bob, "文章", "posts", "a.md"))
	if !strings.Contains(string(got), "算力与能源") {
		t.Error("Bob's file did not change")
	}
	code, out, _ = run(t, "list", "--db", bobDB, "--json")
	if code != ExitOK || !strings.Contains(out, `"status":"published"`) {
		t.Errorf("imported draft: false articles are not published: %s", out)
	}
}

func TestSiteCommandErrors(t *testing.T) {
	_, alice, _, aliceDB, _ := siteClones(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"site"}, ExitUsage, "status|pull|publish|build"},
		{[]string{"site", "frob"}, ExitUsage, `unknown command "frob"`},
		{[]string{"site", "publish", "--site", alice, "--db", aliceDB}, ExitUsage, "--all-changed or draft IDs"},
		{[]string{"site", "publish", "--site", alice, "--db", aliceDB, "x1"}, ExitUsage, "not a draft ID"},
		{[]string{"site", "status", "--site", t.TempDir(), "--db", aliceDB}, ExitUsage, "not a Git working copy"},
		{[]string{"site", "build", "--site", alice, "--db", aliceDB, "--hugo", filepath.Join(t.TempDir(), "nohugo")}, ExitFindings, "Install Hugo"},
	} {
		code, out, errs := run(t, c.args...)
		if code != c.code || !strings.Contains(out+errs, c.want) {
			t.Errorf("%v: %d %q %q (want %d, %q)", c.args, code, out, errs, c.code, c.want)
		}
	}
	// An unreachable remote fails with what to do.
	t.Setenv("GIT_SSH_COMMAND", "false")
	gitCmd(t, alice, "remote", "set-url", "origin", "ssh://git@nonexistent.invalid/site.git")
	code, out, errs := run(t, "site", "pull", "--site", alice, "--db", aliceDB, "--json")
	if code != ExitFindings || !strings.Contains(out, `"code": "git.auth_failed"`) || !strings.Contains(errs, "git remote -v") {
		t.Errorf("unreachable: %d %q %q", code, out, errs)
	}
}

func draftIDByPath(t *testing.T, db, path string) string {
	t.Helper()
	_, out, _ := run(t, "list", "--db", db, "--json")
	var doc struct {
		Drafts []struct {
			ID   int64  `json:"id"`
			Path string `json:"path"`
		} `json:"drafts"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, d := range doc.Drafts {
		if d.Path == path {
			return fmt.Sprint(d.ID)
		}
	}
	t.Fatalf("no draft at %s: %s", path, out)
	return ""
}
