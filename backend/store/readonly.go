package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/mattn/go-sqlite3"
)

// ErrNoLibrary: there is no library file at the path. Reading commands say
// so instead of creating an empty library (and its folders) as a side effect.
var ErrNoLibrary = errors.New("there is no library here")

// ErrReadOnly: the library file (or its folder) cannot be written.
var ErrReadOnly = errors.New("the library is read-only")

// OpenReadOnly opens an existing library for reading only. It never creates
// a file or a folder, and it works when the file or its folder is
// read-only: a WAL database normally needs to create its "-shm" file beside
// it to be read, and when it cannot, the file is opened as immutable (no
// locking; fine for a library nobody can write in that folder).
func OpenReadOnly(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, ErrNoLibrary)
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("store: %s is not a regular file", path)
	}
	var firstErr error
	for _, immutable := range []bool{false, true} {
		db, err := sql.Open("sqlite3", readOnlyDSN(path, immutable))
		if err == nil {
			err = checkReadable(db)
		}
		if err == nil {
			db.SetMaxOpenConns(4)
			return &Store{write: db, read: db, path: path, now: time.Now}, nil
		}
		if db != nil {
			db.Close()
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, fmt.Errorf("store: %s: %w", path, firstErr)
}

// checkReadable reads the schema version: a file that is not a library, or
// one this copydesk cannot read as it is, is refused here.
func checkReadable(db *sql.DB) error {
	var version int
	if err := db.QueryRowContext(context.Background(), "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	switch {
	case version > len(migrations):
		return fmt.Errorf("the library has schema version %d but this copydesk knows only up to %d: use a newer copydesk", version, len(migrations))
	case version == 0:
		return errors.New("not a copydesk library (no schema)")
	case version < len(migrations):
		return fmt.Errorf("the library has the older schema version %d: run a command that writes to it (import) once to upgrade it", version)
	}
	// user_version is in the header; make sure the tables can be read too.
	_, err := db.ExecContext(context.Background(), "SELECT count(*) FROM sqlite_master")
	return err
}

func readOnlyDSN(path string, immutable bool) string {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	if immutable {
		q.Set("immutable", "1")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// CheckWritable fails with ErrReadOnly when a write to the library would
// fail for lack of permission, without changing anything: callers that are
// about to do work outside the library (export writes files) ask first.
func (s *Store) CheckWritable(ctx context.Context) error {
	var version int
	if err := s.write.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	// Setting the version it already has writes the header page: a read-only
	// file or folder refuses it, nothing else changes.
	if _, err := s.write.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version)); err != nil {
		if isReadOnly(err) {
			return fmt.Errorf("%s: %w (%v)", s.path, ErrReadOnly, err)
		}
		return err
	}
	return nil
}

// IsLibraryFailure reports an error of the library file itself (read-only,
// full disk, corrupt, unreadable) rather than of one row: retrying another
// item cannot succeed.
func IsLibraryFailure(err error) bool {
	if errors.Is(err, ErrReadOnly) {
		return true
	}
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code {
	case sqlite3.ErrReadonly, sqlite3.ErrCorrupt, sqlite3.ErrNotADB, sqlite3.ErrIoErr,
		sqlite3.ErrCantOpen, sqlite3.ErrFull, sqlite3.ErrPerm:
		return true
	}
	return false
}

func isReadOnly(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrReadonly || se.Code == sqlite3.ErrPerm || se.Code == sqlite3.ErrCantOpen)
}

// readOnlyCause explains a failed open when the library file, or the folder
// its WAL files go in, cannot be written (SQLite's own error then reads
// "unable to open database file"); nil when that is not the cause.
func readOnlyCause(path string) error {
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
	} else if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return fmt.Errorf("%w: the file cannot be written (%v)", ErrReadOnly, unwrapPath(err))
	} else {
		return nil // missing or otherwise unreadable: SQLite's error says more
	}
	probe, err := os.CreateTemp(filepath.Dir(path), ".copydesk-probe-*")
	if err == nil {
		probe.Close()
		os.Remove(probe.Name())
		return nil
	}
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return fmt.Errorf("%w: its folder cannot be written, and SQLite needs to create files beside it (%v)", ErrReadOnly, unwrapPath(err))
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
