package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Capture is what a page said when it was captured as a source.
type Capture struct {
	NormURL     string
	URL         string // as asked
	FinalURL    string
	HTTPStatus  int
	Status      string // the link check's class of the fetch
	RetrievedAt time.Time
	BodySHA256  string // hex
	Title       string
	Outlet      string
	Authors     []string
	Published   string // YYYY-MM-DD, "" when unknown
	// Evidence names the rule that gave each field ("title", "outlet",
	// "authors", "published", ...).
	Evidence map[string]string
	Warnings []string
	Text     string // compact plain text of the article
	// ArchiveURL is a public snapshot asked for at capture time; "" when none.
	ArchiveURL string
	// The last comparison of the live page with the capture (zero
	// ComparedAt: never compared): the page's title then and the share of
	// text in common (-1 when either had no text).
	ComparedAt time.Time
	PageTitle  string
	Similarity float64
}

// SaveCapture records c as the capture of its source, replacing an older one
// (and its comparisons: they were against the old capture).
func (s *Store) SaveCapture(ctx context.Context, c Capture) error {
	if c.NormURL == "" {
		return errors.New("store: capture without a URL")
	}
	if c.RetrievedAt.IsZero() {
		return errors.New("store: capture without a retrieval time")
	}
	evidence, err := json.Marshal(c.Evidence)
	if err != nil || c.Evidence == nil {
		evidence = []byte("{}")
	}
	return s.inTx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO captures (norm_url, url, final_url, http_status, status,
			retrieved_at, body_sha256, title, outlet, authors, published, evidence, warnings, text, archive_url)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.NormURL, c.URL, c.FinalURL, c.HTTPStatus, c.Status, millis(c.RetrievedAt), c.BodySHA256, c.Title, c.Outlet,
			encodeList(c.Authors), c.Published, string(evidence), encodeList(c.Warnings), c.Text, c.ArchiveURL)
		return err
	})
}

// Capture returns the capture of one normalised URL; ErrNotFound when the
// source was never captured.
func (s *Store) Capture(ctx context.Context, normURL string) (Capture, error) {
	var c Capture
	var authors, evidence, warnings string
	var retrieved, compared sql.NullInt64
	err := s.read.QueryRowContext(ctx, `SELECT norm_url, url, final_url, http_status, status, retrieved_at, body_sha256,
		title, outlet, authors, published, evidence, warnings, text, archive_url, compared_at, page_title, similarity
		FROM captures WHERE norm_url = ?`, normURL).
		Scan(&c.NormURL, &c.URL, &c.FinalURL, &c.HTTPStatus, &c.Status, &retrieved, &c.BodySHA256, &c.Title, &c.Outlet,
			&authors, &c.Published, &evidence, &warnings, &c.Text, &c.ArchiveURL, &compared, &c.PageTitle, &c.Similarity)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("capture of %s: %w", normURL, ErrNotFound)
	}
	if err != nil {
		return c, err
	}
	c.RetrievedAt, c.ComparedAt = fromMillis(retrieved), fromMillis(compared)
	c.Authors, c.Warnings = decodeList(authors), decodeList(warnings)
	if json.Unmarshal([]byte(evidence), &c.Evidence) != nil || c.Evidence == nil {
		c.Evidence = map[string]string{}
	}
	return c, nil
}

// RecordComparison keeps a link check's comparison of the live page with the
// capture of normURL: when, the page's title, and the share of text in
// common. ErrNotFound when the source has no capture.
func (s *Store) RecordComparison(ctx context.Context, normURL string, at time.Time, pageTitle string, similarity float64) error {
	return s.inTx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `UPDATE captures SET compared_at = ?, page_title = ?, similarity = ? WHERE norm_url = ?`,
			millis(at), pageTitle, similarity, normURL)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("capture of %s: %w", normURL, ErrNotFound)
		}
		return nil
	})
}
