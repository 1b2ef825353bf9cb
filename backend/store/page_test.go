package store

import (
	"context"
	"fmt"
	"testing"
)

// pageLibrary has n drafts, several sharing a date (so the id breaks ties),
// every third one tagged 芯片 (common), every twentieth 稀有 (rare) and every
// fifth one with an error.
func pageLibrary(t *testing.T, n int) *Store {
	t.Helper()
	s := newStore(t)
	ctx := context.Background()
	var items []ImportItem
	for i := 0; i < n; i++ {
		d := Derived{Title: fmt.Sprintf("稿%03d", i), DateSort: fmt.Sprintf("2025-01-%02dT00:00:00Z", 1+i%7)}
		if i%3 == 0 {
			d.Tags = []string{"芯片"}
		}
		if i%5 == 0 {
			d.Errors = 1
		}
		if i%20 == 7 { // rare: listed from the draft_terms index
			d.Tags = append(d.Tags, "稀有")
		}
		if i == n-1 {
			d.DateSort = "" // an unreadable date sorts last
		}
		items = append(items, ImportItem{Path: fmt.Sprintf("%03d.md", i), Text: fmt.Sprintf("正文%d", i), Derived: d})
	}
	if _, err := s.ApplyImports(ctx, items); err != nil {
		t.Fatal(err)
	}
	return s
}

// walk reads every page of f forward by keyset and checks it against the
// one-query list.
func TestListPageKeysetMatchesTheFullList(t *testing.T) {
	s := pageLibrary(t, 103)
	ctx := context.Background()
	for _, f := range []Filter{{}, {Tag: "芯片"}, {HasProblems: true}, {Query: "正文1"}, {Tag: "稀有"}, {Tag: "稀有", HasProblems: true}} {
		want := ids(mustList(t, s, f))
		var got []int64
		page, err := s.ListPage(ctx, f, PageQuery{Limit: 10})
		for err == nil && len(page.Rows) > 0 {
			got = append(got, ids(page.Rows)...)
			last := page.Keys[len(page.Keys)-1]
			page, err = s.ListPage(ctx, f, PageQuery{After: &last, Limit: 10})
		}
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%+v: keyset pages %v\nwant %v", f, got, want)
		}
		n, exact, err := s.CountMatching(ctx, f, 0)
		if err != nil || n != len(want) || !exact {
			t.Errorf("%+v: count %d %v %v, want %d", f, n, exact, err, len(want))
		}
		// Backwards from the end gives the same rows.
		var back []int64
		lastKey := Key{DateSort: "", ID: 0} // before nothing: start below the smallest key
		page, err = s.ListPage(ctx, f, PageQuery{Before: &lastKey, Limit: 10})
		for err == nil && len(page.Rows) > 0 {
			back = append(ids(page.Rows), back...)
			first := page.Keys[0]
			page, err = s.ListPage(ctx, f, PageQuery{Before: &first, Limit: 10})
		}
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(back) != fmt.Sprint(want) {
			t.Errorf("%+v: backward pages %v\nwant %v", f, back, want)
		}
	}
}

func TestListPageOffsetAndLimits(t *testing.T) {
	s := pageLibrary(t, 40)
	ctx := context.Background()
	all := ids(mustList(t, s, Filter{}))
	page, err := s.ListPage(ctx, Filter{}, PageQuery{Offset: 35, Limit: 10})
	if err != nil || fmt.Sprint(ids(page.Rows)) != fmt.Sprint(all[35:]) {
		t.Fatalf("offset page %v, %v; want %v", ids(page.Rows), err, all[35:])
	}
	if all[len(all)-1] != 40 {
		t.Errorf("the draft without a date should sort last: %v", all)
	}
	for _, q := range []PageQuery{{Limit: 0}, {Limit: MaxPage + 1}, {Limit: 5, Offset: -1}} {
		if _, err := s.ListPage(ctx, Filter{}, q); err == nil {
			t.Errorf("%+v accepted", q)
		}
	}
	if _, err := s.ListPage(ctx, Filter{Status: "bogus"}, PageQuery{Limit: 5}); err == nil {
		t.Error("unknown status accepted")
	}
	n, exact, err := s.CountMatching(ctx, Filter{}, 25)
	if err != nil || n != 25 || exact {
		t.Errorf("capped count %d %v %v", n, exact, err)
	}
	n, exact, _ = s.CountMatching(ctx, Filter{Tag: "芯片"}, 25)
	if n != 14 || !exact {
		t.Errorf("capped count under the cap: %d %v", n, exact)
	}
}

func TestKeyCursorRoundTrip(t *testing.T) {
	k := Key{DateSort: "2025-06-27T12:10:05Z", ID: 42}
	got, err := ParseKey(k.String())
	if err != nil || got != k {
		t.Fatalf("round trip %+v, %v", got, err)
	}
	if got, err := ParseKey("7:"); err != nil || got != (Key{ID: 7}) {
		t.Errorf("empty date: %+v %v", got, err)
	}
	for _, bad := range []string{"", "x:2025", "0:2025", "-3:2025", "12"} {
		if _, err := ParseKey(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
