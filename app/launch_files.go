package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// OpenedFile is the "open-file" event: a file given on the command line (or
// by the file manager, through the .desktop entry's %F) was imported and its
// draft should be shown; Error says why it could not be.
type OpenedFile struct {
	Path     string `json:"path"`
	ID       int64  `json:"id"`
	Conflict string `json:"conflict"`
	Error    string `json:"error"`
}

// launchFiles reports whether args (the command line without the program
// name) are files to open in the window rather than a command: the first is
// not a command name and each names an existing file (not a folder) or a
// Markdown file.
// (So a mistyped command still gets "unknown command".)
func launchFiles(args []string, isCommand func(string) bool) bool {
	if len(args) == 0 || isCommand(args[0]) {
		return false
	}
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			return false
		}
		info, err := os.Stat(a)
		switch {
		case err == nil && info.IsDir():
			return false // folders are imported with File > Import or `copydesk import`
		case err != nil && !isMarkdownName(a):
			return false
		}
	}
	return true
}

func isMarkdownName(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// absolutePaths resolves paths against dir (the launching process's working
// directory: a second launch hands its relative paths to the first).
func absolutePaths(paths []string, dir string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if strings.HasPrefix(p, "file://") {
			p = strings.TrimPrefix(p, "file://") // some launchers pass URIs despite %F
		}
		if !filepath.IsAbs(p) && dir != "" {
			p = filepath.Join(dir, p)
		}
		out = append(out, filepath.Clean(p))
	}
	return out
}

// fileOpener opens launch files once the UI can show them: files that
// arrive before the UI has mounted wait for it.
type fileOpener struct {
	lib  *LibraryService
	emit func(name string, data any)

	mu      sync.Mutex
	ready   bool
	pending []string
}

// request opens paths now, or when the UI is ready.
func (o *fileOpener) request(paths []string) {
	o.mu.Lock()
	if !o.ready {
		o.pending = append(o.pending, paths...)
		o.mu.Unlock()
		return
	}
	o.mu.Unlock()
	o.open(paths)
}

// uiReady opens what waited for the UI.
func (o *fileOpener) uiReady() {
	o.mu.Lock()
	o.ready = true
	paths := o.pending
	o.pending = nil
	o.mu.Unlock()
	o.open(paths)
}

func (o *fileOpener) open(paths []string) {
	for _, p := range paths {
		o.emit("open-file", o.lib.openFile(p))
	}
}

// openFile imports one file into the library and names its draft.
func (s *LibraryService) openFile(path string) OpenedFile {
	out := OpenedFile{Path: path}
	lib, err := s.open()
	if err != nil {
		out.Error = err.Error()
		return out
	}
	opened, err := lib.OpenFile(context.Background(), path)
	if err != nil {
		out.Error = err.Error()
		return out
	}
	out.ID, out.Conflict = opened.ID, opened.Conflict
	return out
}
