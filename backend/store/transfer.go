package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// PathState is what import needs to know about a live draft with a path.
type PathState struct {
	ID           int64
	ImportedHash string
	ContentHash  string
}

// PathIndex maps every remembered path of a live draft to its state, so an
// import can decide for each file without a query per file.
func (s *Store) PathIndex(ctx context.Context) (map[string]PathState, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT path, id, imported_hash, content_hash FROM drafts
		WHERE path <> '' AND trashed_at IS NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	index := map[string]PathState{}
	for rows.Next() {
		var p string
		var st PathState
		if err := rows.Scan(&p, &st.ID, &st.ImportedHash, &st.ContentHash); err != nil {
			return nil, err
		}
		index[p] = st
	}
	return index, rows.Err()
}

// ImportItem is one file to bring into the library.
type ImportItem struct {
	Path    string // relative path to remember
	Text    string
	Hash    string // Hash(Text) when known; "" computes it
	Derived Derived
	// Update: the live draft with this path, and the text hash it had when
	// the import decided to replace it. 0: a new draft.
	UpdateID     int64
	ExpectedHash string
}

// ImportOutcome reports what happened to one ImportItem.
type ImportOutcome struct {
	ID  int64
	Err error // ErrConflict: the draft changed after the import looked at it
	// Unchanged: a new file found its path already taken by a draft with
	// exactly its bytes (another import of the same folder got there
	// first); nothing was stored.
	Unchanged bool
}

