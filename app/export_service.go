package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"copydesk/backend/library"
)

// ExportService is the export dialog: where a draft's file will go and what
// is on disk there now (for the diff), writing it, and exporting every draft
// changed since its last export. Writing goes through library.Export, so a
// file someone else changed is never replaced without force.
type ExportService struct {
	platform Platform
	library  *LibraryService

	jobs jobs // the running ExportChanged, under the id "export"
}

func newExportService(lib *LibraryService) *ExportService {
	return &ExportService{platform: nopPlatform{}, library: lib}
}

// maxDiskText bounds the file read for the diff: a content file is a few
// hundred kilobytes at most; anything larger is not shown.
const maxDiskText = 8 << 20

// Export statuses of ExportPreview (see library.ExportStatus).
const (
	ExportNew       = string(library.ExportNew)
	ExportIdentical = string(library.ExportIdentical)
	ExportChanged   = string(library.ExportChanged)
	ExportConflict  = string(library.ExportConflict)
	ExportRefused   = string(library.ExportRefused)
)

// ExportPreview says what exporting a draft to a folder would do.
type ExportPreview struct {
	Target   string `json:"target"` // absolute path of the file
	Path     string `json:"path"`   // relative to the folder, "/" separated
	Status   string `json:"status"` // new, identical, changed, conflict, refused
	Reason   string `json:"reason"` // why refused
	DiskText string `json:"diskText"`
	Text     string `json:"text"` // the draft's stored text (what will be written)
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
}

// ExportedFile is one draft written or found already identical.
type ExportedFile struct {
	ID      int64  `json:"id"`
	Path    string `json:"path"`
	Written bool   `json:"written"`
}

// ExportFailure names a file not written and why.
type ExportFailure struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// ExportSummary is the result of an export: every draft is in exactly one
// of Done, Conflicts or Failed.
type ExportSummary struct {
	Folder    string          `json:"folder"`
	Total     int             `json:"total"`
	Written   int             `json:"written"`
	Done      []ExportedFile  `json:"done"`
	Conflicts []ExportFailure `json:"conflicts"`
	Failed    []ExportFailure `json:"failed"`
	Cancelled bool            `json:"cancelled"`
}

// ExportProgress is sent as the "export-progress" event.
type ExportProgress struct {
	Done    int    `json:"done"`
	Total   int    `json:"total"`
	Current string `json:"current"`
}

func exportFolder(outDir string) (string, error) {
	if outDir == "" {
		return "", newAPIError("export.no_folder", nil)
	}
	abs, err := filepath.Abs(outDir)
	if err != nil {
		return "", newAPIError("export.folder", map[string]string{"path": outDir, "detail": err.Error()})
	}
	if info, err := os.Stat(abs); err == nil && !info.IsDir() {
		return "", newAPIError("export.folder", map[string]string{"path": abs, "detail": "not a folder"})
	}
	return abs, nil
}

// Preview says where the draft would be written under outDir and how the
// file there compares. A draft never exported gets the name export would
// choose now (<slug>.md, or -2, -3… when taken).
func (s *ExportService) Preview(draftID int64, outDir string) (ExportPreview, error) {
	lib, err := s.library.open()
	if err != nil {
		return ExportPreview{}, err
	}
	folder, err := exportFolder(outDir)
	if err != nil {
		return ExportPreview{}, err
	}
	plan, err := lib.PlanExport(context.Background(), draftID, folder, maxDiskText)
	var readErr *library.TargetReadError
	switch {
	case errors.Is(err, library.ErrNoFreeName):
		return ExportPreview{}, newAPIError("export.no_name", map[string]string{"slug": plan.Draft.Slug})
	case errors.As(err, &readErr):
		return ExportPreview{}, newAPIError("export.read", map[string]string{"path": readErr.Path, "detail": readErr.Err.Error()})
	case err != nil:
		return ExportPreview{}, libraryError(err, draftID)
	}
	d := plan.Draft
	return ExportPreview{Target: plan.Target, Path: plan.Path, Status: string(plan.Status), Reason: plan.Reason,
		DiskText: plan.DiskText, Text: d.Text, Errors: d.Errors, Warnings: d.Warnings}, nil
}

// Export writes one draft's file under outDir. A file someone else changed
// is left alone and listed in Conflicts unless force.
func (s *ExportService) Export(draftID int64, outDir string, force bool) (ExportSummary, error) {
	lib, err := s.library.open()
	if err != nil {
		return ExportSummary{}, err
	}
	folder, err := exportFolder(outDir)
	if err != nil {
		return ExportSummary{}, err
	}
	if _, err := lib.Get(context.Background(), draftID); err != nil {
		return ExportSummary{}, libraryError(err, draftID)
	}
	res, err := lib.Export(context.Background(), library.ExportOptions{Out: folder, IDs: []int64{draftID}, Force: force}, nil)
	if err != nil {
		return exportSummaryOf(folder, res), newAPIError("export.failed", map[string]string{"path": folder, "detail": err.Error()})
	}
	return exportSummaryOf(folder, res), nil
}

// ExportChanged writes every draft changed since its last export (and those
// never exported) under outDir, sending "export-progress" events.
// CancelExport stops it after the files being written; the summary says so.
func (s *ExportService) ExportChanged(outDir string) (ExportSummary, error) {
	lib, err := s.library.open()
	if err != nil {
		return ExportSummary{}, err
	}
	folder, err := exportFolder(outDir)
	if err != nil {
		return ExportSummary{}, err
	}
	ctx, done, ok := s.jobs.start("export")
	if !ok {
		return ExportSummary{}, newAPIError("export.busy", nil)
	}
	defer done()
	var progress progressThrottle
	res, err := lib.Export(ctx, library.ExportOptions{Out: folder, ChangedOnly: true}, func(p library.Progress) {
		progress.send(p.Done, p.Total, func() {
			s.platform.Emit("export-progress", ExportProgress{Done: p.Done, Total: p.Total, Current: p.Current})
		})
	})
	summary := exportSummaryOf(folder, res)
	if err != nil && !errors.Is(err, context.Canceled) {
		return summary, newAPIError("export.failed", map[string]string{"path": folder, "detail": err.Error()})
	}
	return summary, nil
}

// CancelExport stops a running ExportChanged.
func (s *ExportService) CancelExport() { s.jobs.cancel("export") }

// PickFolder asks for a folder with the system's picker (desktop face only;
// the browser face answers export.no_picker and the UI keeps its text field).
func (s *ExportService) PickFolder(title string) (string, error) {
	dir, err := s.platform.PickFolder(title)
	if err != nil {
		return "", newAPIError("export.no_picker", map[string]string{"detail": err.Error()})
	}
	return dir, nil
}

func exportSummaryOf(folder string, r library.ExportResult) ExportSummary {
	out := ExportSummary{Folder: folder, Total: r.Total, Written: r.Written(), Cancelled: r.Cancelled,
		Done: []ExportedFile{}, Conflicts: []ExportFailure{}, Failed: []ExportFailure{}}
	for _, d := range r.Done {
		out.Done = append(out.Done, ExportedFile{ID: d.ID, Path: d.Path, Written: d.Written})
	}
	for _, f := range r.Conflicts {
		out.Conflicts = append(out.Conflicts, ExportFailure{Path: f.Path, Reason: f.Reason})
	}
	for _, f := range r.Failed {
		out.Failed = append(out.Failed, ExportFailure{Path: f.Path, Reason: f.Reason})
	}
	return out
}
