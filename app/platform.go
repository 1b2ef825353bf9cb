package app

import "errors"

// Platform is the seam between the services and the face they run in. The
// desktop face implements it with the Wails runtime, the browser face with
// server-sent events and the browser's own window.open; services never import
// Wails directly (so they are testable and the browser face needs no GTK).
type Platform interface {
	// Face names the face: "desktop" or "browser".
	Face() string
	// Emit sends an event (progress of long work, menu actions) to the UI.
	Emit(name string, data any)
	// Quit asks the face to close, after the UI has had a chance to save.
	Quit()
	// SetTitle sets the window title (the browser face ignores it: the page sets document.title).
	SetTitle(title string)
	// PickFolder shows the system's folder picker; "" when cancelled. The
	// browser face has none (a page cannot hand a local path to the server).
	PickFolder(title string) (string, error)
	// PickFile shows the system's file chooser for one file matching the
	// filter; "" when cancelled. The browser face has none (the page reads
	// the file itself and sends its bytes).
	PickFile(title string, filter FileFilter) (string, error)
}

// FileFilter limits a file chooser to a kind of file: Pattern is
// semicolon-separated globs ("*.png;*.jpg").
type FileFilter struct {
	Name    string
	Pattern string
}

// nopPlatform is used before a face has started (and in tests).
type nopPlatform struct{}

func (nopPlatform) Face() string     { return "none" }
func (nopPlatform) Emit(string, any) {}
func (nopPlatform) Quit()            {}
func (nopPlatform) SetTitle(string)  {}
func (nopPlatform) PickFolder(string) (string, error) {
	return "", errors.New("no folder picker here")
}
func (nopPlatform) PickFile(string, FileFilter) (string, error) {
	return "", errors.New("no file chooser here")
}
