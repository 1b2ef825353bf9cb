package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// TrashDraft moves a draft to the trash. It keeps its text, revisions and
// remembered path, and leaves the list and search.
func (s *Store) TrashDraft(ctx context.Context, id int64) error {
	return s.exec1(ctx, id, `UPDATE drafts SET trashed_at = coalesce(trashed_at, ?) WHERE id = ?`, millis(s.now()), id)
}

// RestoreDraft takes a draft out of the trash. If a live draft has taken its
// remembered path meanwhile, the restore is refused with ErrConflict.
func (s *Store) RestoreDraft(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *wtx) error {
		var path string
		err := tx.QueryRowContext(ctx, `SELECT path FROM drafts WHERE id = ?`, id).Scan(&path)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("draft %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE drafts SET trashed_at = NULL WHERE id = ?`, id)
		if isUniqueViolation(err) {
			return fmt.Errorf("%w: draft %d cannot be restored: another draft now has its path %q", ErrConflict, id, path)
		}
		return err
	})
}

// PurgeDraft deletes a trashed draft for good, with its revisions and
// citations. A draft that is not in the trash is refused (ErrConflict).
func (s *Store) PurgeDraft(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *wtx) error {
		var trashed sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT trashed_at FROM drafts WHERE id = ?`, id).Scan(&trashed)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("draft %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if !trashed.Valid {
			return fmt.Errorf("%w: draft %d is not in the trash", ErrConflict, id)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM drafts WHERE id = ?`, id)
		return err
	})
}
