package library

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"copydesk/backend/site"
)

// Upload is an article whose text arrived without a file on this machine
// (the browser's file picker reads files in the page): Name is the relative
// name it came with ("posts/a.md").
type Upload struct {
	Name string
	Text string
}

// ImportUploads imports texts as Import imports files: each is written
// under a temporary folder with its relative name and the folder is
// imported, so the library remembers those names exactly as for a folder
// import. A name that would leave the folder, that the folder walk would
// skip (hidden, not *.md) or that repeats another is refused by name rather
// than silently lost or overwritten. Every upload is in the result once.
func (l *Library) ImportUploads(ctx context.Context, uploads []Upload, progress func(Progress)) (ImportResult, error) {
	dir, err := os.MkdirTemp("", "copydesk-upload-*")
	if err != nil {
		return ImportResult{}, err
	}
	defer os.RemoveAll(dir)
	var refused []Failure
	written := 0
	seen := map[string]string{}
	for _, u := range uploads {
		rel, reason := uploadPath(u.Name, seen)
		if reason == "" {
			full := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				reason = err.Error()
			} else if err := os.WriteFile(full, []byte(u.Text), 0o644); err != nil {
				reason = err.Error()
			}
		}
		if reason != "" {
			refused = append(refused, Failure{Path: u.Name, Reason: reason})
			continue
		}
		seen[rel] = u.Name
		written++
	}
	res := ImportResult{Conflicts: []Failure{}, Failed: []Failure{}}
	if written > 0 {
		res, err = l.Import(ctx, []string{dir}, progress)
	}
	res.Total += len(refused)
	res.Failed = append(res.Failed, refused...)
	return res, err
}

// uploadPath cleans an upload's name and says why it is refused ("" when
// it is not); seen holds the names taken so far.
func uploadPath(name string, seen map[string]string) (rel, reason string) {
	rel, ok := safeRelative(name)
	switch {
	case !ok:
		return "", "not a plain relative file name"
	case site.Skipped(rel) != "":
		return "", site.Skipped(rel)
	case seen[rel] != "":
		return "", fmt.Sprintf("has the same name as %s; import one of them at a time", seen[rel])
	}
	return rel, ""
}

// safeRelative cleans an uploaded file's name ("posts\a.md" → "posts/a.md")
// and refuses any that is absolute, climbs with "..", or holds a NUL.
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
