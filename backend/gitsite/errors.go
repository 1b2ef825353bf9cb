package gitsite

import (
	"errors"
	"fmt"
	"strings"
)

// Code names a kind of failure; the UI turns it into words in the editor's
// language, the CLI prints Error's English text.
type Code string

const (
	CodeGitMissing     Code = "git.missing"           // no git command
	CodeNotRepository  Code = "git.not_repository"    // the site is not a Git working copy
	CodeNoUpstream     Code = "git.no_upstream"       // the branch tracks no remote branch
	CodeNonFastForward Code = "git.non_fast_forward"  // the remote has commits this copy lacks
	CodeAuth           Code = "git.auth_failed"       // the remote refused the credentials, or could not be reached
	CodeHook           Code = "git.hook_rejected"     // a hook (pre-commit here, pre-receive there) said no
	CodeMergeConflict  Code = "git.merge_conflict"    // local commits and the remote's touch the same lines
	CodeLocalChanges   Code = "git.local_changes"     // uncommitted changes stand in the way
	CodeDetached       Code = "git.detached_head"     // no branch checked out
	CodeTimeout        Code = "git.timeout"           // git took longer than allowed
	CodeFailed         Code = "git.failed"            // anything else git reported
	CodeNoSite         Code = "site.not_found"        // no Hugo site given or found
	CodeHugoMissing    Code = "hugo.missing"          // no hugo command
	CodeHugoTimeout    Code = "hugo.timeout"          // the build took longer than allowed
	CodeConflicted     Code = "site.draft_conflicted" // a draft waits for its conflict with the site to be resolved
)

// Error is a failure with its code, the operation, what git or Hugo said
// (Detail, trimmed) and what to do about it (Hint).
type Error struct {
	Code   Code
	Op     string // "push", "commit", "fetch", ...
	Detail string
	Hint   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Op)
	b.WriteString(": ")
	b.WriteString(describe(e.Code))
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteString(")")
	}
	if e.Hint != "" {
		b.WriteString(". ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// CodeOf returns the code of err, or "" when it is not an *Error.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func describe(c Code) string {
	switch c {
	case CodeGitMissing:
		return "git is not installed"
	case CodeNotRepository:
		return "the site folder is not a Git working copy"
	case CodeNoUpstream:
		return "the current branch has no upstream branch"
	case CodeNonFastForward:
		return "the remote has changes this copy does not have"
	case CodeAuth:
		return "the remote could not be reached or refused the credentials"
	case CodeHook:
		return "a Git hook rejected the change"
	case CodeMergeConflict:
		return "your commits and the remote's change the same lines"
	case CodeLocalChanges:
		return "uncommitted changes in the site are in the way"
	case CodeDetached:
		return "no branch is checked out"
	case CodeTimeout:
		return "git did not finish in time"
	case CodeNoSite:
		return "no Hugo site"
	case CodeHugoMissing:
		return "hugo is not installed"
	case CodeHugoTimeout:
		return "hugo did not finish in time"
	case CodeConflicted:
		return "the draft has an unresolved conflict with the site"
	}
	return "git failed"
}

// hints says what to do, per code, when the caller has nothing better.
var hints = map[Code]string{
	CodeGitMissing:     "Install Git (on Debian: sudo apt-get install git) and try again",
	CodeNotRepository:  "Clone the site's repository (git clone URL) and point Copydesk at that folder",
	CodeNoUpstream:     "Set one with: git branch --set-upstream-to=origin/BRANCH",
	CodeNonFastForward: "Pull first (copydesk site pull), then publish again",
	CodeAuth:           "Check the remote URL (git remote -v), your network, and that your SSH key or credential helper works with plain git (git fetch)",
	CodeHook:           "Read the hook's message above, fix what it asks for, and publish again",
	CodeMergeConflict:  "Nothing was changed; resolve it with git in the site folder (git pull --rebase), then try again",
	CodeLocalChanges:   "Commit or stash the changes named above (git status), then try again",
	CodeDetached:       "Check out a branch (git switch BRANCH)",
	CodeTimeout:        "Check the network and try again",
	CodeNoSite:         "Give the site folder with --site DIR, or set site.root in copydesk.yaml",
	CodeHugoMissing:    "Install Hugo (https://gohugo.io/installation/), put it on PATH, or name it with --hugo PATH or site.hugo in copydesk.yaml",
}

func newError(code Code, op, detail string) *Error {
	return &Error{Code: code, Op: op, Detail: trimDetail(detail), Hint: hints[code]}
}

// trimDetail keeps git's message short: the meaningful lines, no hints.
func trimDetail(s string) string {
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r", "\n"), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "hint:") || strings.HasPrefix(l, "To ") {
			continue
		}
		lines = append(lines, l)
	}
	if len(lines) > 6 {
		lines = append(lines[:6], fmt.Sprintf("… %d more lines", len(lines)-6))
	}
	return strings.Join(lines, "; ")
}

// classify maps what git printed on a failure to a code. Git's messages are
// parsed in the C locale (LC_ALL=C), so they are stable English.
func classify(stderr string) Code {
	s := strings.ToLower(stderr)
	switch {
	case strings.Contains(s, "not a git repository"):
		return CodeNotRepository
	case strings.Contains(s, "no upstream configured"), strings.Contains(s, "no upstream branch"),
		strings.Contains(s, "has no upstream"), strings.Contains(s, "there is no tracking information"):
		return CodeNoUpstream
	case strings.Contains(s, "hook declined"):
		return CodeHook
	// The remote moved between the push's look at it and its update (the
	// ref "is at X but expected Y"): the same as a rejection for being behind.
	case strings.Contains(s, "non-fast-forward"), strings.Contains(s, "fetch first"),
		strings.Contains(s, "updates were rejected"), strings.Contains(s, "[rejected]"),
		strings.Contains(s, "cannot lock ref"), strings.Contains(s, "failed to update ref"):
		return CodeNonFastForward
	case strings.Contains(s, "permission denied"), strings.Contains(s, "authentication failed"),
		strings.Contains(s, "could not read username"), strings.Contains(s, "could not read password"),
		strings.Contains(s, "could not read from remote repository"), strings.Contains(s, "host key verification failed"),
		strings.Contains(s, "could not resolve host"), strings.Contains(s, "unable to access"),
		strings.Contains(s, "connection refused"), strings.Contains(s, "connection timed out"),
		strings.Contains(s, "terminal prompts disabled"), strings.Contains(s, "returned error: 403"),
		strings.Contains(s, "returned error: 401"):
		return CodeAuth
	case strings.Contains(s, "would be overwritten"), strings.Contains(s, "you have unstaged changes"),
		strings.Contains(s, "your index contains uncommitted changes"), strings.Contains(s, "please commit or stash"):
		return CodeLocalChanges
	case strings.Contains(s, "conflict"):
		return CodeMergeConflict
	}
	return CodeFailed
}
