package library

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"

	"copydesk/backend/site"
	"copydesk/backend/store"
)

// ExportOptions choose what to export where.
type ExportOptions struct {
	Out         string  // the Hugo content folder (created if missing)
	IDs         []int64 // these drafts; empty: every live draft
	ChangedOnly bool    // only drafts changed since their last export
	Force       bool    // replace files someone else changed
}

// Exported is one draft written (or found already identical).
type Exported struct {
	ID      int64  `json:"id"`
	Path    string `json:"path"` // relative to Out
	Written bool   `json:"written"`
}

// ExportResult summarises an export. Every draft is in exactly one of Done,
// Conflicts or Failed.
type ExportResult struct {
	Total     int        `json:"total"`
	Done      []Exported `json:"done"`
	Conflicts []Failure  `json:"conflicts"` // the file on disk is neither what was imported nor what was last exported
	Failed    []Failure  `json:"failed"`
	Cancelled bool       `json:"cancelled"`
}

// Written counts the files actually written.
func (r ExportResult) Written() int {
	n := 0
	for _, d := range r.Done {
		if d.Written {
			n++
		}
	}
	return n
}

// Export writes drafts as Markdown files under opts.Out, each at its
// remembered relative path (a new draft at <slug>.md, remembered from then
// on). Each file is written atomically and byte for byte the draft's text. A
// file on disk that is neither what was imported nor what was last exported
// is left alone and reported as a conflict unless opts.Force. Paths that
// would lead outside Out (absolute, "..", symbolic links pointing out) are
// refused and reported. Failures are per draft; the rest goes on.
func (l *Library) Export(ctx context.Context, opts ExportOptions, progress func(Progress)) (ExportResult, error) {
	res := ExportResult{Done: []Exported{}, Conflicts: []Failure{}, Failed: []Failure{}}
	if opts.Out == "" {
		return res, errors.New("no export folder given")
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return res, fmt.Errorf("cannot create the export folder %s: %w", opts.Out, err)
	}
	ids, err := l.st.ExportIDs(ctx, store.ExportQuery{IDs: opts.IDs, ChangedOnly: opts.ChangedOnly})
	if err != nil {
		return res, err
	}
	res.Total = len(ids)
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			res.Cancelled = true
			return res, err
		}
		rel := l.exportOne(ctx, id, opts, &res)
		if progress != nil {
			progress(Progress{Done: i + 1, Total: len(ids), Current: rel})
		}
	}
	return res, nil
}

// exportOne exports one draft, recording the outcome in res; it returns the
// relative path it used (for progress).
func (l *Library) exportOne(ctx context.Context, id int64, opts ExportOptions, res *ExportResult) string {
	d, err := l.st.GetDraft(ctx, id)
	if err != nil {
		res.Failed = append(res.Failed, Failure{Path: fmt.Sprintf("draft %d", id), Reason: err.Error()})
		return ""
	}
	name := func(rel string) string {
		if rel == "" {
			return fmt.Sprintf("draft %d", id)
		}
		return fmt.Sprintf("%s (draft %d)", rel, id)
	}
	rel := d.Path
	if rel == "" {
		rel, err = l.newPath(ctx, d, opts.Out)
		if err != nil {
			res.Failed = append(res.Failed, Failure{Path: name(""), Reason: err.Error()})
			return ""
		}
	}
	target, err := site.Target(opts.Out, rel)
	if err != nil {
		res.Failed = append(res.Failed, Failure{Path: name(rel), Reason: "refused: " + err.Error()})
		return rel
	}
	disk, err := site.Inspect(target, d.ContentHash, d.ImportedHash, d.ExportedHash)
	if err != nil {
		res.Failed = append(res.Failed, Failure{Path: name(rel), Reason: err.Error()})
		return rel
	}
	written := false
	switch disk {
	case site.DiskNotAFile:
		res.Failed = append(res.Failed, Failure{Path: name(rel), Reason: "the target is not a regular file"})
		return rel
	case site.DiskConflict:
		if !opts.Force {
			res.Conflicts = append(res.Conflicts, Failure{Path: name(rel),
				Reason: "the file was changed outside copydesk since it was imported or exported; left alone (use --force to replace it)"})
			return rel
		}
		fallthrough
	case site.DiskMissing, site.DiskOurs:
		if err := site.WriteAtomic(target, []byte(d.Text)); err != nil {
			res.Failed = append(res.Failed, Failure{Path: name(rel), Reason: err.Error()})
			return rel
		}
		written = true
	case site.DiskSame:
	}
	if err := l.st.RecordExport(context.WithoutCancel(ctx), id, rel, d.ContentHash, d.Draft); err != nil {
		res.Failed = append(res.Failed, Failure{Path: name(rel), Reason: "written, but the library could not remember it: " + err.Error()})
		return rel
	}
	res.Done = append(res.Done, Exported{ID: id, Path: rel, Written: written})
	return rel
}

// newPath picks <slug>.md for a draft never exported, or <slug>-2.md and so
// on when another draft remembers that path or a file already has it.
func (l *Library) newPath(ctx context.Context, d Draft, out string) (string, error) {
	slug := d.Slug
	if slug == "" {
		slug = fmt.Sprintf("draft-%d", d.ID)
	}
	for n := 1; n < 1000; n++ {
		rel := slug + ".md"
		if n > 1 {
			rel = fmt.Sprintf("%s-%d.md", slug, n)
		}
		taken, err := l.st.PathTaken(ctx, rel, d.ID)
		if err != nil {
			return "", err
		}
		if taken {
			continue
		}
		if _, err := os.Lstat(filepath.Join(out, filepath.FromSlash(path.Clean(rel)))); err == nil {
			continue
		}
		return rel, nil
	}
	return "", fmt.Errorf("no free file name for slug %q", slug)
}
