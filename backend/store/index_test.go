package store

import (
	"context"
	"fmt"
	"testing"
)

func TestDeferredIndexSearchStaysCorrect(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	var items []ImportItem
	for i := 0; i < 250; i++ {
		title := fmt.Sprintf("批量导入第%d篇", i)
		items = append(items, ImportItem{Path: fmt.Sprintf("p/%d.md", i), Text: article(title, "2025-06-01T00:00:00Z", false),
			Derived: derivedFor(title, "2025-06-01T00:00:00Z")})
	}
	items[7].Text += "\n独一无二的关键词\n"
	if _, err := s.ApplyImports(ctx, items); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.PendingIndex(ctx); n != 250 {
		t.Fatalf("pending %d, want 250", n)
	}
	search := func(q string) int {
		t.Helper()
		return len(mustList(t, s, Filter{Query: q}))
	}
	// Before indexing: found by scanning.
	if got := search("独一无二"); got != 1 {
		t.Errorf("pending drafts: found %d", got)
	}
	if got := search("独一"); got != 1 {
		t.Errorf("pending drafts, short term: found %d", got)
	}
	if got := search("人工智能 批量导入第7篇"); got != 1 {
		t.Errorf("pending drafts, two terms: found %d", got)
	}
	var calls int
	if err := s.IndexPending(ctx, func(int) { calls++ }); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.PendingIndex(ctx); n != 0 || calls != 3 {
		t.Fatalf("after IndexPending: %d pending, %d progress calls", n, calls)
	}
	if got := search("独一无二"); got != 1 {
		t.Errorf("indexed: found %d", got)
	}
	if got := search("独一"); got != 1 {
		t.Errorf("indexed, short term: found %d", got)
	}
	if got := search("批量导入"); got != 250 {
		t.Errorf("indexed: found %d of 250", got)
	}
	// An edit of an indexed draft replaces its index entry.
	d, _ := s.GetDraft(ctx, 8)
	if _, err := s.SaveDraft(ctx, d.ID, "---\ntitle: 另一篇\n---\n正文\n", Derived{Title: "另一篇"}, d.Version, ""); err != nil {
		t.Fatal(err)
	}
	if got := search("独一无二"); got != 0 {
		t.Errorf("old text still indexed: %d", got)
	}
	if got := search("另一篇"); got != 1 {
		t.Errorf("new text not indexed: %d", got)
	}
	if _, err := s.write.Exec(`INSERT INTO drafts_fts (drafts_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("full-text index out of step with drafts: %v", err)
	}
}
