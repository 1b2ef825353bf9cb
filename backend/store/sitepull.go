package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// PullItem is one site file a pull brings into the library. The caller (the
// gitsite package) decides what happens; the store applies it atomically
// per item, refusing it when the draft changed after the decision.
type PullItem struct {
	Path         string // relative to the content folder
	ID           int64  // the draft with this path; 0: a new draft from Theirs
	ExpectedHash string // the draft's content hash when the pull decided
	Theirs       string // the site file's text
	TheirsHash   string
	TheirsDraft  bool // the file's draft flag (published when false)
	// Text is the draft's new text (the site's, or a clean merge); nil keeps
	// the draft's text. Derived goes with it (or with Theirs for a new draft).
	Text    *string
	Derived Derived
	Reason  string // the revision's reason for a new text
	// Conflict keeps Theirs beside the draft, untouched, to be resolved.
	Conflict bool
}

// ApplyPull stores what a pull decided, in one transaction. The result has
// one error per item (ErrConflict: the draft changed while pulling; it is
// left as it was); err is for the batch as a whole (nothing stored).
func (s *Store) ApplyPull(ctx context.Context, items []PullItem) ([]error, error) {
	errs := make([]error, len(items))
	now := s.now()
	err := s.inTx(ctx, func(tx *wtx) error {
		for i, it := range items {
			if it.ID == 0 {
				_, err := insertDraft(ctx, tx, NewDraft{Text: it.Theirs, Derived: it.Derived, Path: it.Path,
					ImportedHash: it.TheirsHash, Hash: it.TheirsHash}, now)
				if errors.Is(err, ErrConflict) {
					errs[i] = err
					continue
				}
				if err != nil {
					return fmt.Errorf("%s: %w", it.Path, err)
				}
				continue
			}
			var current string
			err := tx.QueryRowContext(ctx, `SELECT content_hash FROM drafts WHERE id = ? AND trashed_at IS NULL`, it.ID).Scan(&current)
			if errors.Is(err, sql.ErrNoRows) || (err == nil && current != it.ExpectedHash) {
				errs[i] = fmt.Errorf("%w: draft %d changed while %s was being pulled; pull again", ErrConflict, it.ID, it.Path)
				continue
			}
			if err != nil {
				return err
			}
			if it.Conflict {
				if _, err := tx.ExecContext(ctx, `INSERT INTO draft_base (draft_id, hash, theirs_hash, theirs) VALUES (?, '', ?, ?)
					ON CONFLICT (draft_id) DO UPDATE SET theirs_hash = excluded.theirs_hash, theirs = excluded.theirs`,
					it.ID, it.TheirsHash, it.Theirs); err != nil {
					return err
				}
				continue
			}
			if it.Text != nil {
				hash := hashString(*it.Text)
				if hash != current {
					if err := updateText(ctx, tx, it.ID, *it.Text, hash, it.Derived, now); err != nil {
						return err
					}
					if err := addRevision(ctx, tx, it.ID, *it.Text, hash, it.Reason, now); err != nil {
						return err
					}
				}
			}
			if err := syncedWithFile(ctx, tx, it.ID, it.TheirsHash, it.Theirs, it.TheirsDraft); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return errs, nil
}

// syncedWithFile records that the site's file now holds theirs and that the
// draft agrees with it (the draft's text may be a merge that goes further).
func syncedWithFile(ctx context.Context, tx *wtx, id int64, theirsHash, theirs string, theirsDraft bool) error {
	if _, err := tx.ExecContext(ctx, `UPDATE drafts SET imported_hash = ?, exported_draft = ? WHERE id = ?`,
		theirsHash, theirsDraft, id); err != nil {
		return err
	}
	return setBase(ctx, tx, id, theirsHash, &theirs)
}

// ResolveConflict ends a conflict left by a pull: text (the editor's
// resolution) becomes the draft's text, with a revision, and the site's text
// that was waiting becomes the base. baseVersion as in SaveDraft.
// ErrNotConflicted when the draft has no conflict to resolve.
func (s *Store) ResolveConflict(ctx context.Context, id int64, text string, d Derived, baseVersion int64, theirsDraft bool) (Draft, error) {
	now := s.now()
	hash := hashString(text)
	err := s.inTx(ctx, func(tx *wtx) error {
		var version int64
		var current, theirsHash string
		var theirs sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT d.version, d.content_hash, coalesce(b.theirs_hash, ''), b.theirs
			FROM drafts d LEFT JOIN draft_base b ON b.draft_id = d.id WHERE d.id = ?`, id).Scan(&version, &current, &theirsHash, &theirs)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("draft %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if theirsHash == "" || !theirs.Valid {
			return fmt.Errorf("draft %d has no conflict with the site to resolve: %w", id, ErrNotConflicted)
		}
		if version != baseVersion {
			return fmt.Errorf("%w: draft %d is at version %d, this resolution was made from version %d", ErrConflict, id, version, baseVersion)
		}
		if hash != current {
			if err := updateText(ctx, tx, id, text, hash, d, now); err != nil {
				return err
			}
		}
		if err := addRevision(ctx, tx, id, text, hash, "resolved a conflict with the site", now); err != nil {
			return err
		}
		return syncedWithFile(ctx, tx, id, theirsHash, theirs.String, theirsDraft)
	})
	if err != nil {
		return Draft{}, err
	}
	return s.GetDraft(ctx, id)
}