// ApplyImports stores a batch of files in one transaction (see inBulkTx for
// its durability: importing again completes an import): new drafts are
// created (their full-text indexing deferred: see IndexPending), changed
// files replace the text of their draft (the replaced text stays in the
// revisions). The error is for the batch as a whole; per-item
// refusals are in the outcomes.
func (s *Store) ApplyImports(ctx context.Context, items []ImportItem) ([]ImportOutcome, error) {
	out := make([]ImportOutcome, len(items))
	now := s.now()
	err := s.inBulkTx(ctx, func(tx *wtx) error {
		for i, it := range items {
			hash := it.Hash
			if hash == "" {
				hash = hashString(it.Text)
			}
			if it.UpdateID == 0 {
				// Another import (another process) may have stored this path
				// since this one looked: the same bytes are no news.
				var id int64
				var content, imported string
				err := tx.QueryRowContext(ctx, draftAtPathQuery, it.Path).Scan(&id, &content, &imported)
				switch {
				case err == nil && (hash == content || hash == imported):
					out[i] = ImportOutcome{ID: id, Unchanged: true}
					continue
				case err == nil:
					out[i].Err = fmt.Errorf("%w: draft %d took the path %s while it was being imported", ErrConflict, id, it.Path)
					continue
				case err != sql.ErrNoRows:
					return err
				}
				id, err = insertDraft(ctx, tx, NewDraft{Text: it.Text, Derived: it.Derived, Path: it.Path,
					ImportedHash: hash, Hash: hash, DeferIndex: true}, now)
				if err != nil {
					return fmt.Errorf("%s: %w", it.Path, err)
				}
				out[i].ID = id
				continue
			}
			out[i].ID = it.UpdateID
			var current string
			err := tx.QueryRowContext(ctx, `SELECT content_hash FROM drafts WHERE id = ? AND trashed_at IS NULL`, it.UpdateID).Scan(&current)
			if err == sql.ErrNoRows || (err == nil && current != it.ExpectedHash) {
				out[i].Err = fmt.Errorf("%w: draft %d changed while %s was being imported", ErrConflict, it.UpdateID, it.Path)
				continue
			}
			if err != nil {
				return err
			}
			if hash != current {
				if err := updateText(ctx, tx, it.UpdateID, it.Text, hash, it.Derived, now); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE drafts SET imported_hash = ?, exported_draft = ? WHERE id = ?`, hash, it.Derived.Draft, it.UpdateID); err != nil {
				return err
			}
			if err := setBase(ctx, tx, it.UpdateID, hash, nil); err != nil {
				return err
			}
			if err := addRevision(ctx, tx, it.UpdateID, it.Text, hash, "imported", now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ExportQuery selects drafts to export.
type ExportQuery struct {
	IDs         []int64 // these drafts (trashed ones included if named); empty: every live draft
	ChangedOnly bool    // only drafts whose text differs from what was last exported
}

// ExportIDs lists the ids an export covers, in id order. Named ids that do
// not exist are reported with ErrNotFound.
func (s *Store) ExportIDs(ctx context.Context, q ExportQuery) ([]int64, error) {
	where := []string{"1"}
	var args []any
	if len(q.IDs) == 0 {
		where = append(where, "trashed_at IS NULL")
	} else {
		ph := make([]string, len(q.IDs))
		for i, id := range q.IDs {
			ph[i] = "?"
			args = append(args, id)
		}
		where = append(where, "id IN ("+strings.Join(ph, ",")+")")
	}
	// The changed test is applied here rather than in SQL so that a named
	// draft that does not exist is reported with --changed too.
	rows, err := s.read.QueryContext(ctx, `SELECT id, content_hash <> exported_hash FROM drafts WHERE `+strings.Join(where, " AND ")+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	found := map[int64]bool{}
	for rows.Next() {
		var id int64
		var changed bool
		if err := rows.Scan(&id, &changed); err != nil {
			return nil, err
		}
		found[id] = true
		if changed || !q.ChangedOnly {
			ids = append(ids, id)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, id := range q.IDs {
		if !found[id] {
			return ids, fmt.Errorf("draft %d: %w", id, ErrNotFound)
		}
	}
	return ids, nil
}

// The live draft at a path, and whether another one is there. Both repeat
// the conditions of the partial index drafts_path so SQLite uses it (see
// TestPathQueriesUseIndex): without the test for a non-empty path each
// reads every draft.
const (
	draftAtPathQuery = `SELECT id, content_hash, imported_hash FROM drafts WHERE path = ? AND path <> '' AND trashed_at IS NULL`
	pathTakenQuery   = `SELECT count(*) FROM drafts WHERE path = ? AND path <> '' AND id <> ? AND trashed_at IS NULL`
)

// PathTaken reports whether a live draft other than exceptID remembers path.
func (s *Store) PathTaken(ctx context.Context, path string, exceptID int64) (bool, error) {
	var n int
	err := s.read.QueryRowContext(ctx, pathTakenQuery, path, exceptID).Scan(&n)
	return n > 0, err
}

// RecordExport remembers that text with hash was written to path, with the
// given draft flag. It does not change the version: the text is untouched.
func (s *Store) RecordExport(ctx context.Context, id int64, path, hash string, draftFlag bool) error {
	err := s.inTx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `UPDATE drafts SET path = ?, exported_hash = ?, exported_draft = ?, exported_at = ? WHERE id = ?`,
			path, hash, draftFlag, millis(s.now()), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("draft %d: %w", id, ErrNotFound)
		}
		return setBase(ctx, tx, id, hash, nil)
	})
	if isUniqueViolation(err) {
		return fmt.Errorf("%w: another draft already has the path %q", ErrConflict, path)
	}
	return err
}

// ExportRecord is one export to remember (see RecordExport).
type ExportRecord struct {
	ID        int64
	Path      string
	Hash      string
	DraftFlag bool
}

// RecordExports remembers a batch of exports in one transaction. The
// result has one error per record (nil when remembered); err is for the
// batch as a whole.
func (s *Store) RecordExports(ctx context.Context, recs []ExportRecord) ([]error, error) {
	errs := make([]error, len(recs))
	now := millis(s.now())
	err := s.inTx(ctx, func(tx *wtx) error {
		stmt, err := tx.PrepareContext(ctx, `UPDATE drafts SET path = ?, exported_hash = ?, exported_draft = ?, exported_at = ? WHERE id = ?`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i, r := range recs {
			res, err := stmt.ExecContext(ctx, r.Path, r.Hash, r.DraftFlag, now, r.ID)
			switch {
			case isUniqueViolation(err):
				// Only this statement is undone; the transaction goes on.
				errs[i] = fmt.Errorf("%w: another draft already has the path %q", ErrConflict, r.Path)
			case err != nil:
				return err
			default:
				if n, _ := res.RowsAffected(); n == 0 {
					errs[i] = fmt.Errorf("draft %d: %w", r.ID, ErrNotFound)
				} else if err := setBase(ctx, tx, r.ID, r.Hash, nil); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return errs, err
}
