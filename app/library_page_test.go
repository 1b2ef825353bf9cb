package app

import (
	"fmt"
	"strings"
	"testing"
)

func TestLibraryPageWalksTheListByCursor(t *testing.T) {
	s := newTestLibrary(t)
	for i := 0; i < 7; i++ {
		text := fmt.Sprintf("---\ntitle: 第%d篇\ndate: 2025-06-%02dT08:00:00+08:00\n---\n\n正文%d。\n", i, 10+i, i)
		if _, err := s.Create(text); err != nil {
			t.Fatal(err)
		}
	}
	first, err := s.Page(DraftPageRequest{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if first.Total != 7 || !first.Exact || len(first.Rows) != 3 || first.Rows[0].Title != "第6篇" || len(first.Cursors) != 3 {
		t.Fatalf("first page: %+v", first)
	}
	next, err := s.Page(DraftPageRequest{Offset: 3, Limit: 3, After: first.Cursors[2]})
	if err != nil || len(next.Rows) != 3 || next.Rows[0].Title != "第3篇" || next.Offset != 3 {
		t.Fatalf("next page by cursor: %+v, %v", next, err)
	}
	jump, err := s.Page(DraftPageRequest{Offset: 6, Limit: 3})
	if err != nil || len(jump.Rows) != 1 || jump.Rows[0].Title != "第0篇" {
		t.Fatalf("jump to the end: %+v, %v", jump, err)
	}
	back, err := s.Page(DraftPageRequest{Offset: 3, Limit: 3, Before: jump.Cursors[0]})
	if err != nil || len(back.Rows) != 3 || back.Rows[0].Title != "第3篇" || back.Rows[2].Title != "第1篇" {
		t.Fatalf("page before a cursor: %+v, %v", back, err)
	}
	found, err := s.Page(DraftPageRequest{Filter: DraftFilter{Query: "正文5"}, Limit: 50})
	if err != nil || found.Total != 1 || !found.Exact || len(found.Rows) != 1 || found.Rows[0].Title != "第5篇" {
		t.Fatalf("search page: %+v, %v", found, err)
	}
	for _, bad := range []DraftPageRequest{{Limit: 0}, {Limit: 501}, {Limit: 5, Offset: -1}, {Limit: 5, After: "nonsense"}} {
		if _, err := s.Page(bad); err == nil || !strings.Contains(err.Error(), `"code":"library.bad_page"`) {
			t.Errorf("%+v: %v, want library.bad_page", bad, err)
		}
	}
}
