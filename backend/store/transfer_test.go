package store

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestApplyImportsCreatesAndUpdates(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	out, err := s.ApplyImports(ctx, []ImportItem{
		{Path: "a.md", Text: article("甲", "2025-06-01T00:00:00Z", false), Derived: derivedFor("甲", "2025-06-01T00:00:00Z")},
		{Path: "sub/b.md", Text: article("乙", "2025-06-02T00:00:00Z", false), Derived: derivedFor("乙", "2025-06-02T00:00:00Z")},
	})
	if err != nil || len(out) != 2 || out[0].ID == 0 || out[1].Err != nil {
		t.Fatalf("import: %+v %v", out, err)
	}
	index, err := s.PathIndex(ctx)
	if err != nil || len(index) != 2 {
		t.Fatalf("index: %v %v", index, err)
	}
	a := index["a.md"]
	if a.ID != out[0].ID || a.ImportedHash != a.ContentHash {
		t.Errorf("a.md: %+v", a)
	}
	// The editor changes b meanwhile: an import that saw the old hash must
	// not overwrite it.
	b, _ := s.GetDraft(ctx, out[1].ID)
	s.SaveDraft(ctx, b.ID, b.Text+"编辑", derivedFor("乙", b.Date), b.Version, "")
	newA := article("甲改", "2025-06-01T00:00:00Z", false)
	out, err = s.ApplyImports(ctx, []ImportItem{
		{Path: "a.md", Text: newA, Derived: derivedFor("甲改", "2025-06-01T00:00:00Z"), UpdateID: a.ID, ExpectedHash: a.ContentHash},
		{Path: "sub/b.md", Text: "覆盖", UpdateID: b.ID, ExpectedHash: index["sub/b.md"].ContentHash},
	})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Err != nil || !errors.Is(out[1].Err, ErrConflict) {
		t.Fatalf("outcomes: %+v", out)
	}
	got, _ := s.GetDraft(ctx, a.ID)
	if got.Text != newA || got.Title != "甲改" || got.ImportedHash != Hash([]byte(newA)) || got.Version != 2 {
		t.Errorf("updated a: %+v", got.Summary)
	}
	revs, _ := s.Revisions(ctx, a.ID)
	if len(revs) != 2 || revs[0].Reason != "imported" {
		t.Errorf("revisions after re-import: %+v", revs)
	}
	if got, _ := s.GetDraft(ctx, b.ID); got.Text != b.Text+"编辑" {
		t.Error("an import overwrote an edit")
	}
}

func TestExportIDsAndRecordExport(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	a := create(t, s, "甲", "2025-06-01T00:00:00Z")
	b := create(t, s, "乙", "2025-06-02T00:00:00Z")
	c := create(t, s, "丙", "2025-06-03T00:00:00Z")
	s.TrashDraft(ctx, c.ID)
	all, err := s.ExportIDs(ctx, ExportQuery{})
	if err != nil || len(all) != 2 {
		t.Fatalf("all: %v %v", all, err)
	}
	if err := s.RecordExport(ctx, a.ID, "甲.md", a.ContentHash, true); err != nil {
		t.Fatal(err)
	}
	changed, _ := s.ExportIDs(ctx, ExportQuery{ChangedOnly: true})
	if len(changed) != 1 || changed[0] != b.ID {
		t.Errorf("changed since last export: %v", changed)
	}
	if _, err := s.ExportIDs(ctx, ExportQuery{IDs: []int64{a.ID, 999}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
	// --changed with a named draft that does not exist is still an error,
	// and a named draft exported unchanged is left out without one.
	if _, err := s.ExportIDs(ctx, ExportQuery{IDs: []int64{b.ID, 999}, ChangedOnly: true}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id with ChangedOnly: %v", err)
	}
	if ids, err := s.ExportIDs(ctx, ExportQuery{IDs: []int64{a.ID, b.ID}, ChangedOnly: true}); err != nil || len(ids) != 1 || ids[0] != b.ID {
		t.Errorf("named, changed only: %v %v", ids, err)
	}
	if named, _ := s.ExportIDs(ctx, ExportQuery{IDs: []int64{c.ID}}); len(named) != 1 {
		t.Error("a trashed draft named explicitly is not exported")
	}
	if err := s.RecordExport(ctx, b.ID, "甲.md", b.ContentHash, true); !errors.Is(err, ErrConflict) {
		t.Errorf("two drafts on one path: %v", err)
	}
	if taken, _ := s.PathTaken(ctx, "甲.md", b.ID); !taken {
		t.Error("path not reported taken")
	}
	if taken, _ := s.PathTaken(ctx, "甲.md", a.ID); taken {
		t.Error("a draft's own path reported taken")
	}
}

func TestRecordExportsBatch(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	a := create(t, s, "甲", "2025-06-01T00:00:00Z")
	b := create(t, s, "乙", "2025-06-02T00:00:00Z")
	errs, err := s.RecordExports(ctx, []ExportRecord{
		{ID: a.ID, Path: "same.md", Hash: a.ContentHash, DraftFlag: false},
		{ID: b.ID, Path: "same.md", Hash: b.ContentHash},
		{ID: 999, Path: "x.md"},
	})
	if err != nil || errs[0] != nil || !errors.Is(errs[1], ErrConflict) || !errors.Is(errs[2], ErrNotFound) {
		t.Fatalf("%v %v", errs, err)
	}
	ga, _ := s.GetDraft(ctx, a.ID)
	gb, _ := s.GetDraft(ctx, b.ID)
	if ga.Path != "same.md" || ga.Status != StatusPublished || gb.Path != "" || gb.Exported {
		t.Errorf("a %+v b %+v", ga.Summary, gb.Summary)
	}
}

// TestPathQueriesUseIndex: import looks up every file's path and export
// every written one; a query SQLite cannot answer from the partial index
// drafts_path reads every draft instead, which made importing 10,000 files
// thirty times slower.
func TestPathQueriesUseIndex(t *testing.T) {
	s := newStore(t)
	for q, args := range map[string][]any{draftAtPathQuery: {"posts/a.md"}, pathTakenQuery: {"posts/a.md", 1}} {
		rows, err := s.read.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q, args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		if len(plan) != 1 || !strings.Contains(plan[0], "USING INDEX drafts_path") {
			t.Errorf("%s\nplan %q, want a search of drafts_path", q, plan)
		}
	}
}
