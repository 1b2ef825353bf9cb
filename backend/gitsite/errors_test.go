package gitsite

import "testing"

// What git and the common hosts print, in the C locale, for each kind of
// failure.
func TestClassify(t *testing.T) {
	for msg, want := range map[string]Code{
		"fatal: not a git repository (or any of the parent directories): .git":                                  CodeNotRepository,
		"fatal: no upstream configured for branch 'main'":                                                       CodeNoUpstream,
		"There is no tracking information for the current branch.":                                              CodeNoUpstream,
		"! [rejected]        main -> main (fetch first)\nerror: failed to push some refs":                       CodeNonFastForward,
		"! [rejected]        main -> main (non-fast-forward)":                                                   CodeNonFastForward,
		"!\trefs/heads/main:refs/heads/main\t[rejected] (fetch first)":                                          CodeNonFastForward,
		"remote: error: cannot lock ref 'refs/heads/main': is at 1 but expected 2":                              CodeNonFastForward,
		"! [remote rejected] main -> main (pre-receive hook declined)":                                          CodeHook,
		"! [remote rejected] main -> main (protected branch hook declined)":                                     CodeHook,
		"git@example.com: Permission denied (publickey).\nfatal: Could not read from remote repository.":        CodeAuth,
		"fatal: could not read Username for 'https://example.com': terminal prompts disabled":                   CodeAuth,
		"remote: HTTP Basic: Access denied\nfatal: Authentication failed for 'https://example.com/site.git/'":   CodeAuth,
		"fatal: unable to access 'https://example.com/site.git/': Could not resolve host: example.com":          CodeAuth,
		"ssh: connect to host example.com port 22: Connection refused":                                          CodeAuth,
		"error: Your local changes to the following files would be overwritten by merge:\n\tcontent/posts/a.md": CodeLocalChanges,
		"error: cannot rebase: You have unstaged changes.":                                                      CodeLocalChanges,
		"CONFLICT (content): Merge conflict in content/posts/a.md":                                              CodeMergeConflict,
		"! [remote rejected] main -> main (shallow update not allowed)":                                         CodeFailed,
		"fatal: something nobody expected":                                                                      CodeFailed,
	} {
		if got := classify(msg); got != want {
			t.Errorf("%q: %s, want %s", msg, got, want)
		}
	}
}

func TestErrorText(t *testing.T) {
	e := newError(CodeNoUpstream, "pull", "hint: ignore me\nbranch main tracks no remote branch\n\n")
	want := "pull: the current branch has no upstream branch (branch main tracks no remote branch). Set one with: git branch --set-upstream-to=origin/BRANCH"
	if e.Error() != want {
		t.Errorf("%q", e.Error())
	}
}
