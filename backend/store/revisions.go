package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// RevisionInfo describes a revision without its text (the history list).
type RevisionInfo struct {
	ID        int64     `json:"id"`
	DraftID   int64     `json:"draftId"`
	Reason    string    `json:"reason"`
	CreatedAt time.Time `json:"createdAt"`
	Size      int       `json:"size"` // bytes of text
}

// Revision is a text snapshot of a draft.
type Revision struct {
	RevisionInfo
	Text string `json:"text"`
}

// addRevision records text as a revision unless the newest revision of the
// draft already holds the same text: a save that changes nothing adds none.
func addRevision(ctx context.Context, tx *wtx, draftID int64, text, hash, reason string, now time.Time) error {
	var last string
	err := tx.QueryRowContext(ctx, `SELECT content_hash FROM revisions WHERE draft_id = ? ORDER BY id DESC LIMIT 1`, draftID).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if last == hash {
		return nil
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO revisions (draft_id, text, content_hash, reason, created_at) VALUES (?, ?, ?, ?, ?)`,
		draftID, text, hash, reason, millis(now))
	return err
}

// keepOriginal records a draft's current text as its first revision when it
// has none yet, dated when that text was stored, with the reason "imported"
// or "created".
func keepOriginal(ctx context.Context, tx *wtx, draftID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO revisions (draft_id, text, content_hash, reason, created_at)
		SELECT id, text, content_hash, CASE WHEN content_hash = imported_hash THEN 'imported' ELSE 'created' END, updated_at
		FROM drafts WHERE id = ? AND NOT EXISTS (SELECT 1 FROM revisions WHERE draft_id = ?)`, draftID, draftID)
	return err
}

// Revisions lists a draft's revisions, newest first.
func (s *Store) Revisions(ctx context.Context, draftID int64) ([]RevisionInfo, error) {
	if _, err := s.draftExists(ctx, draftID); err != nil {
		return nil, err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT id, draft_id, reason, created_at, length(CAST(text AS BLOB))
		FROM revisions WHERE draft_id = ? ORDER BY id DESC`, draftID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []RevisionInfo{}
	for rows.Next() {
		var r RevisionInfo
		var created int64
		if err := rows.Scan(&r.ID, &r.DraftID, &r.Reason, &created, &r.Size); err != nil {
			return nil, err
		}
		r.CreatedAt = time.UnixMilli(created).UTC()
		list = append(list, r)
	}
	return list, rows.Err()
}

// Revision returns one revision with its text.
func (s *Store) Revision(ctx context.Context, id int64) (Revision, error) {
	var r Revision
	var created int64
	err := s.read.QueryRowContext(ctx, `SELECT id, draft_id, reason, created_at, length(CAST(text AS BLOB)), text
		FROM revisions WHERE id = ?`, id).Scan(&r.ID, &r.DraftID, &r.Reason, &created, &r.Size, &r.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("revision %d: %w", id, ErrNotFound)
	}
	r.CreatedAt = time.UnixMilli(created).UTC()
	return r, err
}

func (s *Store) draftExists(ctx context.Context, id int64) (bool, error) {
	var one int
	err := s.read.QueryRowContext(ctx, `SELECT 1 FROM drafts WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("draft %d: %w", id, ErrNotFound)
	}
	return err == nil, err
}
