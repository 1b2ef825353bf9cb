package gitsite

import (
	"bytes"
	"context"
	"strconv"
	"strings"
)

// Status is the state of the site's working copy and of the drafts
// against it.
type Status struct {
	Root     string `json:"root"`
	Content  string `json:"content"`
	Branch   string `json:"branch"`   // "" when detached
	Upstream string `json:"upstream"` // e.g. origin/main; "" when none
	// Ahead and Behind count commits against the upstream as of the last
	// fetch (Status fetches first only when asked to).
	Ahead  int          `json:"ahead"`
	Behind int          `json:"behind"`
	Files  []FileChange `json:"files"`  // article files changed in the working copy, not committed
	Drafts []DraftState `json:"drafts"` // drafts that differ from the site
}

// FileChange is an article file under the content folder that differs from
// the last commit.
type FileChange struct {
	Path    string `json:"path"`   // relative to the content folder
	Change  string `json:"change"` // modified, new, deleted, renamed or conflict
	DraftID int64  `json:"draftId,omitempty"`
}

// DraftState is a draft whose text is not what the site holds.
type DraftState struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	Path  string `json:"path"` // relative to the content folder; "" before its first publish
	// State: changed (edited since its last import or export), new (never
	// published) or conflicted (a pull left the site's text to resolve).
	State string `json:"state"`
}

// Draft states in DraftState.State.
const (
	DraftChanged    = "changed"
	DraftNew        = "new"
	DraftConflicted = "conflicted"
)

// StatusOptions: Fetch asks the remote first (network), so that Behind is
// current.
type StatusOptions struct{ Fetch bool }

// Status reads the working copy (git status --porcelain=v2) and the library.
func (s *Site) Status(ctx context.Context, opts StatusOptions) (Status, error) {
	s.begin()
	st := Status{Root: s.Root, Content: s.Content, Files: []FileChange{}, Drafts: []DraftState{}}
	if opts.Fetch {
		if err := s.fetch(ctx); err != nil && CodeOf(err) != CodeNoUpstream {
			return st, err
		}
	}
	res, err := s.git.run(ctx, "status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all", "--", s.pathspec())
	if err != nil {
		return st, err
	}
	if res.code != 0 {
		return st, failure("status", res)
	}
	parseStatus(res.stdout, &st, func(repo string) (string, bool) {
		rel, ok := s.contentPath(repo)
		return rel, ok && isArticle(rel)
	})
	states, err := s.lib.SiteStates(ctx)
	if err != nil {
		return st, err
	}
	byPath := make(map[string]int64, len(states))
	for _, d := range states {
		if d.Path != "" {
			byPath[d.Path] = d.ID
		}
	}
	for i := range st.Files {
		st.Files[i].DraftID = byPath[st.Files[i].Path]
	}
	for _, d := range states {
		state := ""
		switch {
		case d.Conflicted:
			state = DraftConflicted
		case d.Changed():
			state = DraftChanged
		case d.BaseHash == "" && d.Path == "":
			state = DraftNew
		}
		if state != "" {
			st.Drafts = append(st.Drafts, DraftState{ID: d.ID, Title: d.Title, Path: d.Path, State: state})
		}
	}
	return st, nil
}

// parseStatus reads `git status --porcelain=v2 --branch -z`: header lines
// "# branch.head NAME", "# branch.upstream U", "# branch.ab +A -B", then one
// NUL-terminated entry per path (a rename is followed by its old path).
// keep maps a working-copy path to the content path, or rejects it.
func parseStatus(out []byte, st *Status, keep func(string) (string, bool)) {
	entries := bytes.Split(out, []byte{0})
	for i := 0; i < len(entries); i++ {
		e := string(entries[i])
		if e == "" {
			continue
		}
		var change, repo string
		switch e[0] {
		case '#':
			f := strings.Fields(e)
			if len(f) < 3 {
				continue
			}
			switch f[1] {
			case "branch.head":
				if f[2] != "(detached)" {
					st.Branch = f[2]
				}
			case "branch.upstream":
				st.Upstream = f[2]
			case "branch.ab":
				st.Ahead, _ = strconv.Atoi(strings.TrimPrefix(f[2], "+"))
				if len(f) > 3 {
					st.Behind, _ = strconv.Atoi(strings.TrimPrefix(f[3], "-"))
				}
			}
			continue
		case '1': // 1 XY sub mH mI mW hH hI path
			f := strings.SplitN(e, " ", 9)
			if len(f) < 9 {
				continue
			}
			change, repo = xyChange(f[1]), f[8]
		case '2': // 2 XY sub mH mI mW hH hI Xscore path, then the old path
			f := strings.SplitN(e, " ", 10)
			i++ // the old path
			if len(f) < 10 {
				continue
			}
			change, repo = "renamed", f[9]
		case 'u': // u XY sub m1 m2 m3 mW h1 h2 h3 path
			f := strings.SplitN(e, " ", 11)
			if len(f) < 11 {
				continue
			}
			change, repo = "conflict", f[10]
		case '?':
			change, repo = "new", e[2:]
		default:
			continue
		}
		if rel, ok := keep(repo); ok {
			st.Files = append(st.Files, FileChange{Path: rel, Change: change})
		}
	}
}

// xyChange names an ordinary entry's change from its index (X) and working
// tree (Y) letters.
func xyChange(xy string) string {
	switch {
	case strings.ContainsRune(xy, 'D'):
		return "deleted"
	case strings.ContainsRune(xy, 'A'):
		return "new"
	}
	return "modified"
}

// fetch brings the remote's commits without touching the working copy.
func (s *Site) fetch(ctx context.Context) error {
	up, err := s.upstream(ctx)
	if err != nil {
		return err
	}
	res, err := s.git.runNet(ctx, "fetch", "--quiet", "--no-tags", up.remote)
	if err != nil {
		return err
	}
	if res.code != 0 {
		return failure("fetch", res)
	}
	return nil
}

// tracking is the branch checked out and what it tracks.
type tracking struct {
	branch string // e.g. main
	remote string // e.g. origin
	merge  string // the remote branch, e.g. refs/heads/main
}

// upstream finds the branch and its upstream; errors say which is missing.
// It is read once per operation (see begin).
func (s *Site) upstream(ctx context.Context) (tracking, error) {
	if s.tracked != nil {
		return *s.tracked, nil
	}
	t, err := s.readUpstream(ctx)
	if err == nil {
		s.tracked = &t
	}
	return t, err
}

func (s *Site) readUpstream(ctx context.Context) (tracking, error) {
	var t tracking
	res, err := s.git.run(ctx, "symbolic-ref", "--quiet", "--short", "HEAD")
	if err != nil {
		return t, err
	}
	if res.code != 0 {
		return t, newError(CodeDetached, "branch", "")
	}
	t.branch = strings.TrimSpace(string(res.stdout))
	for key, dst := range map[string]*string{"branch." + t.branch + ".remote": &t.remote, "branch." + t.branch + ".merge": &t.merge} {
		res, err := s.git.run(ctx, "config", "--get", key)
		if err != nil {
			return t, err
		}
		*dst = strings.TrimSpace(string(res.stdout))
	}
	if t.remote == "" || t.merge == "" || t.remote == "." {
		return t, newError(CodeNoUpstream, "branch", "branch "+t.branch+" tracks no remote branch")
	}
	return t, nil
}
