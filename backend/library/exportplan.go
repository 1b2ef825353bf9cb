package library

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"copydesk/backend/site"
)

// ExportStatus is what exporting a draft would do to the file at its path.
type ExportStatus string

// The statuses of an ExportPlan.
const (
	ExportNew       ExportStatus = "new"       // no file there yet
	ExportIdentical ExportStatus = "identical" // the file already holds the draft's text
	ExportChanged   ExportStatus = "changed"   // the file is what was imported or last exported: it will be replaced
	ExportConflict  ExportStatus = "conflict"  // someone else changed the file: replaced only with force
	ExportRefused   ExportStatus = "refused"   // the path cannot be written (outside the folder, a link, a folder)
)

// ExportPlan says what exporting one draft to a folder would do, before
// anything is written: the export dialog shows it with a diff.
type ExportPlan struct {
	Draft    Draft
	Target   string // absolute path of the file
	Path     string // relative to the folder, "/" separated
	Status   ExportStatus
	Reason   string // why refused
	DiskText string // the file there now (identical, changed or conflict)
}

// TargetReadError: the file at an export's target could not be read for the
// diff.
type TargetReadError struct {
	Path string
	Err  error
}

func (e *TargetReadError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *TargetReadError) Unwrap() error { return e.Err }

// PlanExport says where draft id would be written under folder (absolute)
// and how the file there compares, with the same rules as Export: a draft
// never exported gets the name Export would choose now (<slug>.md, or -2,
// -3… when taken; ErrNoFreeName when none is left), and a file is judged by
// its hash against what was imported and last exported. A file larger than
// maxDiskText is not read for the diff.
func (l *Library) PlanExport(ctx context.Context, id int64, folder string, maxDiskText int64) (ExportPlan, error) {
	d, err := l.Get(ctx, id)
	if err != nil {
		return ExportPlan{}, err
	}
	plan := ExportPlan{Draft: d, Path: d.Path}
	if plan.Path == "" {
		if plan.Path, err = l.FreshPath(ctx, d, folder); err != nil {
			return ExportPlan{Draft: d}, err
		}
	}
	plan.Target = filepath.Join(folder, filepath.FromSlash(plan.Path))
	if _, err := os.Stat(folder); errors.Is(err, os.ErrNotExist) {
		plan.Status = ExportNew // the folder will be created
		return plan, nil
	}
	target, err := site.Target(folder, plan.Path)
	if err != nil {
		plan.Status, plan.Reason = ExportRefused, err.Error()
		return plan, nil
	}
	plan.Target = target
	disk, err := site.Inspect(target, d.ContentHash, d.ImportedHash, d.ExportedHash)
	if err != nil {
		plan.Status, plan.Reason = ExportRefused, err.Error()
		return plan, nil
	}
	switch disk {
	case site.DiskMissing:
		plan.Status = ExportNew
		return plan, nil
	case site.DiskNotAFile:
		plan.Status, plan.Reason = ExportRefused, "the target is not a regular file"
		return plan, nil
	case site.DiskSame:
		plan.Status = ExportIdentical
	case site.DiskOurs:
		plan.Status = ExportChanged
	case site.DiskConflict:
		plan.Status = ExportConflict
	}
	text, err := site.ReadFile(target, maxDiskText)
	if err != nil {
		return plan, &TargetReadError{Path: target, Err: err}
	}
	plan.DiskText = string(text)
	return plan, nil
}
