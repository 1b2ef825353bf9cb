package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/mattn/go-sqlite3"
)

// Editorial statuses. The editor sets draft, in review or ready; published is
// never stored: a draft reads as published when its last export had
// draft: false.
const (
	StatusDraft     = "draft"
	StatusInReview  = "in_review"
	StatusReady     = "ready"
	StatusPublished = "published"
)

// Derived is everything the library derives from a draft's text. The store
// keeps it beside the text so lists, filters and sources need no parsing.
type Derived struct {
	Title     string
	Date      string // as written in the front matter
	DateSort  string // the date in UTC, RFC 3339; "" when unreadable. Orders "newest first".
	Draft     bool   // the front matter draft flag (true when absent or unreadable)
	Slug      string
	Topics    []string
	Tags      []string
	Errors    int
	Warnings  int
	Citations []Citation
}

// Summary is a draft without its text: one row of the library list.
type Summary struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Path      string    `json:"path"`
	Status    string    `json:"status"`          // draft, in_review, ready or published
	Editorial string    `json:"editorialStatus"` // draft, in_review or ready: what the editor set
	Date      string    `json:"date"`
	Draft     bool      `json:"draft"`
	Topics    []string  `json:"topics"`
	Tags      []string  `json:"tags"`
	Errors    int       `json:"errors"`
	Warnings  int       `json:"warnings"`
	Version   int64     `json:"version"`
	UpdatedAt time.Time `json:"updatedAt"`
	Trashed   bool      `json:"trashed"`
}

// Draft is a whole draft: its text and what is remembered about it.
type Draft struct {
	Summary
	Text          string    `json:"text"`
	Slug          string    `json:"slug"`
	ContentHash   string    `json:"contentHash"`
	ImportedHash  string    `json:"importedHash"`  // of the file as last imported; "" if never
	ExportedHash  string    `json:"exportedHash"`  // of the text as last exported; "" if never
	Exported      bool      `json:"exported"`      // exported at least once
	ExportedDraft bool      `json:"exportedDraft"` // the draft flag of the site's file as last imported or exported
	ExportedAt    time.Time `json:"exportedAt"`
	CreatedAt     time.Time `json:"createdAt"`
	TrashedAt     time.Time `json:"trashedAt"`
}

// Hash is the content hash the store keeps for texts and files (hex SHA-256).
func Hash(text []byte) string {
	sum := sha256.Sum256(text)
	return hex.EncodeToString(sum[:])
}

func hashString(text string) string { return Hash([]byte(text)) }

// textTail is the last two characters of text (see the text_tail column).
func textTail(text string) string {
	n := 0
	for i := len(text); i > 0; {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
		if n++; n == 2 {
			return text[i:]
		}
	}
	return text
}

const summaryColumns = `d.id, d.title, d.path,
	CASE WHEN d.exported_draft = 0 THEN 'published' ELSE d.status END,
	d.status, d.date, d.draft, d.topics, d.tags, d.errors, d.warnings, d.version, d.updated_at, d.trashed_at`

const draftColumns = summaryColumns + `, d.text, d.slug, d.content_hash, d.imported_hash, d.exported_hash,
	d.exported_draft, d.exported_at, d.created_at`

type scanner interface{ Scan(dest ...any) error }

func scanSummary(row scanner, extra ...any) (Summary, error) {
	var s Summary
	var topics, tags string
	var updated int64
	var trashed sql.NullInt64
	dest := append([]any{&s.ID, &s.Title, &s.Path, &s.Status, &s.Editorial, &s.Date, &s.Draft,
		&topics, &tags, &s.Errors, &s.Warnings, &s.Version, &updated, &trashed}, extra...)
	if err := row.Scan(dest...); err != nil {
		return s, err
	}
	s.Topics = decodeList(topics)
	s.Tags = decodeList(tags)
	s.UpdatedAt = time.UnixMilli(updated).UTC()
	s.Trashed = trashed.Valid
	return s, nil
}

func scanDraft(row scanner) (Draft, error) {
	var d Draft
	var exportedDraft, exportedAt sql.NullInt64
	var created int64
	sum, err := scanSummary(row, &d.Text, &d.Slug, &d.ContentHash, &d.ImportedHash, &d.ExportedHash,
		&exportedDraft, &exportedAt, &created)
	if err != nil {
		return d, err
	}
	d.Summary = sum
	d.Exported = exportedAt.Valid
	d.ExportedDraft = exportedDraft.Valid && exportedDraft.Int64 != 0
	d.ExportedAt = fromMillis(exportedAt)
	d.CreatedAt = time.UnixMilli(created).UTC()
	return d, nil
}

func encodeList(items []string) string {
	if len(items) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(items) // []string always marshals
	return string(b)
}

func decodeList(s string) []string {
	var items []string
	if json.Unmarshal([]byte(s), &items) != nil || items == nil {
		return []string{}
	}
	return items
}

// NewDraft is what CreateDraft stores.
type NewDraft struct {
	Text         string
	Derived      Derived
	Path         string // remembered relative path; "" for drafts made in the app
	ImportedHash string // "" unless imported
	// Hash is Hash(Text) when the caller has it already; "" computes it.
	Hash string
	// DeferIndex leaves the text out of the full-text index until
	// IndexPending runs (bulk import: indexing is most of its cost).
	DeferIndex bool
}

// CreateDraft stores a new draft. It has no revision yet: the text as
// created becomes one when it is first changed (see SaveDraft).
func (s *Store) CreateDraft(ctx context.Context, nd NewDraft) (Draft, error) {
	var id int64
	err := s.inTx(ctx, func(tx *wtx) error {
		var err error
		id, err = insertDraft(ctx, tx, nd, s.now())
		return err
	})
	if err != nil {
		return Draft{}, err
	}
	return s.GetDraft(ctx, id)
}

