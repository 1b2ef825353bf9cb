package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestBaseFollowsImportEditAndExport(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	text := article("甲", "2025-06-01T00:00:00+08:00", false)
	d0 := derivedFor("甲", "2025-06-01T00:00:00+08:00")
	d0.Draft = false
	out, err := s.ApplyImports(ctx, []ImportItem{{Path: "posts/a.md", Text: text, Derived: d0}})
	if err != nil || out[0].Err != nil {
		t.Fatal(err, out)
	}
	id := out[0].ID
	d, _ := s.GetDraft(ctx, id)
	if d.Status != StatusPublished || d.Exported {
		t.Errorf("imported with draft: false: status %s, exported %v (want published, never exported)", d.Status, d.Exported)
	}
	b, err := s.GetBase(ctx, id)
	if err != nil || !b.Known || b.Text != text || b.Hash != Hash([]byte(text)) {
		t.Fatalf("base after import: %+v %v", b, err)
	}
	// Two edits: the base stays the imported text (copied out of the draft
	// at the first change only).
	d, _ = s.SaveDraft(ctx, id, text+"一", d0, d.Version, "")
	d, _ = s.SaveDraft(ctx, id, text+"一二", d0, d.Version, "")
	if b, _ := s.GetBase(ctx, id); !b.Known || b.Text != text {
		t.Errorf("base after edits: %q known=%v", b.Text, b.Known)
	}
	states, _ := s.SiteStates(ctx)
	if len(states) != 1 || !states[0].Changed() || states[0].Conflicted {
		t.Errorf("states: %+v", states)
	}
	// Export: the exported text is the new base, kept by the draft itself.
	if err := s.RecordExport(ctx, id, "posts/a.md", d.ContentHash, false); err != nil {
		t.Fatal(err)
	}
	if b, _ := s.GetBase(ctx, id); !b.Known || b.Text != text+"一二" {
		t.Errorf("base after export: %q", b.Text)
	}
	var lazy sql.NullString
	s.read.QueryRow(`SELECT text FROM draft_base WHERE draft_id = ?`, id).Scan(&lazy)
	if lazy.Valid {
		t.Error("the base text is stored twice while the draft still holds it")
	}
	if states, _ := s.SiteStates(ctx); states[0].Changed() {
		t.Error("changed right after an export")
	}
	// A draft made in the app has no base: new, not changed.
	c := create(t, s, "新", "2025-06-02T00:00:00+08:00")
	if b, _ := s.GetBase(ctx, c.ID); b.Hash != "" || b.Known {
		t.Errorf("new draft has a base: %+v", b)
	}
}

func TestApplyPullAndResolve(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	mine := article("甲", "2025-06-01T00:00:00+08:00", true)
	out, _ := s.ApplyImports(ctx, []ImportItem{{Path: "a.md", Text: mine, Derived: derivedFor("甲", "")}})
	id := out[0].ID
	d, _ := s.GetDraft(ctx, id)
	edited := mine + "我的修改"
	d, _ = s.SaveDraft(ctx, id, edited, derivedFor("甲", ""), d.Version, "saved")

	theirs := mine + "他们的修改"
	items := []PullItem{
		{Path: "a.md", ID: id, ExpectedHash: d.ContentHash, Theirs: theirs, TheirsHash: Hash([]byte(theirs)), Conflict: true},
		{Path: "b.md", Theirs: "---\ntitle: 乙\n---\n", TheirsHash: Hash([]byte("---\ntitle: 乙\n---\n")), Derived: Derived{Title: "乙"}},
		{Path: "a.md", ID: id, ExpectedHash: "stale", Theirs: theirs, TheirsHash: Hash([]byte(theirs))},
	}
	errs, err := s.ApplyPull(ctx, items)
	if err != nil || errs[0] != nil || errs[1] != nil || !errors.Is(errs[2], ErrConflict) {
		t.Fatalf("apply: %v %v", errs, err)
	}
	got, _ := s.GetDraft(ctx, id)
	if got.Text != edited {
		t.Fatal("a conflict changed the draft's text")
	}
	b, _ := s.GetBase(ctx, id)
	if b.Theirs != theirs || b.Text != mine {
		t.Errorf("conflict: theirs %q base %q", b.Theirs, b.Text)
	}
	if idx, _ := s.PathIndex(ctx); idx["b.md"].ID == 0 || idx["b.md"].ImportedHash != items[1].TheirsHash {
		t.Errorf("new file not imported: %+v", idx)
	}
	if _, err := s.ResolveConflict(ctx, id, "解决", Derived{}, got.Version-1, true); !errors.Is(err, ErrConflict) {
		t.Errorf("stale resolution: %v", err)
	}
	res, err := s.ResolveConflict(ctx, id, mine+"合并", Derived{Title: "甲"}, got.Version, true)
	if err != nil || res.Text != mine+"合并" || res.ImportedHash != Hash([]byte(theirs)) {
		t.Fatalf("resolve: %+v %v", res.Summary, err)
	}
	if b, _ := s.GetBase(ctx, id); b.TheirsHash != "" || b.Text != theirs || b.Hash != Hash([]byte(theirs)) {
		t.Errorf("after resolving: %+v", b)
	}
	if _, err := s.ResolveConflict(ctx, id, "x", Derived{}, res.Version, true); !errors.Is(err, ErrNotConflicted) {
		t.Errorf("resolving twice: %v", err)
	}
}

// migrationNumber is the version of the migration whose name holds part.
func migrationNumber(t *testing.T, part string) int {
	t.Helper()
	for _, m := range migrations {
		if strings.Contains(m.name, part) {
			return m.version
		}
	}
	t.Fatalf("no migration named *%s*", part)
	return 0
}

// A library written before the base existed gets one from what it knows.
func TestMigrationToSiteBase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "before-base.db")
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(context.Background(), db, migrationNumber(t, "site_base")-1); err != nil {
		t.Fatal(err)
	}
	mustExec := func(q string, args ...any) {
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	// 1: imported, unchanged, draft: false. 2: imported then edited (the
	// original kept as a revision). 3: exported. 4: imported, edited, with no
	// revision of the import. 5: made in the app.
	ins := `INSERT INTO drafts (id, text, content_hash, draft, imported_hash, exported_hash, exported_draft, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1)`
	mustExec(ins, 1, "one", "h1", 0, "h1", "", nil)
	mustExec(ins, 2, "two edited", "h2e", 1, "h2", "", nil)
	mustExec(`INSERT INTO revisions (draft_id, content_hash, reason, created_at, text) VALUES (2, 'h2', 'imported', 1, 'two')`)
	mustExec(ins, 3, "three", "h3", 1, "", "h3", 1)
	mustExec(ins, 4, "four edited", "h4e", 1, "h4", "", nil)
	mustExec(ins, 5, "five", "h5", 1, "", "", nil)
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for id, want := range map[int64]Base{
		1: {Hash: "h1", Text: "one", Known: true},
		2: {Hash: "h2", Text: "two", Known: true},
		3: {Hash: "h3", Text: "three", Known: true},
		4: {Hash: "h4"},
		5: {},
	} {
		if got, err := s.GetBase(ctx, id); err != nil || got != want {
			t.Errorf("draft %d: base %+v, want %+v (%v)", id, got, want, err)
		}
	}
	if d, _ := s.GetDraft(ctx, 1); d.Status != StatusPublished {
		t.Errorf("imported with draft: false shows as %s", d.Status)
	}
	if d, _ := s.GetDraft(ctx, 2); d.Status == StatusPublished {
		t.Error("an edited draft:true import shows as published")
	}
}
