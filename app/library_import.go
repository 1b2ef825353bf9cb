package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"copydesk/backend/library"
)

// Import imports files or folders (recursively *.md) given as paths on this
// machine, sending "import-progress" events. CancelImport stops it; the
// summary then says so.
func (s *LibraryService) Import(paths []string) (ImportSummary, error) {
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
	res, err := lib.Import(ctx, paths, func(p library.Progress) {
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

// ImportFiles imports files whose text the UI read itself (a file picker
// cannot give the backend a path). They are written under a temporary folder
// with their relative names, so the library remembers those names exactly
// as for a folder import, then imported from there.
func (s *LibraryService) ImportFiles(files []UploadedFile) (ImportSummary, error) {
	dir, err := os.MkdirTemp("", "copydesk-upload-*")
	if err != nil {
		return ImportSummary{}, err
	}
	defer os.RemoveAll(dir)
	var rejected []ImportFailure
	written := 0
	// Two names that clean to one path would overwrite each other's text,
	// and a file the folder import skips would vanish without a word: both
	// are refused by name instead.
	uploaded := map[string]string{}
	for _, f := range files {
		rel, ok := safeRelative(f.Name)
		if !ok {
			rejected = append(rejected, ImportFailure{Path: f.Name, Error: "not a plain relative file name"})
			continue
		}
		if reason := skippedByFolderImport(rel); reason != "" {
			rejected = append(rejected, ImportFailure{Path: f.Name, Error: reason})
			continue
		}
		if first, dup := uploaded[rel]; dup {
			rejected = append(rejected, ImportFailure{Path: f.Name, Error: fmt.Sprintf("has the same name as %s; import one of them at a time", first)})
			continue
		}
		uploaded[rel] = f.Name
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			rejected = append(rejected, ImportFailure{Path: f.Name, Error: err.Error()})
			continue
		}
		if err := os.WriteFile(full, []byte(f.Text), 0o644); err != nil {
			rejected = append(rejected, ImportFailure{Path: f.Name, Error: err.Error()})
			continue
		}
		written++
	}
	summary := ImportSummary{Failed: []ImportFailure{}}
	if written > 0 {
		summary, err = s.Import([]string{dir})
		if err != nil {
			return summary, err
		}
	}
	summary.Total += len(rejected)
	summary.Failed = append(summary.Failed, rejected...)
	return summary, nil
}

// skippedByFolderImport says why a folder import would not pick up the file
// at rel (see site.Collect), or "" when it would.
func skippedByFolderImport(rel string) string {
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") {
			return "hidden files and folders are not imported"
		}
	}
	if !strings.EqualFold(path.Ext(rel), ".md") {
		return "not a Markdown file (*.md)"
	}
	return ""
}

// safeRelative cleans an uploaded file's name ("posts/a.md") and refuses any
// that would leave the upload folder.
func safeRelative(name string) (string, bool) {
	name = strings.ReplaceAll(name, "\\", "/")
	clean := path.Clean("/" + name)[1:]
	if clean == "" || clean == "." || strings.HasPrefix(name, "/") || strings.Contains(name, "\x00") {
		return "", false
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return "", false
		}
	}
	return clean, true
}
