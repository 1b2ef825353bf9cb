package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Filter selects drafts for the library list. Zero values select everything
// live, newest first.
type Filter struct {
	Status      string `json:"status"`      // draft, in_review, ready or published; "" for any
	Topic       string `json:"topic"`       // a main topic the draft has
	Tag         string `json:"tag"`         // a tag the draft has
	HasProblems bool   `json:"hasProblems"` // only drafts with errors or warnings
	Trash       bool   `json:"trash"`       // the trash instead of the live drafts
	Query       string `json:"query"`       // full-text search (see ListDrafts)
	Limit       int    `json:"limit"`       // 0: no limit
	Offset      int    `json:"offset"`
}

// ListDrafts returns the drafts matching f, newest first (by front matter
// date, then newest id).
//
// Query is split on white space; every term must occur in the title or the
// text, case-insensitively for Latin letters. Terms of three or more
// characters are looked up in the trigram index; shorter ones (a Chinese
// word is often two characters) through the trigrams that start with them
// when the term is rare, and by LIKE on the newest drafts first when it is
// common (see shortTerm).
func (s *Store) ListDrafts(ctx context.Context, f Filter) ([]Summary, error) {
	where, args, err := s.conditions(ctx, f)
	if err != nil {
		return nil, err
	}
	// Walking drafts_newest (which holds every column these conditions
	// need) stops at the first page of matches, and reads a draft's row only
	// once it matched.
	query := `SELECT ` + summaryColumns + ` FROM drafts d WHERE ` + strings.Join(where, " AND ") +
		` ORDER BY d.date_sort DESC, d.id DESC`
	if f.Limit > 0 {
		query += " LIMIT ? OFFSET ?"
		args = append(args, f.Limit, f.Offset)
	}
	return s.querySummaries(ctx, query, args...)
}

// querySummaries runs a query selecting summaryColumns.
func (s *Store) querySummaries(ctx context.Context, query string, args ...any) ([]Summary, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Summary{}
	for rows.Next() {
		sum, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, sum)
	}
	return list, rows.Err()
}

// conditions translates f (all but Limit and Offset) into conditions on
// drafts d, to be joined with AND, and their arguments.
func (s *Store) conditions(ctx context.Context, f Filter) ([]string, []any, error) {
	var where []string
	var args []any
	if f.Trash {
		where = append(where, "d.trashed_at IS NOT NULL")
	} else {
		where = append(where, "d.trashed_at IS NULL")
	}
	switch f.Status {
	case "":
	case StatusPublished:
		where = append(where, "d.exported_draft = 0")
	case StatusDraft, StatusInReview, StatusReady:
		where = append(where, "d.status = ? AND (d.exported_draft IS NULL OR d.exported_draft <> 0)")
		args = append(args, f.Status)
	default:
		return nil, nil, fmt.Errorf("unknown status filter %q (want draft, in_review, ready or published)", f.Status)
	}
	for _, term := range [][2]string{{"topic", f.Topic}, {"tag", f.Tag}} {
		if term[1] == "" {
			continue
		}
		cond, err := s.termCondition(ctx, term[0], term[1])
		if err != nil {
			return nil, nil, err
		}
		where = append(where, cond)
		args = append(args, term[0], term[1])
	}
	if f.HasProblems {
		where = append(where, "d.errors + d.warnings > 0")
	}
	var long, longLike []string
	var longArgs []any
	for _, term := range strings.Fields(f.Query) {
		pattern := "%" + escapeLike(term) + "%"
		if utf8.RuneCountInString(term) >= 3 {
			common, err := s.commonTerm(ctx, term)
			if err != nil {
				return nil, nil, err
			}
			if common {
				where = append(where, likeTerm)
				args = append(args, pattern, pattern)
				continue
			}
			long = append(long, `"`+strings.ReplaceAll(term, `"`, `""`)+`"`)
			longLike = append(longLike, likeTerm)
			longArgs = append(longArgs, pattern, pattern)
			continue
		}
		cond, condArgs, err := s.shortTerm(ctx, term, pattern)
		if err != nil {
			return nil, nil, err
		}
		where = append(where, cond)
		args = append(args, condArgs...)
	}
	if len(long) > 0 {
		var pending bool
		if err := s.read.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM drafts WHERE indexed = 0)`).Scan(&pending); err != nil {
			return nil, nil, err
		}
		if pending {
			// Drafts not indexed yet (after a bulk import) are scanned instead,
			// so a search is never wrong, only slower until IndexPending ran.
			where = append(where, "((d.indexed = 1 AND d.id IN (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?)) OR (d.indexed = 0 AND "+
				strings.Join(longLike, " AND ")+"))")
			args = append(args, strings.Join(long, " "))
			args = append(args, longArgs...)
		} else {
			// Without the OR, SQLite can start from the index's matches
			// when they are few, instead of testing every draft in list
			// order against them (a rare word over 100,000 drafts: 135 ms).
			where = append(where, "d.id IN (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?)")
			args = append(args, strings.Join(long, " "))
		}
	}
	return where, args, nil
}

// rareTermShare: a tag or topic on fewer than one draft in this many is rare.
const rareTermShare = 8

// termCondition is the condition for a tag or topic filter (arguments: kind,
// value). A rare one lists its drafts from the draft_terms index and sorts
// them (2,500 of 100,000 drafts: 3 ms, against 50 ms for testing every draft
// in list order); a common one is tested on the drafts in list order, which
// finds a page of them after a few rows.
func (s *Store) termCondition(ctx context.Context, kind, value string) (string, error) {
	var uses, total int
	err := s.read.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM draft_terms WHERE kind = ? AND value = ?),
		(SELECT coalesce(max(id), 0) FROM drafts)`, kind, value).Scan(&uses, &total)
	if err != nil {
		return "", err
	}
	if uses*rareTermShare < total {
		return "d.id IN (SELECT t.draft_id FROM draft_terms t WHERE t.kind = ? AND t.value = ?)", nil
	}
	return "EXISTS (SELECT 1 FROM draft_terms t WHERE t.draft_id = d.id AND t.kind = ? AND t.value = ?)", nil
}

