package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// File is an article file found under a path named by the user.
type File struct {
	Abs  string // where it is
	Rel  string // the path to remember: relative to the folder named, with "/" separators
	Path string // as the user would name it: the argument, or the argument joined with the path under it
}

// Failure names an item that could not be handled and why.
type Failure struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

func (f Failure) Error() string { return Quote(f.Path) + ": " + f.Reason }

// Collect expands paths into article files: a file named directly is
// remembered by its base name; a folder is walked for *.md files, each
// remembered relative to that folder. Files are in the order given, folders
// sorted, each file once. Paths that cannot be read are reported and the
// rest goes on.
//
// What is read, and why:
//   - a path named on the command line is followed when it is a symbolic
//     link (to a folder as to a file): the user chose it;
//   - inside a folder, links to files are followed to regular files only,
//     and links to folders are not followed at all, so no walk can loop;
//   - hidden files and folders (names starting with ".") are skipped: they
//     are version control, editors' backups and our own temporary files;
//   - FIFOs, devices and sockets are never read: named directly they are
//     refused as "not a regular file", inside a folder they are skipped.
func Collect(paths []string) ([]File, []Failure) {
	var files []File
	var failures []Failure
	seen := map[string]bool{}
	add := func(f File) {
		if !seen[f.Abs] {
			seen[f.Abs] = true
			files = append(files, f)
		}
	}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			failures = append(failures, Failure{p, err.Error()})
			continue
		}
		info, err := os.Stat(abs) // follows a link named on the command line
		if err != nil {
			failures = append(failures, Failure{p, describe(err)})
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				failures = append(failures, Failure{p, "not a regular file"})
				continue
			}
			add(File{Abs: abs, Rel: filepath.Base(abs), Path: p})
			continue
		}
		found, walkFailures := walk(p, abs)
		failures = append(failures, walkFailures...)
		for _, f := range found {
			add(f)
		}
	}
	return files, failures
}

// walk lists the articles under the folder abs (named p), sorted.
func walk(p, abs string) ([]File, []Failure) {
	var found []File
	var failures []Failure
	// WalkDir does not descend into a root that is a link: walk where it
	// leads, and name what is found under the path the user gave.
	root, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, []Failure{{p, describe(err)}}
	}
	walkErr := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		rel, relErr := filepath.Rel(root, path)
		if relErr != nil {
			failures = append(failures, Failure{path, relErr.Error()})
			return nil
		}
		named := filepath.Join(p, rel)
		if err != nil {
			failures = append(failures, Failure{named, describe(err)})
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if path != root && hidden(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isArticleName(name) {
			return nil
		}
		if !d.Type().IsRegular() {
			if d.Type()&fs.ModeSymlink == 0 {
				return nil // a FIFO, device or socket named like an article
			}
			// A link may lead anywhere; follow it only to a regular file.
			info, err := os.Stat(path)
			if err != nil || !info.Mode().IsRegular() {
				return nil
			}
		}
		found = append(found, File{Abs: filepath.Join(abs, rel), Rel: filepath.ToSlash(rel), Path: named})
		return nil
	})
	if walkErr != nil {
		failures = append(failures, Failure{p, describe(walkErr)})
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Rel < found[j].Rel })
	return found, failures
}

// hidden: a file or folder a folder walk leaves out (.git, .DS_Store, an
// editor's .swp): none is an article, and a site's hidden folders hold
// tools' files.
func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// isArticleName: the walk takes Markdown files (*.md, any case) only.
func isArticleName(name string) bool { return strings.EqualFold(filepath.Ext(name), ".md") }

// Skipped says why a folder walk would leave out the file at rel (a
// relative path, "/" separators), or "" when it would take it: the same
// rules as Collect, for files that arrive by name rather than on disk.
func Skipped(rel string) string {
	for _, part := range strings.Split(rel, "/") {
		if hidden(part) {
			return "hidden files and folders are not imported"
		}
	}
	if !isArticleName(rel) {
		return "not a Markdown file (*.md)"
	}
	return ""
}

// describe turns a file system error into a sentence without Go's
// operation prefix ("open /x: permission denied" → "permission denied").
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
