package app

import (
	"context"
	"errors"

	"copydesk/backend/library"
)

// Import imports files or folders (recursively *.md) given as paths on this
// machine, sending "import-progress" events. CancelImport stops it; the
// summary then says so.
func (s *LibraryService) Import(paths []string) (ImportSummary, error) {
	return s.runImport(func(ctx context.Context, lib *library.Library, progress func(library.Progress)) (library.ImportResult, error) {
		return lib.Import(ctx, paths, progress)
	})
}

// ImportFiles imports files whose text the UI read itself (a file picker
// cannot give the backend a path); see library.ImportUploads.
func (s *LibraryService) ImportFiles(files []UploadedFile) (ImportSummary, error) {
	uploads := make([]library.Upload, len(files))
	for i, f := range files {
		uploads[i] = library.Upload{Name: f.Name, Text: f.Text}
	}
	return s.runImport(func(ctx context.Context, lib *library.Library, progress func(library.Progress)) (library.ImportResult, error) {
		return lib.ImportUploads(ctx, uploads, progress)
	})
}

// runImport runs one import at a time, cancellable, with progress events.
func (s *LibraryService) runImport(run func(context.Context, *library.Library, func(library.Progress)) (library.ImportResult, error)) (ImportSummary, error) {
	lib, err := s.open()
	if err != nil {
		return ImportSummary{}, err
	}
	ctx, done, ok := s.imports.start("import")
	if !ok {
		return ImportSummary{}, newAPIError("import.busy", nil)
	}
	defer done()
	var progress progressThrottle
	res, err := run(ctx, lib, func(p library.Progress) {
		progress.send(p.Done, p.Total, func() {
			s.platform.Emit("import-progress", ImportProgress{Done: p.Done, Total: p.Total, Current: p.Current})
		})
	})
	summary := importSummaryOf(res)
	if err != nil && !errors.Is(err, context.Canceled) {
		return summary, err
	}
	return summary, nil
}

// CancelImport stops a running import after the files already stored.
func (s *LibraryService) CancelImport() { s.imports.cancel("import") }

func importSummaryOf(r library.ImportResult) ImportSummary {
	out := ImportSummary{Total: r.Total, Created: r.Created, Updated: r.Updated, Unchanged: r.Unchanged,
		Cancelled: r.Cancelled, Failed: []ImportFailure{}}
	for _, f := range r.Conflicts {
		out.Failed = append(out.Failed, ImportFailure{Path: f.Path, Error: "conflict: " + f.Reason})
	}
	for _, f := range r.Failed {
		out.Failed = append(out.Failed, ImportFailure{Path: f.Path, Error: f.Reason})
	}
	return out
}