// commonTerm reports whether every trigram of term occurs in at least half
// of the drafts. Then the term itself is most likely in many drafts too, and
// reading the newest drafts until a page of them contains it is cheaper than
// matching the phrase against the whole index (which for a term in every
// draft took 8 ms over 10,000 drafts, against 2 ms for the scan).
func (s *Store) commonTerm(ctx context.Context, term string) (bool, error) {
	// The highest id less the drafts not indexed: an estimate of the indexed
	// drafts (high after purges) that costs no scan.
	var total int
	if err := s.read.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) - (SELECT count(*) FROM drafts WHERE indexed = 0) FROM drafts`).Scan(&total); err != nil {
		return false, err
	}
	if total < 1000 {
		return false, nil
	}
	runes := []rune(strings.ToLower(term))
	for i := 0; i+3 <= len(runes); i++ {
		var docs int
		err := s.read.QueryRowContext(ctx, `SELECT doc FROM drafts_vocab WHERE term = ?`, string(runes[i:i+3])).Scan(&docs)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && docs*2 < total) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
	}
	return true, nil
}

// A short term is looked up through at most maxShortTrigrams trigrams
// covering at most maxShortDocs drafts. Beyond that the term is common, and
// a scan newest first finds a page of drafts containing it sooner.
const (
	maxShortTrigrams = 64
	maxShortDocs     = 1000
)

// shortTerm is the condition for a term of one or two characters, which the
// trigram index cannot look up directly. A draft contains the term where
// one of the index's trigrams starts with it, or in its title, or in the last
// two characters of its text (where no trigram starts), so a rare term is
// found through the index without reading every text.
func (s *Store) shortTerm(ctx context.Context, term, pattern string) (string, []any, error) {
	folded := strings.ToLower(term)
	rows, err := s.read.QueryContext(ctx, `SELECT term, doc FROM drafts_vocab WHERE term >= ? AND term < ? LIMIT ?`,
		folded, folded+"\U0010FFFF", maxShortTrigrams+1)
	if err != nil {
		return "", nil, err
	}
	defer rows.Close()
	var trigrams []string
	docs := 0
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return "", nil, err
		}
		docs += n
		trigrams = append(trigrams, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
	}
	if err := rows.Err(); err != nil {
		return "", nil, err
	}
	if len(trigrams) > maxShortTrigrams || docs > maxShortDocs {
		return likeTerm, []any{pattern, pattern}, nil
	}
	if len(trigrams) == 0 {
		if utf8.RuneCountInString(term) == 2 {
			var pending bool
			if err := s.read.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM drafts WHERE indexed = 0)`).Scan(&pending); err != nil {
				return "", nil, err
			}
			if !pending {
				// No trigram starts with the term, and every draft is in the
				// index: the term can only be the last two characters of a
				// title or of a text, which two small indexes answer without
				// reading every draft (16 ms over 100,000 drafts before).
				folded := asciiLower(term)
				return `(lower(substr(d.title, -2)) = ? OR lower(d.text_tail) = ?)`, []any{folded, folded}, nil
			}
		}
		return `(d.title LIKE ? ESCAPE '\' OR d.text_tail LIKE ? ESCAPE '\' OR (d.indexed = 0 AND d.text LIKE ? ESCAPE '\'))`,
			[]any{pattern, pattern, pattern}, nil
	}
	return `(d.title LIKE ? ESCAPE '\' OR d.text_tail LIKE ? ESCAPE '\' OR
		(d.indexed = 1 AND d.id IN (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?)) OR
		(d.indexed = 0 AND d.text LIKE ? ESCAPE '\'))`, []any{pattern, pattern, strings.Join(trigrams, " OR "), pattern}, nil
}

const likeTerm = `(d.title LIKE ? ESCAPE '\' OR d.text LIKE ? ESCAPE '\')`

// asciiLower folds A-Z only, as SQLite's lower() and LIKE do.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, s)
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// CountDrafts counts live drafts (trash excluded).
func (s *Store) CountDrafts(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM drafts WHERE trashed_at IS NULL`).Scan(&n)
	return n, err
}
