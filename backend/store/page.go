package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Key is a draft's place in the list order (newest first: date_sort
// descending, then id descending). A page starts after or ends before one,
// so reading the next page of a long library costs the same as the first.
type Key struct {
	DateSort string `json:"dateSort"`
	ID       int64  `json:"id"`
}

// String encodes k as an opaque cursor the UI hands back.
func (k Key) String() string { return strconv.FormatInt(k.ID, 10) + ":" + k.DateSort }

// ParseKey reads a cursor made by Key.String.
func ParseKey(s string) (Key, error) {
	id, sort, ok := strings.Cut(s, ":")
	n, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil || n <= 0 {
		return Key{}, fmt.Errorf("malformed list cursor %q (want ID:DATE)", s)
	}
	return Key{DateSort: sort, ID: n}, nil
}

// PageQuery says which page of a filtered list to read. After wins over
// Before, which wins over Offset: a keyset page continues from a row the
// caller already has; an offset is for a jump to a far position (a
// scrollbar dragged), which SQLite answers by stepping over the index
// entries in between without reading their rows.
type PageQuery struct {
	After  *Key // the rows following this one
	Before *Key // the rows preceding this one (scrolling back up)
	Offset int
	Limit  int // 1..MaxPage
}

// MaxPage bounds one page.
const MaxPage = 500

// Page is one page of the library list.
type Page struct {
	Rows []Summary
	Keys []Key // Keys[i] is Rows[i]'s place, for the next keyset request
}

// ListPage returns one page of the drafts matching f (whose Limit and Offset
// are ignored), in ListDrafts' order.
func (s *Store) ListPage(ctx context.Context, f Filter, q PageQuery) (Page, error) {
	if q.Limit < 1 || q.Limit > MaxPage {
		return Page{}, fmt.Errorf("page size %d out of range 1..%d", q.Limit, MaxPage)
	}
	if q.Offset < 0 {
		return Page{}, fmt.Errorf("negative page offset %d", q.Offset)
	}
	where, args, err := s.conditions(ctx, f)
	if err != nil {
		return Page{}, err
	}
	order := ` ORDER BY d.date_sort DESC, d.id DESC LIMIT ?`
	reverse := false
	switch {
	case q.After != nil:
		// A row value comparison, which SQLite answers as a range of the
		// drafts_newest index.
		where = append(where, "(d.date_sort, d.id) < (?, ?)")
		args = append(args, q.After.DateSort, q.After.ID, q.Limit)
	case q.Before != nil:
		where = append(where, "(d.date_sort, d.id) > (?, ?)")
		args = append(args, q.Before.DateSort, q.Before.ID, q.Limit)
		order = ` ORDER BY d.date_sort ASC, d.id ASC LIMIT ?`
		reverse = true
	default:
		order += ` OFFSET ?`
		args = append(args, q.Limit, q.Offset)
	}
	query := `SELECT ` + summaryColumns + `, d.date_sort FROM drafts d WHERE ` + strings.Join(where, " AND ") + order
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return Page{}, err
	}
	defer rows.Close()
	page := Page{Rows: []Summary{}, Keys: []Key{}}
	for rows.Next() {
		var key Key
		sum, err := scanSummary(rows, &key.DateSort)
		if err != nil {
			return Page{}, err
		}
		key.ID = sum.ID
		page.Rows = append(page.Rows, sum)
		page.Keys = append(page.Keys, key)
	}
	if err := rows.Err(); err != nil {
		return Page{}, err
	}
	if reverse {
		for i, j := 0, len(page.Rows)-1; i < j; i, j = i+1, j-1 {
			page.Rows[i], page.Rows[j] = page.Rows[j], page.Rows[i]
			page.Keys[i], page.Keys[j] = page.Keys[j], page.Keys[i]
		}
	}
	return page, nil
}

// CountMatching counts the drafts matching f (Limit and Offset ignored),
// reading no more than limit of them when limit > 0: a full-text search that
// matches most of a large library is then counted only as far as the list
// has been scrolled, plus limit. The second result is false when the count
// stopped at limit.
func (s *Store) CountMatching(ctx context.Context, f Filter, limit int) (int, bool, error) {
	where, args, err := s.conditions(ctx, f)
	if err != nil {
		return 0, false, err
	}
	query := `SELECT count(*) FROM drafts d WHERE ` + strings.Join(where, " AND ")
	if limit > 0 {
		query = `SELECT count(*) FROM (SELECT 1 FROM drafts d WHERE ` + strings.Join(where, " AND ") + ` LIMIT ?)`
		args = append(args, limit)
	}
	var n int
	if err := s.read.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return 0, false, err
	}
	return n, limit <= 0 || n < limit, nil
}
