package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Source is one cited URL across the whole library: the best metadata known
// for it, the result of its last link check, and the live drafts citing it.
type Source struct {
	NormURL     string       `json:"normUrl"`
	URL         string       `json:"url"` // as last written in a citation
	Title       string       `json:"title"`
	Outlet      string       `json:"outlet"`
	Authors     []string     `json:"authors"`
	Published   string       `json:"published"`
	CheckStatus string       `json:"checkStatus"` // "" when never checked; else ok, redirected, dead, unverifiable, error
	HTTPStatus  int          `json:"httpStatus"`
	FinalURL    string       `json:"finalUrl"`
	ArchiveURL  string       `json:"archiveUrl"`
	CheckError  string       `json:"checkError"`
	CheckedAt   time.Time    `json:"checkedAt"`
	CitedBy     []SourceCite `json:"citedBy"`
}

// SourceCite is one citation of a source.
type SourceCite struct {
	DraftID int64  `json:"draftId"`
	Title   string `json:"title"` // the draft's title
	Label   string `json:"label"`
}

// SourceCheck is the result of checking one URL.
type SourceCheck struct {
	NormURL    string
	URL        string
	Status     string
	HTTPStatus int
	FinalURL   string
	ArchiveURL string
	Err        string
	CheckedAt  time.Time
}

const sourceColumns = `s.norm_url, s.url, s.title, s.outlet, s.authors, s.published, s.check_status, s.http_status,
	s.final_url, s.archive_url, s.check_error, s.checked_at`

func scanSource(row scanner) (Source, error) {
	var src Source
	var authors string
	var checked sql.NullInt64
	err := row.Scan(&src.NormURL, &src.URL, &src.Title, &src.Outlet, &authors, &src.Published, &src.CheckStatus,
		&src.HTTPStatus, &src.FinalURL, &src.ArchiveURL, &src.CheckError, &checked)
	src.Authors = decodeList(authors)
	src.CheckedAt = fromMillis(checked)
	src.CitedBy = []SourceCite{}
	return src, err
}

// Sources lists every source cited by a live draft, by URL.
func (s *Store) Sources(ctx context.Context) ([]Source, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+sourceColumns+`, d.id, d.title, c.label
		FROM sources s JOIN citations c ON c.norm_url = s.norm_url JOIN drafts d ON d.id = c.draft_id
		WHERE d.trashed_at IS NULL ORDER BY s.norm_url, d.id, c.position`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Source{}
	for rows.Next() {
		var src Source
		var cite SourceCite
		var authors string
		var checked sql.NullInt64
		if err := rows.Scan(&src.NormURL, &src.URL, &src.Title, &src.Outlet, &authors, &src.Published, &src.CheckStatus,
			&src.HTTPStatus, &src.FinalURL, &src.ArchiveURL, &src.CheckError, &checked,
			&cite.DraftID, &cite.Title, &cite.Label); err != nil {
			return nil, err
		}
		if n := len(list); n > 0 && list[n-1].NormURL == src.NormURL {
			list[n-1].CitedBy = append(list[n-1].CitedBy, cite)
			continue
		}
		src.Authors = decodeList(authors)
		src.CheckedAt = fromMillis(checked)
		src.CitedBy = []SourceCite{cite}
		list = append(list, src)
	}
	return list, rows.Err()
}

// Source returns what is known about one normalised URL (cited or only
// checked), with the live drafts citing it.
func (s *Store) Source(ctx context.Context, normURL string) (Source, error) {
	src, err := scanSource(s.read.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources s WHERE s.norm_url = ?`, normURL))
	if errors.Is(err, sql.ErrNoRows) {
		return src, fmt.Errorf("source %s: %w", normURL, ErrNotFound)
	}
	if err != nil {
		return src, err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT d.id, d.title, c.label FROM citations c JOIN drafts d ON d.id = c.draft_id
		WHERE c.norm_url = ? AND d.trashed_at IS NULL ORDER BY d.id, c.position`, normURL)
	if err != nil {
		return src, err
	}
	defer rows.Close()
	for rows.Next() {
		var c SourceCite
		if err := rows.Scan(&c.DraftID, &c.Title, &c.Label); err != nil {
			return src, err
		}
		src.CitedBy = append(src.CitedBy, c)
	}
	return src, rows.Err()
}

// UpdateSourceCheck records a link check result. A URL not cited anywhere yet
// gets a row of its own so the result is there when it is cited.
func (s *Store) UpdateSourceCheck(ctx context.Context, c SourceCheck) error {
	if c.NormURL == "" {
		return errors.New("store: source check without a URL")
	}
	if c.URL == "" {
		c.URL = c.NormURL
	}
	var checked any
	if !c.CheckedAt.IsZero() {
		checked = millis(c.CheckedAt)
	}
	return s.inTx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sources (norm_url, url, seen_at, check_status, http_status, final_url,
			archive_url, check_error, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (norm_url) DO UPDATE SET check_status = excluded.check_status, http_status = excluded.http_status,
				final_url = excluded.final_url, archive_url = excluded.archive_url, check_error = excluded.check_error,
				checked_at = excluded.checked_at`,
			c.NormURL, c.URL, millis(s.now()), c.Status, c.HTTPStatus, c.FinalURL, c.ArchiveURL, c.Err, checked)
		return err
	})
}
