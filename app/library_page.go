package app

import (
	"context"

	"copydesk/backend/library"
)

// DraftPageRequest asks for rows Offset..Offset+Limit-1 of the filtered
// library list. After (the cursor of row Offset-1) or Before (of row
// Offset+Limit) let the backend continue from a row the list already holds,
// which costs the same anywhere in the list; without them it steps over
// Offset rows of the index (a jump).
type DraftPageRequest struct {
	Filter DraftFilter `json:"filter"`
	Offset int         `json:"offset"`
	Limit  int         `json:"limit"`
	After  string      `json:"after"`
	Before string      `json:"before"`
}

// DraftPage is one page of the library list and how long the list is.
type DraftPage struct {
	Offset  int            `json:"offset"`
	Rows    []DraftSummary `json:"rows"`
	Cursors []string       `json:"cursors"` // Cursors[i] is Rows[i]'s place, for After/Before
	// Total is the number of matching drafts; for a full-text search it is
	// counted only up to searchCountAhead rows past this page, and Exact is
	// false when there may be more (the list grows as it is scrolled).
	Total int  `json:"total"`
	Exact bool `json:"exact"`
}

// searchCountAhead: how far past the page a search's matches are counted. A
// word in most drafts of a large library would otherwise be counted over
// every text on each page.
const searchCountAhead = 1000

// Page returns one page of the library list, newest first, with the count
// of matching drafts. It replaces List for the library pane.
func (s *LibraryService) Page(req DraftPageRequest) (DraftPage, error) {
	lib, err := s.open()
	if err != nil {
		return DraftPage{}, err
	}
	if req.Limit < 1 || req.Limit > library.MaxPage || req.Offset < 0 {
		return DraftPage{}, newAPIError("library.bad_page", map[string]string{"detail": "offset or limit out of range"})
	}
	ctx := context.Background()
	f := library.Filter{Status: req.Filter.Status, Topic: req.Filter.Topic, Tag: req.Filter.Tag,
		HasProblems: req.Filter.HasProblems, Trash: req.Filter.Trashed, Query: req.Filter.Query}
	q := library.PageQuery{Offset: req.Offset, Limit: req.Limit}
	if req.After != "" {
		k, err := library.ParseKey(req.After)
		if err != nil {
			return DraftPage{}, newAPIError("library.bad_page", map[string]string{"detail": err.Error()})
		}
		q.After = &k
	} else if req.Before != "" {
		k, err := library.ParseKey(req.Before)
		if err != nil {
			return DraftPage{}, newAPIError("library.bad_page", map[string]string{"detail": err.Error()})
		}
		q.Before = &k
	}
	page, err := lib.ListPage(ctx, f, q)
	if err != nil {
		return DraftPage{}, err
	}
	// A page that is not full is the end of the list: that is the count,
	// without a second pass over the matches (which for a search not yet in
	// the full-text index means reading every text again).
	total, exact := req.Offset+len(page.Rows), true
	if len(page.Rows) == req.Limit || (len(page.Rows) == 0 && req.Offset > 0) {
		limit := 0
		if f.Query != "" {
			limit = req.Offset + req.Limit + searchCountAhead
		}
		if total, exact, err = lib.Count(ctx, f, limit); err != nil {
			return DraftPage{}, err
		}
	}
	out := DraftPage{Offset: req.Offset, Rows: make([]DraftSummary, 0, len(page.Rows)),
		Cursors: make([]string, 0, len(page.Keys)), Total: total, Exact: exact}
	for i, r := range page.Rows {
		out.Rows = append(out.Rows, summaryOf(r))
		out.Cursors = append(out.Cursors, page.Keys[i].String())
	}
	// Rows are read before they are counted: a save in between may leave
	// the count one short of what the page shows.
	if out.Total < req.Offset+len(out.Rows) {
		out.Total = req.Offset + len(out.Rows)
	}
	return out, nil
}
