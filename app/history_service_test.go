package app

import (
	"strings"
	"testing"
)

const historyFirst = "---\ntitle: 端侧模型的成本账\ndate: 2025-06-27T09:00:00+08:00\ndraft: true\n---\n\n第一版：成本主要在推理。\n"
const historySecond = "---\ntitle: 端侧模型的成本账\ndate: 2025-06-27T09:00:00+08:00\ndraft: true\n---\n\n第二版：成本主要在训练。\n"

func TestHistoryListGetRestore(t *testing.T) {
	lib := newTestLibrary(t)
	h := newHistoryService(lib)
	d, err := lib.Create(historyFirst)
	if err != nil {
		t.Fatal(err)
	}
	d, err = lib.Save(d.ID, historySecond, d.Version, true)
	if err != nil {
		t.Fatal(err)
	}
	revs, err := h.List(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 || revs[0].Reason != "saved" || revs[1].Reason != "created" {
		t.Fatalf("revisions: %+v", revs)
	}
	older, err := h.Get(revs[1].ID)
	if err != nil || older.Text != historyFirst || older.Size != len(historyFirst) || older.CreatedAt == "" {
		t.Fatalf("older revision: %+v, %v", older, err)
	}

	// The editor autosaved a third text (no revision); restoring must keep it.
	third := strings.Replace(historySecond, "第二版", "第三版", 1)
	d, err = lib.Save(d.ID, third, d.Version, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Restore(d.ID, revs[1].ID, d.Version-1); err == nil || !strings.Contains(err.Error(), `"code":"draft.conflict"`) {
		t.Fatalf("stale restore: %v, want draft.conflict", err)
	}
	restored, err := h.Restore(d.ID, revs[1].ID, d.Version)
	if err != nil {
		t.Fatal(err)
	}
	if restored.Text != historyFirst || restored.Version <= d.Version {
		t.Fatalf("restored draft: version %d (was %d), text %q", restored.Version, d.Version, restored.Text)
	}
	after, err := h.List(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 4 || !strings.HasPrefix(after[0].Reason, "restored revision") || after[1].Reason != reasonBeforeRestore {
		t.Fatalf("revisions after restore: %+v", after)
	}
	kept, err := h.Get(after[1].ID)
	if err != nil || kept.Text != third {
		t.Fatalf("the replaced text was not kept: %q, %v", kept.Text, err)
	}
	newest, err := h.Get(after[0].ID)
	if err != nil || newest.Text != historyFirst {
		t.Fatalf("the restore is not a revision: %q, %v", newest.Text, err)
	}
}

func TestHistoryErrorsAreCoded(t *testing.T) {
	lib := newTestLibrary(t)
	h := newHistoryService(lib)
	a, err := lib.Create(historyFirst)
	if err != nil {
		t.Fatal(err)
	}
	b, err := lib.Create(historySecond)
	if err != nil {
		t.Fatal(err)
	}
	if revs, err := h.List(b.ID); err != nil || len(revs) != 0 {
		t.Fatalf("a draft never changed has no revisions yet: %+v, %v", revs, err)
	}
	if _, err := lib.Save(b.ID, historySecond+"\n补一句。\n", b.Version, true); err != nil {
		t.Fatal(err)
	}
	revsB, err := h.List(b.ID)
	if err != nil || len(revsB) != 2 {
		t.Fatalf("revisions of b: %+v, %v", revsB, err)
	}
	if _, err := h.Restore(a.ID, revsB[0].ID, a.Version); err == nil || !strings.Contains(err.Error(), `"code":"revision.other_draft"`) {
		t.Fatalf("restoring another draft's revision: %v", err)
	}
	if _, err := h.Get(999); err == nil || !strings.Contains(err.Error(), `"code":"revision.not_found"`) {
		t.Fatalf("missing revision: %v", err)
	}
	if _, err := h.List(999); err == nil || !strings.Contains(err.Error(), `"code":"draft.not_found"`) {
		t.Fatalf("missing draft: %v", err)
	}
	got, err := lib.Get(a.ID)
	if err != nil || got.Text != historyFirst {
		t.Fatalf("a refused restore changed the draft: %v", err)
	}
}
