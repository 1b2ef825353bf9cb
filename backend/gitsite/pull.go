package gitsite

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"copydesk/backend/article"
	"copydesk/backend/library"
	"copydesk/backend/site"
	"copydesk/backend/store"
)

// PullResult says what a pull did to the working copy and to the library.
type PullResult struct {
	Before string `json:"before"` // the commit before the pull
	After  string `json:"after"`  // the commit after it (equal: nothing came in)
	// Every changed article file is in exactly one of these lists.
	Created    []Pulled          `json:"created"`    // new articles, now drafts
	Updated    []Pulled          `json:"updated"`    // drafts not edited here: they took the site's text
	Merged     []Pulled          `json:"merged"`     // drafts edited on both sides, merged cleanly
	Conflicted []Pulled          `json:"conflicted"` // edited on both sides on the same lines: both kept, to resolve
	Unchanged  []Pulled          `json:"unchanged"`  // the draft already had the site's text
	Deleted    []Pulled          `json:"deleted"`    // deleted in the site; the draft is kept
	Failed     []library.Failure `json:"failed"`
}

// Pulled is one article a pull handled.
type Pulled struct {
	ID   int64  `json:"id,omitempty"`
	Path string `json:"path"` // relative to the content folder
}

// Pull fetches the upstream branch and brings it into the working copy
// (fast-forward, or a rebase of local commits), then brings every article
// file the new commits changed into the library (see the package comment).
// When git cannot integrate the commits, the working copy is left as it was
// and the library untouched.
func (s *Site) Pull(ctx context.Context) (PullResult, error) {
	s.begin()
	if err := s.fetch(ctx); err != nil {
		return newPullResult(), err
	}
	return s.integrate(ctx)
}

// newPullResult has empty lists, not nil ones: JSON readers get [].
func newPullResult() PullResult {
	return PullResult{Created: []Pulled{}, Updated: []Pulled{}, Merged: []Pulled{}, Conflicted: []Pulled{},
		Unchanged: []Pulled{}, Deleted: []Pulled{}, Failed: []library.Failure{}}
}

// integrate brings the fetched upstream into the working copy and the
// library.
func (s *Site) integrate(ctx context.Context) (PullResult, error) {
	res := newPullResult()
	before, err := s.head(ctx)
	if err != nil {
		return res, err
	}
	res.Before, res.After = before, before
	ahead, behind, err := s.aheadBehind(ctx)
	if err != nil {
		return res, err
	}
	if behind == 0 {
		return res, nil
	}
	if ahead == 0 {
		out, err := s.git.run(ctx, "merge", "--ff-only", "--quiet", "@{upstream}")
		if err != nil {
			return res, err
		}
		if out.code != 0 {
			e := failure("pull", out)
			if e.Code == CodeLocalChanges {
				e.Hint += "; files Copydesk wrote whose commit failed are committed by `copydesk site publish --no-push ID...`"
			}
			return res, e
		}
	} else {
		// Local commits (a publish whose push failed) go on top of the
		// remote's. Uncommitted changes are stashed and put back; a
		// conflict undoes the whole rebase.
		out, err := s.git.run(ctx, "-c", "rebase.autoStash=true", "rebase", "--quiet", "@{upstream}")
		if err != nil {
			s.git.run(context.WithoutCancel(ctx), "rebase", "--abort")
			return res, err
		}
		if out.code != 0 {
			e := failure("pull", out)
			// A rebase that stopped on a conflict is undone; one that never
			// started (uncommitted changes in the way) has nothing to undo.
			if abort, _ := s.git.run(context.WithoutCancel(ctx), "rebase", "--abort"); abort.code == 0 {
				e.Code, e.Hint = CodeMergeConflict, hints[CodeMergeConflict]
			}
			return res, e
		}
	}
	if res.After, err = s.head(ctx); err != nil {
		return res, err
	}
	return res, s.syncLibrary(ctx, &res)
}

func (s *Site) head(ctx context.Context) (string, error) {
	out, err := s.git.run(ctx, "rev-parse", "--verify", "--quiet", "HEAD")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out.stdout)), nil // "" before the first commit
}

// aheadBehind counts the commits HEAD has that the upstream lacks, and the
// reverse. Either may not exist yet: a clone of an empty repository has no
// commit, and its upstream branch appears with the first push.
func (s *Site) aheadBehind(ctx context.Context) (ahead, behind int, err error) {
	if _, err := s.upstream(ctx); err != nil {
		return 0, 0, err
	}
	head, err := s.head(ctx)
	if err != nil {
		return 0, 0, err
	}
	up, err := s.git.run(ctx, "rev-parse", "--verify", "--quiet", "@{upstream}")
	if err != nil {
		return 0, 0, err
	}
	count := func(args ...string) (string, error) {
		out, err := s.git.run(ctx, append([]string{"rev-list", "--count"}, args...)...)
		if err != nil {
			return "", err
		}
		if out.code != 0 {
			return "", failure("status", out)
		}
		return string(out.stdout), nil
	}
	var text string
	switch {
	case head != "" && up.code == 0:
		if text, err = count("--left-right", "HEAD...@{upstream}"); err == nil {
			_, err = fmt.Sscan(text, &ahead, &behind)
		}
	case head != "":
		if text, err = count("HEAD"); err == nil {
			_, err = fmt.Sscan(text, &ahead)
		}
	case up.code == 0:
		if text, err = count("@{upstream}"); err == nil {
			_, err = fmt.Sscan(text, &behind)
		}
	}
	return ahead, behind, err
}

