package gitsite

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"copydesk/backend/library"
)

// PublishOptions choose the drafts to publish and how.
type PublishOptions struct {
	IDs        []int64 // these drafts
	AllChanged bool    // every draft edited since its last import or export (not new ones: name those)
	Message    string  // the commit message; "": made from the titles
	NoPush     bool    // commit only
}

// PublishResult says what a publish did.
type PublishResult struct {
	Pulled    *PullResult        `json:"pulled,omitempty"` // the pull done first because the remote was ahead
	Exported  []library.Exported `json:"exported"`         // files written (or already identical) in the content folder
	Conflicts []library.Failure  `json:"conflicts"`        // drafts not published: their file changed outside Copydesk, or they are conflicted
	Failed    []library.Failure  `json:"failed"`
	Commit    string             `json:"commit"` // the new commit; "" when there was nothing to commit
	Message   string             `json:"message"`
	Pushed    bool               `json:"pushed"`
}

// Publish exports drafts into the content folder, commits exactly those
// files, and pushes. When the remote is ahead it pulls first, so the drafts
// published include the others' changes (merged) and the push is a
// fast-forward; when the remote moves during the publish, it pulls (rebasing
// the new commit) and pushes once more. See the package comment for what
// each failure leaves behind.
func (s *Site) Publish(ctx context.Context, opts PublishOptions, progress func(library.Progress)) (PublishResult, error) {
	s.begin()
	res := PublishResult{Exported: []library.Exported{}, Conflicts: []library.Failure{}, Failed: []library.Failure{}}
	if len(opts.IDs) == 0 && !opts.AllChanged {
		return res, fmt.Errorf("name the drafts to publish, or publish all changed ones")
	}
	if !opts.NoPush {
		if err := s.fetch(ctx); err != nil {
			return res, err
		}
		pulled, err := s.integrate(ctx)
		if err != nil {
			return res, err
		}
		if pulled.After != pulled.Before {
			res.Pulled = &pulled
		}
	} else if _, err := s.upstream(ctx); err != nil && CodeOf(err) == CodeDetached {
		return res, err
	}

	ids, titles, err := s.chooseDrafts(ctx, opts, &res)
	if err != nil {
		return res, err
	}
	var paths []string
	if len(ids) > 0 {
		exp, err := s.lib.Export(ctx, library.ExportOptions{Out: s.Content, IDs: ids, NewDir: s.DraftsDir}, progress)
		res.Conflicts = append(res.Conflicts, exp.Conflicts...)
		res.Failed = append(res.Failed, exp.Failed...)
		res.Exported = append(res.Exported, exp.Done...)
		if err != nil {
			return res, err
		}
		for _, d := range exp.Done {
			paths = append(paths, s.repoPath(d.Path))
		}
	}
	if len(paths) > 0 {
		// The default message names the articles whose files changed, not
		// those already identical.
		message := func(staged map[string]bool) string {
			if opts.Message != "" {
				return opts.Message
			}
			var changed []library.Exported
			for _, d := range res.Exported {
				if staged[s.repoPath(d.Path)] {
					changed = append(changed, d)
				}
			}
			return commitMessage(changed, titles)
		}
		if res.Commit, res.Message, err = s.commit(ctx, paths, message); err != nil {
			return res, err
		}
	}
	if opts.NoPush {
		return res, nil
	}
	return res, s.push(ctx, &res)
}

// chooseDrafts resolves the options to draft ids, leaving out (and
// reporting) conflicted drafts: their text is not what should go out.
func (s *Site) chooseDrafts(ctx context.Context, opts PublishOptions, res *PublishResult) ([]int64, map[int64]string, error) {
	states, err := s.lib.SiteStates(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]library.SiteState{}
	for _, st := range states {
		byID[st.ID] = st
	}
	titles := map[int64]string{}
	var ids []int64
	add := func(st library.SiteState) {
		if st.Conflicted {
			res.Conflicts = append(res.Conflicts, library.Failure{Path: draftName(st),
				Reason: (&Error{Code: CodeConflicted, Op: "publish", Hint: "Resolve it first (the Site panel shows both sides)"}).Error()})
			return
		}
		ids = append(ids, st.ID)
		titles[st.ID] = st.Title
	}
	if opts.AllChanged {
		for _, st := range states {
			if st.Changed() || st.Conflicted {
				add(st)
			}
		}
	}
	for _, id := range opts.IDs {
		st, ok := byID[id]
		if !ok {
			return nil, nil, fmt.Errorf("draft %d: %w (or it is in the trash)", id, library.ErrNotFound)
		}
		if _, dup := titles[id]; !dup {
			add(st)
		}
	}
	return ids, titles, nil
}

func draftName(st library.SiteState) string {
	if st.Path != "" {
		return fmt.Sprintf("%s (draft %d)", st.Path, st.ID)
	}
	return fmt.Sprintf("draft %d", st.ID)
}

