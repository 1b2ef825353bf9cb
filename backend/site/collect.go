package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// File is a file found for import.
type File struct {
	Abs string // where it is
	Rel string // the path to remember: relative to the folder named, with "/" separators
}

// Failure names an item that could not be handled and why.
type Failure struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

func (f Failure) Error() string { return f.Path + ": " + f.Reason }

// Collect expands paths into the files to import: a file named directly is
// remembered by its base name; a folder is walked for *.md files (hidden
// files and folders skipped), each remembered relative to that folder.
// Paths that cannot be read are reported and the rest goes on. Files are in
// the order given, folders sorted, each file once.
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
		info, err := os.Stat(abs)
		if err != nil {
			failures = append(failures, Failure{p, describe(err)})
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				failures = append(failures, Failure{p, "not a regular file"})
				continue
			}
			add(File{Abs: abs, Rel: filepath.Base(abs)})
			continue
		}
		var found []File
		walkErr := filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				failures = append(failures, Failure{path, describe(err)})
				if d != nil && d.IsDir() && path != abs {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path != abs && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !strings.EqualFold(filepath.Ext(name), ".md") {
				return nil
			}
			if !d.Type().IsRegular() {
				// A symbolic link may lead anywhere; follow it only to a file.
				info, err := os.Stat(path)
				if err != nil || !info.Mode().IsRegular() {
					return nil
				}
			}
			rel, err := filepath.Rel(abs, path)
			if err != nil {
				failures = append(failures, Failure{path, err.Error()})
				return nil
			}
			found = append(found, File{Abs: path, Rel: filepath.ToSlash(rel)})
			return nil
		})
		if walkErr != nil {
			failures = append(failures, Failure{p, describe(walkErr)})
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Rel < found[j].Rel })
		for _, f := range found {
			add(f)
		}
	}
	return files, failures
}

// ReadFile reads a file for import, refusing one larger than limit bytes
// without reading it all.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, errors.New(describe(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, errors.New(describe(err))
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("file is larger than %d MB", limit>>20)
	}
	data := make([]byte, 0, info.Size()+1)
	data, err = readAll(f, data, limit)
	if err != nil {
		return nil, err
	}
	return data, nil
}

func readAll(r io.Reader, buf []byte, limit int64) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, fmt.Errorf("file is larger than %d MB", limit>>20)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, errors.New(describe(err))
		}
	}
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