// syncLibrary brings the article files changed between res.Before and
// res.After into the library.
func (s *Site) syncLibrary(ctx context.Context, res *PullResult) error {
	from := res.Before
	if from == "" {
		// No commit before (a clone of an empty repository): diff against
		// the empty tree, whatever hash the repository uses.
		out, err := s.git.run(ctx, "hash-object", "-t", "tree", "--stdin")
		if err != nil || out.code != 0 {
			return failure("diff", out)
		}
		from = strings.TrimSpace(string(out.stdout))
	}
	out, err := s.git.run(ctx, "diff", "--name-status", "-z", "--no-renames", "--no-ext-diff", from, res.After, "--", s.pathspec())
	if err != nil {
		return err
	}
	if out.code != 0 {
		return failure("diff", out)
	}
	index, err := s.lib.Store().PathIndex(ctx)
	if err != nil {
		return err
	}
	var items []library.PullItem
	fields := bytes.Split(out.stdout, []byte{0})
	for i := 0; i+1 < len(fields); i += 2 {
		status, repo := string(fields[i]), string(fields[i+1])
		rel, ok := s.contentPath(repo)
		if !ok || !isArticle(rel) || status == "" {
			continue
		}
		known := index[rel]
		if status[0] == 'D' {
			res.Deleted = append(res.Deleted, Pulled{ID: known.ID, Path: rel})
			continue
		}
		item, same, err := s.decide(ctx, rel, known)
		switch {
		case err != nil:
			res.Failed = append(res.Failed, library.Failure{Path: rel, Reason: err.Error()})
			continue
		case same:
			res.Unchanged = append(res.Unchanged, Pulled{ID: known.ID, Path: rel})
		}
		items = append(items, item)
	}
	if len(items) == 0 {
		return nil
	}
	errs, err := s.lib.ApplyPull(ctx, items)
	if err != nil {
		return fmt.Errorf("the working copy was updated but the library could not store the pulled articles (import the content folder to retry): %w", err)
	}
	index, err = s.lib.Store().PathIndex(ctx)
	if err != nil {
		return err
	}
	for i, it := range items {
		p := Pulled{ID: index[it.Path].ID, Path: it.Path}
		switch {
		case errs[i] != nil:
			res.Failed = append(res.Failed, library.Failure{Path: it.Path, Reason: errs[i].Error()})
		case it.ID == 0:
			res.Created = append(res.Created, p)
		case it.Conflict:
			res.Conflicted = append(res.Conflicted, p)
		case it.Text == nil:
			// listed as unchanged above
		case it.Reason == reasonMerged:
			res.Merged = append(res.Merged, p)
		default:
			res.Updated = append(res.Updated, p)
		}
	}
	return nil
}

// Revision reasons of the texts a pull writes.
const (
	reasonPulled = "pulled from the site"
	reasonMerged = "merged with the site"
)

// decide chooses what happens to one changed file: a new draft; nothing
// but remembering the file (same: the draft has that text already); the
// site's text (the draft was not edited since it last agreed with the
// site); a clean merge; or a conflict that keeps both.
func (s *Site) decide(ctx context.Context, rel string, known store.PathState) (it library.PullItem, same bool, err error) {
	target, err := site.Target(s.Content, rel)
	if err != nil {
		return it, false, err
	}
	data, err := site.ReadFile(target, article.MaxSize)
	if err != nil {
		return it, false, err
	}
	theirs := string(data)
	it = library.PullItem{Path: rel, ID: known.ID, ExpectedHash: known.ContentHash, Theirs: theirs, TheirsHash: store.Hash(data)}
	if known.ID == 0 {
		return it, false, nil
	}
	if it.TheirsHash == known.ContentHash {
		return it, true, nil
	}
	base, err := s.lib.Base(ctx, known.ID)
	if err != nil {
		return it, false, err
	}
	if base.Hash == known.ContentHash {
		it.Text, it.Reason = &theirs, reasonPulled
		return it, false, nil
	}
	if !base.Known {
		it.Conflict = true
		return it, false, nil
	}
	draft, err := s.lib.Get(ctx, known.ID)
	if err != nil {
		return it, false, err
	}
	if draft.ContentHash != known.ContentHash {
		return it, false, fmt.Errorf("draft %d changed while pulling; pull again", known.ID)
	}
	merged, clean, err := s.git.merge3(ctx, draft.Text, base.Text, theirs)
	if err != nil {
		return it, false, err
	}
	if !clean {
		it.Conflict = true
		return it, false, nil
	}
	it.Text, it.Reason = &merged, reasonMerged
	return it, false, nil
}