// commitMessage is "Publish 标题" for one article, "Publish 3 articles" with
// the titles in the body for more.
func commitMessage(done []library.Exported, titles map[int64]string) string {
	name := func(d library.Exported) string {
		if t := strings.TrimSpace(titles[d.ID]); t != "" {
			return t
		}
		return d.Path
	}
	if len(done) == 1 {
		return "Publish " + shorten(name(done[0]), 66)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Publish %d articles\n\n", len(done))
	for _, d := range done {
		fmt.Fprintf(&b, "- %s (%s)\n", name(d), d.Path)
	}
	return b.String()
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// commit stages paths and commits exactly them, whatever else the editor
// has staged, with the message messageFor makes from the paths that did
// change. When nothing changed (the files equal the last commit), the
// commit is "". A failed commit unstages the paths again: the
// files stay written in the content folder, and the index is as it was.
func (s *Site) commit(ctx context.Context, paths []string, messageFor func(staged map[string]bool) string) (commit, message string, err error) {
	specs := make([]string, len(paths))
	for i, p := range paths {
		specs[i] = ":(top,literal)" + p
	}
	out, err := s.git.run(ctx, append([]string{"add", "--"}, specs...)...)
	if err != nil {
		return "", "", err
	}
	if out.code != 0 {
		return "", "", failure("add", out)
	}
	out, err = s.git.run(ctx, append([]string{"diff", "--cached", "--name-only", "-z", "--"}, specs...)...)
	if err != nil {
		return "", "", err
	}
	staged := map[string]bool{}
	for _, name := range bytes.Split(out.stdout, []byte{0}) {
		if len(name) > 0 {
			staged[string(name)] = true
		}
	}
	if len(staged) == 0 {
		return "", "", nil
	}
	message = messageFor(staged)
	// The editor's commit hooks may run linters: they get more time.
	out, err = s.git.runTimeout(ctx, HookTimeout, nil, append([]string{"commit", "--quiet", "--cleanup=whitespace", "-m", message, "--only", "--"}, specs...)...)
	if err == nil && out.code == 0 {
		commit, err = s.head(ctx)
		return commit, message, err
	}
	// Leave the index as it was; the files stay.
	s.git.run(context.WithoutCancel(ctx), append([]string{"reset", "--quiet", "--"}, specs...)...)
	if err != nil {
		return "", message, err
	}
	e := failure("commit", out)
	if e.Code == CodeFailed && s.hasCommitHook(ctx) {
		e.Code, e.Hint = CodeHook, hints[CodeHook]
	}
	if strings.Contains(out.stderr, "tell me who you are") || strings.Contains(out.stderr, "unable to auto-detect email") {
		e.Hint = "Tell git who you are: git config --global user.name \"Your Name\"; git config --global user.email you@example.com"
	}
	e.Hint = "The files are written in the site but not committed. " + e.Hint
	return "", message, e
}

// hasCommitHook reports whether a hook runs on commit (a failure with no
// message of git's own is then the hook's refusal).
func (s *Site) hasCommitHook(ctx context.Context) bool {
	out, err := s.git.run(ctx, "rev-parse", "--git-path", "hooks")
	if err != nil || out.code != 0 {
		return false
	}
	dir := strings.TrimSpace(string(out.stdout))
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(s.Root, dir)
	}
	for _, h := range []string{"pre-commit", "prepare-commit-msg", "commit-msg"} {
		if exists(filepath.Join(dir, h)) {
			return true
		}
	}
	return false
}

// push sends the branch to its upstream. A rejection because the remote
// moved meanwhile is met with a pull (rebasing the new commit) and one more
// push. On failure the commit stays in the working copy, to be pushed by the
// next publish.
func (s *Site) push(ctx context.Context, res *PublishResult) error {
	up, err := s.upstream(ctx)
	if err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		ahead, _, err := s.aheadBehind(ctx)
		if err != nil {
			return err
		}
		if ahead == 0 {
			return nil
		}
		out, err := s.git.runNet(ctx, "push", "--porcelain", up.remote, "HEAD:"+up.merge)
		if err != nil {
			return s.unpushed(err, res)
		}
		if out.code == 0 {
			res.Pushed = true
			return nil
		}
		e := failure("push", out)
		if e.Code != CodeNonFastForward || attempt > 0 {
			return s.unpushed(e, res)
		}
		if err := s.fetch(ctx); err != nil {
			return s.unpushed(err, res)
		}
		pulled, err := s.integrate(ctx)
		if err != nil {
			return s.unpushed(err, res)
		}
		if res.Pulled == nil {
			res.Pulled = &pulled
		}
		if res.Commit != "" {
			if res.Commit, err = s.head(ctx); err != nil {
				return err
			}
		}
	}
}

// unpushed adds to a push failure that the commit is kept locally.
func (s *Site) unpushed(err error, res *PublishResult) error {
	if e, ok := err.(*Error); ok && res.Commit != "" {
		e.Hint = fmt.Sprintf("The commit %s is kept in the site's working copy; publishing again pushes it. %s", short(res.Commit), e.Hint)
	}
	return err
}

func short(commit string) string {
	if len(commit) > 10 {
		return commit[:10]
	}
	return commit
}
