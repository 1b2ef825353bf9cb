// Package store owns copydesk's SQLite library file: the schema and its
// migrations, and plain-SQL access to drafts, revisions, citations, sources
// and the full-text index. It knows nothing about Markdown: the library
// package derives titles, counts and citations from the text and hands them
// over as a Derived value.
//
// One file holds everything. It runs in WAL mode with foreign keys on and a
// busy timeout, and all writes go through a single connection so two writers
// never race for the lock; reads use their own pool and never wait on writes.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// Sentinel errors; callers test them with errors.Is.
var (
	// ErrNotFound: no row with that id (or url).
	ErrNotFound = errors.New("not found")
	// ErrConflict: the change was refused because the row changed underneath
	// (a stale version) or would collide with another row (a taken path).
	ErrConflict = errors.New("conflict")
	// ErrNotConflicted: the draft has no conflict with the site to resolve.
	ErrNotConflicted = errors.New("not conflicted")
)

// Store is an open library file. It is safe for concurrent use.
type Store struct {
	write *sql.DB // exactly one connection: the single writer
	read  *sql.DB
	path  string
	now   func() time.Time
}

// Open opens (creating if needed) the library at path and migrates it to the
// current schema.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store: cannot create folder for %s: %w", path, err)
		}
	}
	write, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	s := &Store{write: write, path: path, now: time.Now}
	if err := migrate(context.Background(), write, len(migrations)); err != nil {
		write.Close()
		if ro := readOnlyCause(path); ro != nil {
			return nil, fmt.Errorf("store: %s: %w", path, ro)
		}
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	read, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	read.SetMaxOpenConns(4)
	read.SetMaxIdleConns(4)
	s.read = read
	return s, nil
}

// dsn builds the connection string. Writes take the lock when their
// transaction begins (immediate), so a transaction never fails half way to
// upgrade a read lock. synchronous=FULL: a save that returned is on disk.
func dsn(path string, writer bool) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	q.Set("_synchronous", "FULL")
	if writer {
		q.Set("_txlock", "immediate")
		// 16 MB of page cache (the default is 2 MB): a bulk import keeps the
		// indexes of citations, sources and tags in memory.
		q.Set("_cache_size", "-16384")
	} else {
		q.Set("mode", "rw")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes both pools.
func (s *Store) Close() error {
	var errs []error
	if s.read != nil && s.read != s.write { // one pool when opened read-only
		errs = append(errs, s.read.Close())
	}
	errs = append(errs, s.write.Close())
	return errors.Join(errs...)
}

// IntegrityCheck runs PRAGMA integrity_check and returns its first line
// ("ok" for a sound file).
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) {
	var res string
	err := s.read.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res)
	return res, err
}

// wtx is a write transaction that prepares each statement once: a bulk
// import runs the same few statements tens of thousands of times, and
// parsing them again each time was a third of its cost.
type wtx struct {
	*sql.Tx
	stmts map[string]*sql.Stmt
}

// ExecContext runs query as a statement prepared once per transaction.
func (tx *wtx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := tx.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryRowContext is the same for single-row queries.
func (tx *wtx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := tx.stmt(ctx, query)
	if err != nil {
		return tx.Tx.QueryRowContext(ctx, query, args...) // reports the same error on Scan
	}
	return st.QueryRowContext(ctx, args...)
}

func (tx *wtx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := tx.stmts[query]; ok {
		return st, nil
	}
	st, err := tx.Tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	tx.stmts[query] = st
	return st, nil
}

// inTx runs fn in a write transaction, committing when it returns nil. The
// commit is on disk when inTx returns.
func (s *Store) inTx(ctx context.Context, fn func(tx *wtx) error) error {
	return s.runTx(ctx, s.write.BeginTx, fn)
}

// inBulkTx is inTx for work that can be redone: a bulk import (importing
// again completes it) and indexing. Its commit is not synced to disk on its
// own (synchronous=NORMAL): it survives the process being killed, and the
// next synced commit or checkpoint makes it durable; a power cut may undo the
// last batches, never half of one. Waiting for the disk at every batch was
// most of the wall time of a large import.
func (s *Store) inBulkTx(ctx context.Context, fn func(tx *wtx) error) error {
	conn, err := s.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA synchronous = NORMAL"); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA synchronous = FULL")
	// Checkpoint every 64 MB of log instead of SQLite's 4 MB: a bulk import
	// changes the same index pages batch after batch, and each checkpoint
	// copies them into the database again. It was a fifth of an import's
	// writing; the log stays bounded.
	if _, err := conn.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 16384"); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA wal_autocheckpoint = 1000")
	return s.runTx(ctx, conn.BeginTx, fn)
}

func (s *Store) runTx(ctx context.Context, begin func(context.Context, *sql.TxOptions) (*sql.Tx, error), fn func(tx *wtx) error) error {
	sqlTx, err := begin(ctx, nil)
	if err != nil {
		return err
	}
	tx := &wtx{Tx: sqlTx, stmts: map[string]*sql.Stmt{}}
	defer func() {
		for _, st := range tx.stmts {
			st.Close()
		}
	}()
	if err := fn(tx); err != nil {
		sqlTx.Rollback()
		return err
	}
	return sqlTx.Commit()
}

func millis(t time.Time) int64 { return t.UnixMilli() }

func fromMillis(ms sql.NullInt64) time.Time {
	if !ms.Valid {
		return time.Time{}
	}
	return time.UnixMilli(ms.Int64).UTC()
}

// Write is the single writer connection pool, for tests that need to set up
// states the API never produces (a hostile path).
func (s *Store) Write() *sql.DB { return s.write }
