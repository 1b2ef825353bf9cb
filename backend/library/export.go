package library

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"copydesk/backend/site"
	"copydesk/backend/store"
)

// ExportOptions choose what to export where.
type ExportOptions struct {
	Out         string  `json:"out"`         // the Hugo content folder (created if missing)
	IDs         []int64 `json:"ids"`         // these drafts; empty: every live draft
	ChangedOnly bool    `json:"changedOnly"` // only drafts changed since their last export
	Force       bool    `json:"force"`       // replace files someone else changed
	// NewDir is the folder under Out, with "/" separators, where a draft
	// never exported gets its file (a site's posts/); "": Out itself.
	NewDir string `json:"newDir"`
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

// exportBatch exports are remembered per transaction.
const exportBatch = 200

// exportWriters write files in parallel: most of a file's cost is waiting
// for the disk to sync it.
const exportWriters = 4

type exportOutcome struct {
	id       int64
	rel      string
	written  bool
	draft    bool   // the draft flag of the text written
	hash     string // of the text written
	conflict string
	failure  string
}

// Export writes drafts as Markdown files under opts.Out, each at its
// remembered relative path (a new draft at <slug>.md, remembered from then
// on). Each file is written atomically and byte for byte the draft's text. A
// file on disk that is neither what was imported nor what was last exported
// is left alone and reported as a conflict unless opts.Force. Paths that
// would lead outside Out (absolute, "..", symbolic links pointing out) are
// refused and reported. Failures are per draft; the rest goes on. Cancelling
// ctx stops after the files being written.
func (l *Library) Export(ctx context.Context, opts ExportOptions, progress func(Progress)) (ExportResult, error) {
	res := ExportResult{Done: []Exported{}, Conflicts: []Failure{}, Failed: []Failure{}}
	ids, err := l.planExport(ctx, opts)
	if err != nil {
		return res, err
	}
	res.Total = len(ids)
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	outcomes := l.writeExports(wctx, ids, opts)
	rec := exportRecorder{l: l, ctx: ctx, res: &res, dirs: map[string]bool{}}
	done := 0
	for o := range outcomes {
		done++
		rec.add(o, opts.Out)
		if progress != nil {
			progress(Progress{Done: done, Total: len(ids), Current: o.rel})
		}
	}
	rec.finish()
	sort.Slice(res.Done, func(i, j int) bool { return res.Done[i].ID < res.Done[j].ID })
	if err := ctx.Err(); err != nil && done < len(ids) {
		res.Cancelled = true
		return res, err
	}
	return res, nil
}

// planExport makes sure the export folder exists and the library can record
// what is written (a library that cannot must say so before the first file
// is written), and lists the drafts to export.
func (l *Library) planExport(ctx context.Context, opts ExportOptions) ([]int64, error) {
	if opts.Out == "" {
		return nil, errors.New("no export folder given")
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the export folder %s: %w", opts.Out, err)
	}
	ids, err := l.st.ExportIDs(ctx, store.ExportQuery{IDs: opts.IDs, ChangedOnly: opts.ChangedOnly})
	if err != nil {
		return nil, err
	}
	if err := l.st.CheckWritable(ctx); err != nil {
		return nil, err
	}
	return ids, nil
}

// writeExports writes the drafts' files on exportWriters goroutines
// (exportOne) and sends each outcome, in no particular order. The channel
// closes when every draft is handled or ctx ends.
func (l *Library) writeExports(ctx context.Context, ids []int64, opts ExportOptions) <-chan exportOutcome {
	temps := &tempSweep{start: time.Now()}
	jobs := make(chan int64)
	outcomes := make(chan exportOutcome, exportWriters)
	claims := &pathClaims{taken: map[string]bool{}}
	var wg sync.WaitGroup
	for w := 0; w < min(exportWriters, runtime.NumCPU()*2); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				outcomes <- l.exportOne(ctx, id, opts, claims, temps)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, id := range ids {
			select {
			case jobs <- id:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(outcomes) }()
	return outcomes
}

// exportRecorder counts each outcome into the result and remembers the files
// written, exportBatch to a transaction, then syncs the folders they went to.
type exportRecorder struct {
	l          *Library
	ctx        context.Context
	res        *ExportResult
	pending    []store.ExportRecord
	pendingOut []exportOutcome
	dirs       map[string]bool // folders written to
}

func (r *exportRecorder) add(o exportOutcome, out string) {
	switch {
	case o.failure != "":
		r.res.Failed = append(r.res.Failed, Failure{Path: o.name(), Reason: o.failure})
	case o.conflict != "":
		r.res.Conflicts = append(r.res.Conflicts, Failure{Path: o.name(), Reason: o.conflict})
	default:
		if o.written {
			r.dirs[filepath.Dir(filepath.Join(out, filepath.FromSlash(o.rel)))] = true
		}
		r.pending = append(r.pending, store.ExportRecord{ID: o.id, Path: o.rel, Hash: o.hash, DraftFlag: o.draft})
		r.pendingOut = append(r.pendingOut, o)
		if len(r.pending) >= exportBatch {
			r.remember()
		}
	}
}

// remember records the pending files in one transaction.
func (r *exportRecorder) remember() {
	if len(r.pending) == 0 {
		return
	}
	// The files are on disk: remember them even when cancelled.
	errs, err := r.l.st.RecordExports(context.WithoutCancel(r.ctx), r.pending)
	for i, o := range r.pendingOut {
		e := err
		if e == nil {
			e = errs[i]
		}
		if e != nil {
			r.res.Failed = append(r.res.Failed, Failure{Path: o.name(), Reason: "written, but the library could not remember it: " + e.Error()})
			continue
		}
		r.res.Done = append(r.res.Done, Exported{ID: o.id, Path: o.rel, Written: o.written})
	}
	r.pending, r.pendingOut = r.pending[:0], r.pendingOut[:0]
}

// finish records what is pending and syncs every folder written to, so the
// new names survive a crash.
func (r *exportRecorder) finish() {
	r.remember()
	for dir := range r.dirs {
		if err := site.SyncDir(dir); err != nil {
			r.res.Failed = append(r.res.Failed, Failure{Path: dir, Reason: err.Error()})
		}
	}
}

func (o exportOutcome) name() string {
	if o.rel == "" {
		return fmt.Sprintf("draft %d", o.id)
	}
	return fmt.Sprintf("%s (draft %d)", o.rel, o.id)
}

// exportOne writes one draft's file (or decides not to).
func (l *Library) exportOne(ctx context.Context, id int64, opts ExportOptions, claims *pathClaims, temps *tempSweep) exportOutcome {
	o := exportOutcome{id: id}
	if err := ctx.Err(); err != nil {
		o.failure = "cancelled"
		return o
	}
	d, err := l.st.GetDraft(ctx, id)
	if err != nil {
		o.failure = err.Error()
		return o
	}
	o.hash, o.draft = d.ContentHash, d.Draft
	o.rel = d.Path
	if o.rel == "" {
		if o.rel, err = l.newPath(ctx, d, opts.Out, opts.NewDir, claims); err != nil {
			o.failure = err.Error()
			return o
		}
	}
	target, err := site.Target(opts.Out, o.rel)
	if err != nil {
		o.failure = "refused: " + err.Error()
		return o
	}
	temps.sweep(filepath.Dir(target))
	disk, err := site.Inspect(target, d.ContentHash, d.ImportedHash, d.ExportedHash)
	if err != nil {
		o.failure = err.Error()
		return o
	}
	switch disk {
	case site.DiskNotAFile:
		o.failure = "the target is not a regular file"
		return o
	case site.DiskConflict:
		if !opts.Force {
			o.conflict = "the file was changed outside copydesk since it was imported or exported; left alone (use --force to replace it)"
			return o
		}
	case site.DiskSame:
		return o
	}
	if err := site.WriteAtomicNoDirSync(target, []byte(d.Text)); err != nil {
		o.failure = err.Error()
		return o
	}
	o.written = true
	return o
}

// FreshPath is the name Export would give now to d's first file under out
// (see newPath), for showing it before exporting.
func (l *Library) FreshPath(ctx context.Context, d Draft, out string) (string, error) {
	return l.newPath(ctx, d, out, "", &pathClaims{taken: map[string]bool{}})
}

// ErrNoFreeName: every name tried for a new draft's file is taken.
var ErrNoFreeName = errors.New("no free file name")

// pathClaims keeps two new drafts exported at once from choosing one name.
type pathClaims struct {
	mu    sync.Mutex
	taken map[string]bool
}

// newPath picks <slug>.md for a draft never exported, or <slug>-2.md and so
// on when another draft remembers that path or a file already has it. A slug
// that is a Windows device name (CON, NUL, COM1...) becomes _<slug>.
func (l *Library) newPath(ctx context.Context, d Draft, out, dir string, claims *pathClaims) (string, error) {
	slug := site.PortableStem(d.Slug)
	if slug == "" {
		slug = fmt.Sprintf("draft-%d", d.ID)
	}
	prefix := ""
	if dir = strings.Trim(path.Clean("/"+filepath.ToSlash(dir)), "/"); dir != "" {
		prefix = dir + "/"
	}
	claims.mu.Lock()
	defer claims.mu.Unlock()
	for n := 1; n < 1000; n++ {
		rel := prefix + slug + ".md"
		if n > 1 {
			rel = fmt.Sprintf("%s%s-%d.md", prefix, slug, n)
		}
		if claims.taken[rel] {
			continue
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
		claims.taken[rel] = true
		return rel, nil
	}
	return "", fmt.Errorf("%w for slug %q", ErrNoFreeName, slug)
}

// tempSweep removes, once per folder in a run, the temporary files an
// earlier export or import killed mid-write left there (site.RemoveStaleTemps).
type tempSweep struct {
	start time.Time
	done  sync.Map
}

func (t *tempSweep) sweep(dir string) {
	if _, seen := t.done.LoadOrStore(dir, true); !seen {
		site.RemoveStaleTemps(dir, t.start)
	}
}
