package store

import (
	"context"
	"time"
)

// Citation is one footnote definition of a draft, as derived by the library.
// When the line is not in house style only Label, Line and Content are known
// (HouseStyle false); URL may still have been found.
type Citation struct {
	Position   int      `json:"position"` // 0-based order in the text
	Label      string   `json:"label"`
	Line       int      `json:"line"`
	Content    string   `json:"content"` // the text after "[^label]: "
	HouseStyle bool     `json:"houseStyle"`
	URL        string   `json:"url"`
	NormURL    string   `json:"normUrl"`
	Title      string   `json:"title"`
	Outlet     string   `json:"outlet"`
	Authors    []string `json:"authors"`
	Published  string   `json:"published"` // as written, e.g. 2025/6/27
	Retrieved  string   `json:"retrieved"`
}

// writeDerived replaces a draft's derived rows (terms and citations) and
// folds its citations into the sources. fresh: the draft was just inserted
// and has no rows to replace.
func writeDerived(ctx context.Context, tx *wtx, id int64, d Derived, now time.Time, fresh bool) error {
	if !fresh {
		if _, err := tx.ExecContext(ctx, `DELETE FROM draft_terms WHERE draft_id = ?`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM citations WHERE draft_id = ?`, id); err != nil {
			return err
		}
	}
	const insTerm = `INSERT OR IGNORE INTO draft_terms (draft_id, kind, value) VALUES (?, ?, ?)`
	for _, t := range d.Tags {
		if _, err := tx.ExecContext(ctx, insTerm, id, "tag", t); err != nil {
			return err
		}
	}
	for _, t := range d.Topics {
		if _, err := tx.ExecContext(ctx, insTerm, id, "topic", t); err != nil {
			return err
		}
	}
	const insCite = `INSERT OR REPLACE INTO citations (draft_id, position, label, line, content,
		house_style, url, norm_url, title, outlet, authors, published, retrieved)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	// A house-style citation is the best metadata there is for its URL; a
	// line that could not be read only makes the URL known.
	const upSource = `INSERT INTO sources (norm_url, url, title, outlet, authors, published, seen_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (norm_url) DO UPDATE SET
			url = excluded.url,
			title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE title END,
			outlet = CASE WHEN excluded.outlet <> '' THEN excluded.outlet ELSE outlet END,
			authors = CASE WHEN excluded.authors <> '[]' THEN excluded.authors ELSE authors END,
			published = CASE WHEN excluded.published <> '' THEN excluded.published ELSE published END,
			seen_at = excluded.seen_at`
	for i, c := range d.Citations {
		authors := encodeList(c.Authors)
		if _, err := tx.ExecContext(ctx, insCite, id, i, c.Label, c.Line, c.Content, c.HouseStyle, c.URL, c.NormURL,
			c.Title, c.Outlet, authors, c.Published, c.Retrieved); err != nil {
			return err
		}
		if c.NormURL == "" {
			continue
		}
		title, outlet, published := c.Title, c.Outlet, c.Published
		if !c.HouseStyle {
			title, outlet, published, authors = "", "", "", "[]"
		}
		if _, err := tx.ExecContext(ctx, upSource, c.NormURL, c.URL, title, outlet, authors, published, millis(now)); err != nil {
			return err
		}
	}
	return nil
}

// Citations returns a draft's citations in text order.
func (s *Store) Citations(ctx context.Context, draftID int64) ([]Citation, error) {
	if _, err := s.draftExists(ctx, draftID); err != nil {
		return nil, err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT position, label, line, content, house_style, url, norm_url,
		title, outlet, authors, published, retrieved FROM citations WHERE draft_id = ? ORDER BY position`, draftID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Citation{}
	for rows.Next() {
		var c Citation
		var authors string
		if err := rows.Scan(&c.Position, &c.Label, &c.Line, &c.Content, &c.HouseStyle, &c.URL, &c.NormURL,
			&c.Title, &c.Outlet, &authors, &c.Published, &c.Retrieved); err != nil {
			return nil, err
		}
		c.Authors = decodeList(authors)
		list = append(list, c)
	}
	return list, rows.Err()
}