func insertDraft(ctx context.Context, tx *wtx, nd NewDraft, now time.Time) (int64, error) {
	hash := nd.Hash
	if hash == "" {
		hash = hashString(nd.Text)
	}
	d := nd.Derived
	// An imported file's draft flag is what the site does with it: an
	// article imported with draft: false is published.
	var siteDraft any
	if nd.ImportedHash != "" {
		siteDraft = d.Draft
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO drafts (text, content_hash, title, date, date_sort, draft, slug,
		topics, tags, errors, warnings, path, imported_hash, exported_draft, created_at, updated_at, indexed, text_tail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nd.Text, hash, d.Title, d.Date, d.DateSort, d.Draft, d.Slug, encodeList(d.Topics), encodeList(d.Tags),
		d.Errors, d.Warnings, nd.Path, nd.ImportedHash, siteDraft, millis(now), millis(now), !nd.DeferIndex, textTail(nd.Text))
	if err != nil {
		if isUniqueViolation(err) {
			return 0, fmt.Errorf("%w: another draft already has the path %q", ErrConflict, nd.Path)
		}
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if nd.ImportedHash != "" {
		if err := setBase(ctx, tx, id, nd.ImportedHash, nil); err != nil {
			return 0, err
		}
	}
	return id, writeDerived(ctx, tx, id, d, now, true)
}

// GetDraft returns the draft with id, trashed or not.
func (s *Store) GetDraft(ctx context.Context, id int64) (Draft, error) {
	row := s.read.QueryRowContext(ctx, `SELECT `+draftColumns+` FROM drafts d WHERE d.id = ?`, id)
	d, err := scanDraft(row)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("draft %d: %w", id, ErrNotFound)
	}
	return d, err
}

// SaveDraft replaces a draft's text. baseVersion is the version the text was
// edited from; if the draft has moved on since, nothing is written and the
// error is ErrConflict. A text equal to the stored one changes nothing (no new
// version). A non-empty reason also records a revision, unless the newest
// revision already holds this very text. The first change of a draft also
// keeps the text it replaces as a revision, so the original is never lost.
func (s *Store) SaveDraft(ctx context.Context, id int64, text string, d Derived, baseVersion int64, reason string) (Draft, error) {
	now := s.now()
	hash := hashString(text)
	err := s.inTx(ctx, func(tx *wtx) error {
		var version int64
		var current string
		err := tx.QueryRowContext(ctx, `SELECT version, content_hash FROM drafts WHERE id = ?`, id).Scan(&version, &current)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("draft %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if version != baseVersion {
			return fmt.Errorf("%w: draft %d is at version %d, this save was made from version %d", ErrConflict, id, version, baseVersion)
		}
		if hash != current {
			if err := updateText(ctx, tx, id, text, hash, d, now); err != nil {
				return err
			}
		}
		if reason != "" {
			return addRevision(ctx, tx, id, text, hash, reason, now)
		}
		return nil
	})
	if err != nil {
		return Draft{}, err
	}
	return s.GetDraft(ctx, id)
}

// updateText writes a new text and its derived columns and bumps the
// version; the draft is indexed at once. Before the first change, the
// original text is kept as a revision.
func updateText(ctx context.Context, tx *wtx, id int64, text, hash string, d Derived, now time.Time) error {
	if err := keepOriginal(ctx, tx, id); err != nil {
		return err
	}
	if err := keepBase(ctx, tx, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE drafts SET text = ?, content_hash = ?, title = ?, date = ?, date_sort = ?,
		draft = ?, slug = ?, topics = ?, tags = ?, errors = ?, warnings = ?, version = version + 1, updated_at = ?,
		indexed = 1, text_tail = ? WHERE id = ?`,
		text, hash, d.Title, d.Date, d.DateSort, d.Draft, d.Slug, encodeList(d.Topics), encodeList(d.Tags),
		d.Errors, d.Warnings, millis(now), textTail(text), id)
	if err != nil {
		return err
	}
	return writeDerived(ctx, tx, id, d, now, false)
}

// UpdateDerived rewrites the derived columns of a draft without touching its
// text or version: for when the derivation itself changed (a new check, a
// new profile).
func (s *Store) UpdateDerived(ctx context.Context, id int64, d Derived) error {
	return s.inTx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `UPDATE drafts SET title = ?, date = ?, date_sort = ?, draft = ?, slug = ?,
			topics = ?, tags = ?, errors = ?, warnings = ? WHERE id = ?`,
			d.Title, d.Date, d.DateSort, d.Draft, d.Slug, encodeList(d.Topics), encodeList(d.Tags), d.Errors, d.Warnings, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("draft %d: %w", id, ErrNotFound)
		}
		return writeDerived(ctx, tx, id, d, s.now(), false)
	})
}

// SetStatus sets the editorial status (draft, in_review, ready). It is not
// part of the text, so it does not change the version.
func (s *Store) SetStatus(ctx context.Context, id int64, status string) error {
	switch status {
	case StatusDraft, StatusInReview, StatusReady:
	default:
		return fmt.Errorf("unknown editorial status %q (want draft, in_review or ready)", status)
	}
	return s.exec1(ctx, id, `UPDATE drafts SET status = ? WHERE id = ?`, status, id)
}

// exec1 runs a single-row update and reports ErrNotFound when no row matched.
func (s *Store) exec1(ctx context.Context, id int64, query string, args ...any) error {
	return s.inTx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("draft %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

func isUniqueViolation(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique
}
