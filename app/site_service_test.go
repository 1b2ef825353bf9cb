package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/backend/gitsite"
)

// The Site panel's service over a real git working copy with no remote:
// errors cross as codes, results as data.
func TestSiteServiceCodes(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Setenv("HOME", t.TempDir())
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "hugo.toml"), []byte("title = 'x'\n"), 0o644)
	os.WriteFile(filepath.Join(root, "copydesk.yaml"), []byte("site:\n  root: .\n"), 0o644)
	os.MkdirAll(filepath.Join(root, "content", "posts"), 0o755)
	os.WriteFile(filepath.Join(root, "content", "posts", "a.md"), []byte(exportArticle), 0o644)
	t.Setenv("COPYDESK_PROFILE", filepath.Join(root, "copydesk.yaml"))

	lib := newTestLibrary(t)
	svc := newSiteService(lib, lib.editor.site)
	if _, err := svc.Status(false); err == nil || !strings.Contains(err.Error(), `"code":"git.not_repository"`) {
		t.Fatalf("not a repository: %v", err)
	}
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	git("init", "--quiet", "--initial-branch=main")
	st, err := svc.Status(false)
	if err != nil || st.Branch != "main" || st.Upstream != "" || len(st.Files) != 1 || st.Files[0].Change != "new" {
		t.Fatalf("status: %+v %v", st, err)
	}
	if _, err := svc.Pull(); err == nil || !strings.Contains(err.Error(), `"code":"git.no_upstream"`) {
		t.Errorf("pull without upstream: %v", err)
	}
	if _, err := svc.Conflict(12345); err == nil || !strings.Contains(err.Error(), "draft.not_found") {
		t.Errorf("conflict of a missing draft: %v", err)
	}
	d, err := lib.Create(exportArticle)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Conflict(d.ID); err == nil || !strings.Contains(err.Error(), `"code":"site.not_conflicted"`) {
		t.Errorf("conflict of a draft that has none: %v", err)
	}
	if _, err := svc.Resolve(d.ID, "x", d.Version); err == nil || !strings.Contains(err.Error(), `"code":"site.not_conflicted"`) {
		t.Errorf("resolving a draft that has no conflict: %v", err)
	}
	if _, err := svc.Resolve(12345, "x", 1); err == nil || !strings.Contains(err.Error(), "draft.not_found") {
		t.Errorf("resolving a missing draft: %v", err)
	}
}

// A profile with a mistake is reported as such, not as "no site".
func TestSiteServiceBadProfile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "copydesk.yaml")
	os.WriteFile(p, []byte("site:\n  root: .\n  drafts: ../outside\n"), 0o644)
	t.Setenv("COPYDESK_PROFILE", p)
	lib := newTestLibrary(t)
	svc := newSiteService(lib, lib.editor.site)
	if _, err := svc.Status(false); err == nil || !strings.Contains(err.Error(), `"code":"profile.invalid"`) || !strings.Contains(err.Error(), "site.drafts") {
		t.Errorf("bad profile: %v", err)
	}
}

// Every gitsite code crosses to the UI as itself.
func TestEveryGitsiteCodeCrosses(t *testing.T) {
	for _, code := range []gitsite.Code{gitsite.CodeGitMissing, gitsite.CodeNotRepository, gitsite.CodeNoUpstream,
		gitsite.CodeNonFastForward, gitsite.CodeAuth, gitsite.CodeHook, gitsite.CodeMergeConflict, gitsite.CodeLocalChanges,
		gitsite.CodeDetached, gitsite.CodeTimeout, gitsite.CodeFailed, gitsite.CodeNoSite, gitsite.CodeHugoMissing,
		gitsite.CodeHugoTimeout, gitsite.CodeConflicted} {
		err := siteError(&gitsite.Error{Code: code, Op: "push", Detail: "x"})
		if !strings.Contains(err.Error(), `"code":"`+string(code)+`"`) {
			t.Errorf("%s crosses as %v", code, err)
		}
	}
}
