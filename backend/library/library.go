// Package library is the service the desktop UI and the command line use
// for drafts: it derives everything structured from a draft's text (title,
// date, tags, citations, problem counts) and keeps it in the store, imports
// from and exports to a Hugo content folder through the site package, and
// resolves where the library file lives.
//
// The text is the draft. Nothing here edits text except Duplicate (which
// marks the copy's title); every other change comes from the caller.
package library

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"copydesk/backend/profile"
	"copydesk/backend/render"
	"copydesk/backend/store"
)

// Re-exported so callers need not import the store.
type (
	Draft        = store.Draft
	Summary      = store.Summary
	Filter       = store.Filter
	RevisionInfo = store.RevisionInfo
	Revision     = store.Revision
	Citation     = store.Citation
	Source       = store.Source
	SourceCite   = store.SourceCite
	TermCount    = store.TermCount
	Key          = store.Key
	PageQuery    = store.PageQuery
	Page         = store.Page
)

// MaxPage bounds one page of ListPage.
const MaxPage = store.MaxPage

// Errors, tested with errors.Is.
var (
	ErrNotFound = store.ErrNotFound
	ErrConflict = store.ErrConflict
	// ErrNotConflicted: the draft has no conflict with the site (Conflict,
	// ResolveConflict).
	ErrNotConflicted = store.ErrNotConflicted
)

// Editorial statuses (see store).
const (
	StatusDraft     = store.StatusDraft
	StatusInReview  = store.StatusInReview
	StatusReady     = store.StatusReady
	StatusPublished = store.StatusPublished
)

// Options configure a Library. Zero values are sensible.
type Options struct {
	// Profile is the site profile the checks and derived fields follow.
	// nil: the built-in house style.
	Profile *profile.Profile
	// Now is the clock (for checks of future dates); nil: time.Now.
	Now func() time.Time
	// Workers parse and check files in parallel during import; 0: the
	// number of CPUs.
	Workers int
	// Render is the site's Markdown configuration (hugoconfig.LoadMarkup)
	// the emphasis check follows; nil: Hugo's defaults.
	Render *render.Config
}

// Library is an open library. It is safe for concurrent use.
type Library struct {
	st      *store.Store
	profile *profile.Profile
	now     func() time.Time
	workers int
	render  *render.Config
}

// Open opens the library file at dbPath, creating and migrating it as
// needed.
func Open(dbPath string, opts Options) (*Library, error) {
	st, err := store.Open(dbPath)
	if err != nil {
		return nil, err
	}
	l := &Library{st: st, profile: opts.Profile, now: opts.Now, workers: opts.Workers, render: opts.Render}
	if l.profile == nil {
		l.profile = profile.Default()
	}
	if l.now == nil {
		l.now = time.Now
	}
	return l, nil
}

// Close closes the library file.
func (l *Library) Close() error { return l.st.Close() }

// Store gives access to the underlying store (integrity checks, tests).
func (l *Library) Store() *store.Store { return l.st }

// Profile is the profile in use.
func (l *Library) Profile() *profile.Profile { return l.profile }

// ResolvePath finds the library file: explicit (a --db flag) wins, then
// $COPYDESK_DB, then $XDG_DATA_HOME/copydesk/library.db (by default
// ~/.local/share/copydesk/library.db). It does not create anything.
func ResolvePath(explicit string) (string, error) {
	if explicit != "" {
		return explicit, nil
	}
	if env := os.Getenv("COPYDESK_DB"); env != "" {
		return env, nil
	}
	data := os.Getenv("XDG_DATA_HOME")
	if data == "" {
		home, err := os.UserHomeDir()
		if err != nil || home == "" {
			return "", errors.New("cannot find the home folder for the library: set COPYDESK_DB or pass --db FILE")
		}
		data = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(data, "copydesk", "library.db"), nil
}

// DefaultPath is ResolvePath with no explicit path.
func DefaultPath() (string, error) { return ResolvePath("") }

// OpenDefault opens the library at ResolvePath(explicit), creating its
// folder, with an error that says what to do when it cannot.
func OpenDefault(explicit string, opts Options) (*Library, error) {
	path, err := ResolvePath(explicit)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the data folder %s (%v): choose another with COPYDESK_DB or --db FILE", filepath.Dir(path), err)
	}
	l, err := Open(path, opts)
	if err != nil {
		return nil, fmt.Errorf("cannot open the library %s: %w", path, err)
	}
	return l, nil
}

// ErrNoLibrary: a reading command found no library file (see OpenReadOnly).
var ErrNoLibrary = store.ErrNoLibrary

// OpenReadOnly opens the existing library at ResolvePath(explicit) for
// reading only, for commands that only read (list): it never creates the
// library or its folder, and it works when the library's file or folder is
// read-only. Writing methods fail.
func OpenReadOnly(explicit string, opts Options) (*Library, error) {
	path, err := ResolvePath(explicit)
	if err != nil {
		return nil, err
	}
	st, err := store.OpenReadOnly(path)
	if errors.Is(err, store.ErrNoLibrary) {
		return nil, fmt.Errorf("there is no library at %s: import articles first (copydesk import), or name the library with --db FILE or COPYDESK_DB: %w", path, ErrNoLibrary)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open the library %s: %w", path, err)
	}
	l := &Library{st: st, profile: opts.Profile, now: opts.Now, workers: opts.Workers, render: opts.Render}
	if l.profile == nil {
		l.profile = profile.Default()
	}
	if l.now == nil {
		l.now = time.Now
	}
	return l, nil
}

// PendingIndex counts drafts not yet in the full-text index (after a bulk
// import). Search finds them anyway, by scanning.
func (l *Library) PendingIndex(ctx context.Context) (int, error) { return l.st.PendingIndex(ctx) }

// IndexPending brings the full-text index up to date after a bulk import.
// The app runs it in the background after opening; it can be cancelled and
// resumed at any time (saves go in between its batches).
func (l *Library) IndexPending(ctx context.Context, progress func(Progress)) error {
	total, err := l.st.PendingIndex(ctx)
	if err != nil || total == 0 {
		return err
	}
	return l.st.IndexPending(ctx, func(done int) {
		if progress != nil {
			progress(Progress{Done: done, Total: total})
		}
	})
}
