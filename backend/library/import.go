package library

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"copydesk/backend/article"
	"copydesk/backend/site"
	"copydesk/backend/store"
)

// Progress reports long work: Done of Total items, Current the one just
// handled.
type Progress struct {
	Done    int    `json:"done"`
	Total   int    `json:"total"`
	Current string `json:"current"`
}

// Failure names an item that was not handled and why.
type Failure = site.Failure

// ImportResult summarises an import. Every file is in exactly one of
// Created, Updated, Unchanged, Conflicts or Failed.
type ImportResult struct {
	Total     int       `json:"total"`
	Created   int       `json:"created"`
	Updated   int       `json:"updated"`
	Unchanged int       `json:"unchanged"`
	Conflicts []Failure `json:"conflicts"` // the file and the draft both changed since the last import
	Failed    []Failure `json:"failed"`    // could not be read, or paths that could not be walked
	Cancelled bool      `json:"cancelled"`
}

// importBatchSize is how many files share one transaction: large enough that
// commits (each synced to disk) do not dominate, small enough that a
// cancelled or killed import loses little work.
const importBatchSize = 250

type importJob struct {
	file  site.File
	state store.PathState
	known bool
}

type importDone struct {
	file    site.File
	item    store.ImportItem
	skip    bool   // unchanged
	problem string // read failure
	clash   string // conflict
}

