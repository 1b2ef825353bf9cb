package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// The base of a draft (see migrations/004_site_base.sql): the text the draft
// and the site's file last agreed on, which a pull merges against.

// setBase records that the draft and the site's file agree on the text with
// hash. text is that text when the caller has it and it is not the draft's
// own text; nil: the draft's text (when its hash differs, the base text is
// not known and a later merge keeps both sides). A conflict waiting to be
// resolved is cleared: the site's file and the draft agree again.
func setBase(ctx context.Context, tx *wtx, id int64, hash string, text *string) error {
	var t any
	if text != nil {
		t = *text
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO draft_base (draft_id, hash, text) VALUES (?1, ?2,
			CASE WHEN (SELECT content_hash FROM drafts WHERE id = ?1) = ?2 THEN NULL ELSE ?3 END)
		ON CONFLICT (draft_id) DO UPDATE SET hash = excluded.hash, text = excluded.text, theirs_hash = '', theirs = NULL`,
		id, hash, t)
	return err
}

// keepBase copies a draft's text into its base before the text changes, when
// the text is the base (see the lazy text column).
func keepBase(ctx context.Context, tx *wtx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE draft_base SET text = (SELECT text FROM drafts WHERE id = ?1)
		WHERE draft_id = ?1 AND text IS NULL AND hash = (SELECT content_hash FROM drafts WHERE id = ?1)`, id)
	return err
}

// SiteState is what a status or a publish needs to know of a live draft.
type SiteState struct {
	ID          int64
	Title       string
	Path        string
	ContentHash string
	BaseHash    string // "" when the draft never came from the site nor went to it
	Conflicted  bool   // a pull left the site's text beside the draft, to resolve
	Version     int64
}

// Changed reports whether the draft's text differs from what the site's file
// held when they last agreed (a draft never synced is not "changed": it is new).
func (s SiteState) Changed() bool { return s.BaseHash != "" && s.BaseHash != s.ContentHash }

// SiteStates lists every live draft with its base, in id order. It reads no
// text, so it is cheap for thousands of drafts.
func (s *Store) SiteStates(ctx context.Context) ([]SiteState, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT d.id, d.title, d.path, d.content_hash, d.version,
		coalesce(b.hash, ''), coalesce(b.theirs_hash, '') <> ''
		FROM drafts d LEFT JOIN draft_base b ON b.draft_id = d.id
		WHERE d.trashed_at IS NULL ORDER BY d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []SiteState
	for rows.Next() {
		var st SiteState
		if err := rows.Scan(&st.ID, &st.Title, &st.Path, &st.ContentHash, &st.Version, &st.BaseHash, &st.Conflicted); err != nil {
			return nil, err
		}
		list = append(list, st)
	}
	return list, rows.Err()
}

// Base is a draft's merge base.
type Base struct {
	Hash   string // "" when the draft never synced with the site
	Text   string
	Known  bool   // Text is the base (false: its hash is remembered, the text is not)
	Theirs string // the site's text waiting beside a conflicted draft
	// TheirsHash is Hash(Theirs); "" when the draft is not conflicted.
	TheirsHash string
}

// GetBase returns a draft's merge base and any conflict waiting to be resolved.
func (s *Store) GetBase(ctx context.Context, id int64) (Base, error) {
	var b Base
	var text, theirs sql.NullString
	var own string
	var content string
	err := s.read.QueryRowContext(ctx, `SELECT b.hash, b.text, b.theirs_hash, b.theirs, d.content_hash, d.text
		FROM drafts d LEFT JOIN draft_base b ON b.draft_id = d.id WHERE d.id = ?`, id).
		Scan(nullable(&b.Hash), &text, nullable(&b.TheirsHash), &theirs, &content, &own)
	if errors.Is(err, sql.ErrNoRows) {
		return b, fmt.Errorf("draft %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return b, err
	}
	b.Theirs = theirs.String
	switch {
	case b.Hash == "":
	case text.Valid:
		b.Text, b.Known = text.String, true
	case b.Hash == content:
		b.Text, b.Known = own, true
	}
	return b, nil
}

// nullString scans a nullable column into a string ("" for NULL).
type nullString struct{ dst *string }

func nullable(dst *string) *nullString { return &nullString{dst} }

func (n *nullString) Scan(v any) error {
	var ns sql.NullString
	if err := ns.Scan(v); err != nil {
		return err
	}
	*n.dst = ns.String
	return nil
}