// Import brings files and folders into the library (see site.Collect for
// how paths are remembered). It is idempotent: a file whose bytes were
// imported before, or equal the draft's text, changes nothing. A changed file
// replaces its draft's text (the old text stays in the revisions) unless the
// draft was edited since its import too: that is reported as a conflict and
// nothing is changed. A file that cannot be read is reported and the rest
// goes on. Cancelling ctx stops after the files already stored (the result
// says so and the error is ctx's).
func (l *Library) Import(ctx context.Context, paths []string, progress func(Progress)) (ImportResult, error) {
	files, res := collectImport(paths)
	index, err := l.st.PathIndex(ctx)
	if err != nil {
		return res, err
	}
	// A library that cannot be written says so before any file is read.
	if err := l.st.CheckWritable(ctx); err != nil {
		return res, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Read and derive in parallel; the writer stores batches while the
	// readers go on with the next files: the stages overlap instead of
	// taking turns.
	results := l.readImports(ctx, files, index)
	writer := l.startImportWriter(ctx, cancel)
	done := len(res.Failed) // paths that could not be collected count as handled
	handled := 0
	for r := range results {
		handled++
		if item, toStore := res.tally(r); toStore {
			writer.add(item, r.file)
		}
		done++
		if progress != nil {
			progress(Progress{Done: done, Total: res.Total, Current: r.file.Rel})
		}
		if ctx.Err() != nil {
			break
		}
	}
	drain(results)
	// What was read before a cancel is decided: store it too.
	written, writeErr := writer.finish()
	res.add(written)
	if writeErr != nil && !errors.Is(writeErr, context.Canceled) {
		return res, writeErr
	}
	if err := ctx.Err(); err != nil || handled < len(files) {
		res.Cancelled = true
		if err == nil {
			err = context.Canceled
		}
		return res, err
	}
	return res, nil
}

// collectImport lists the files under paths (the ones that cannot be walked
// are the result's first failures) and sweeps their folders of the temporary
// files an interrupted write left.
func collectImport(paths []string) ([]site.File, ImportResult) {
	files, failures := site.Collect(paths)
	temps := &tempSweep{start: time.Now()}
	for _, f := range files {
		temps.sweep(filepath.Dir(f.Abs))
	}
	res := ImportResult{Total: len(files) + len(failures), Failed: failures, Conflicts: []Failure{}}
	if res.Failed == nil {
		res.Failed = []Failure{}
	}
	return files, res
}

// readImports reads, parses and derives the files on one worker per CPU
// (prepareImport) and sends each outcome, in no particular order. A second
// file with the same relative path is refused: the library remembers one
// draft per path. The channel closes when every file is handled or ctx ends.
func (l *Library) readImports(ctx context.Context, files []site.File, index map[string]store.PathState) <-chan importDone {
	jobs := make(chan importJob)
	results := make(chan importDone, 64)
	workers := l.workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range jobs {
				select {
				case results <- l.prepareImport(job):
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		seen := map[string]string{}
		for _, f := range files {
			if first, dup := seen[f.Rel]; dup {
				select {
				case results <- importDone{file: f, problem: fmt.Sprintf("has the same relative path %q as %s; import one of them at a time", f.Rel, first)}:
				case <-ctx.Done():
					return
				}
				continue
			}
			seen[f.Rel] = f.Abs
			st, known := index[f.Rel]
			select {
			case jobs <- importJob{file: f, state: st, known: known}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	return results
}

// tally counts an outcome that needs no writing (a failure, a conflict, an
// unchanged file) and otherwise returns the item to store.
func (res *ImportResult) tally(r importDone) (item store.ImportItem, toStore bool) {
	switch {
	case r.problem != "":
		res.Failed = append(res.Failed, Failure{Path: r.file.Abs, Reason: r.problem})
	case r.clash != "":
		res.Conflicts = append(res.Conflicts, Failure{Path: r.file.Abs, Reason: r.clash})
	case r.skip:
		res.Unchanged++
	default:
		return r.item, true
	}
	return store.ImportItem{}, false
}

// add counts the writer's part of the result into res.
func (res *ImportResult) add(w ImportResult) {
	res.Created += w.Created
	res.Unchanged += w.Unchanged
	res.Updated += w.Updated
	res.Conflicts = append(res.Conflicts, w.Conflicts...)
	res.Failed = append(res.Failed, w.Failed...)
}

// importWriter stores the items in batches of importBatchSize on its own
// goroutine. A library failure stops it and cancels the import.
type importWriter struct {
	batches chan importBatch
	batch   importBatch
	done    chan struct{}
	written ImportResult // read after done
	err     error        // read after done
}

type importBatch struct {
	items []store.ImportItem
	files []site.File
}

func (l *Library) startImportWriter(ctx context.Context, cancel context.CancelFunc) *importWriter {
	w := &importWriter{batches: make(chan importBatch, 1), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		for b := range w.batches {
			if w.err != nil {
				continue
			}
			if err := l.applyImports(ctx, b.items, b.files, &w.written); err != nil {
				w.err = err
				cancel()
			}
		}
	}()
	return w
}

// add queues one item, handing a full batch to the writer.
func (w *importWriter) add(item store.ImportItem, f site.File) {
	w.batch.items = append(w.batch.items, item)
	w.batch.files = append(w.batch.files, f)
	if len(w.batch.items) >= importBatchSize {
		w.send()
	}
}

func (w *importWriter) send() {
	if len(w.batch.items) > 0 {
		w.batches <- w.batch
		w.batch = importBatch{}
	}
}

// finish stores the last batch, waits for the writer and returns what it
// wrote and the error that stopped it.
func (w *importWriter) finish() (ImportResult, error) {
	w.send()
	close(w.batches)
	<-w.done
	return w.written, w.err
}

func drain(ch <-chan importDone) {
	for range ch {
	}
}

// prepareImport reads and derives one file, off the writer's path.
func (l *Library) prepareImport(job importJob) importDone {
	out := importDone{file: job.file}
	data, err := site.ReadFile(job.file.Abs, article.MaxSize)
	if err != nil {
		out.problem = err.Error()
		return out
	}
	hash := store.Hash(data)
	if job.known && (hash == job.state.ImportedHash || hash == job.state.ContentHash) {
		out.skip = true
		return out
	}
	if job.known && job.state.ContentHash != job.state.ImportedHash {
		out.clash = fmt.Sprintf("the file changed and so did draft %d since it was imported; nothing was changed (export the draft with --force, or trash it and import again)", job.state.ID)
		return out
	}
	doc, err := article.Parse(data)
	if err != nil {
		out.problem = err.Error()
		return out
	}
	out.item = store.ImportItem{Path: job.file.Rel, Text: string(data), Hash: hash, Derived: l.deriveDoc(doc)}
	if job.known {
		out.item.UpdateID = job.state.ID
		out.item.ExpectedHash = job.state.ContentHash
	}
	return out
}

// applyImports stores a batch; when the batch as a whole fails (one bad row
// would roll back all), it retries file by file so only the bad ones fail.
func (l *Library) applyImports(ctx context.Context, items []store.ImportItem, files []site.File, res *ImportResult) error {
	if len(items) == 0 {
		return nil
	}
	// The batch is decided: it is stored whole even when cancelled, and a
	// context that cannot be cancelled spares the driver a goroutine per
	// statement.
	outcomes, err := l.st.ApplyImports(context.WithoutCancel(ctx), items)
	if err != nil && store.IsLibraryFailure(err) {
		// Read-only, full, corrupt: every other file would fail the same
		// way. Stop with one message instead of one per file.
		return err
	}
	if err != nil && len(items) > 1 {
		for i := range items {
			if err := l.applyImports(ctx, items[i:i+1], files[i:i+1], res); err != nil {
				return err
			}
		}
		return nil
	}
	if err != nil {
		if errors.Is(err, store.ErrConflict) {
			res.Failed = append(res.Failed, Failure{Path: files[0].Abs, Reason: err.Error()})
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		res.Failed = append(res.Failed, Failure{Path: files[0].Abs, Reason: err.Error()})
		return nil
	}
	for i, o := range outcomes {
		switch {
		case o.Err != nil:
			res.Conflicts = append(res.Conflicts, Failure{Path: files[i].Abs, Reason: o.Err.Error()})
		case o.Unchanged:
			res.Unchanged++
		case items[i].UpdateID != 0:
			res.Updated++
		default:
			res.Created++
		}
	}
	return nil
}
