package store

import (
	"context"
	"errors"
	"testing"
)

func TestTrashRestorePurge(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	d := create(t, s, "回收", "2025-06-27T20:10:05+08:00", "标签甲")
	if err := s.TrashDraft(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	live, _ := s.ListDrafts(ctx, Filter{})
	trash, _ := s.ListDrafts(ctx, Filter{Trash: true})
	if len(live) != 0 || len(trash) != 1 || !trash[0].Trashed {
		t.Fatalf("after trash: %d live, %d trashed", len(live), len(trash))
	}
	if found, _ := s.ListDrafts(ctx, Filter{Query: "回收"}); len(found) != 0 {
		t.Error("a trashed draft is found by search")
	}
	if tags, _ := s.AllTags(ctx); len(tags) != 0 {
		t.Errorf("a trashed draft's tags are offered: %v", tags)
	}
	if err := s.RestoreDraft(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := s.GetDraft(ctx, d.ID)
	if got.Trashed || got.Text != d.Text {
		t.Fatal("restore did not bring the draft back intact")
	}
	if err := s.PurgeDraft(ctx, d.ID); !errors.Is(err, ErrConflict) {
		t.Errorf("purging a live draft: %v, want ErrConflict", err)
	}
	s.TrashDraft(ctx, d.ID)
	if err := s.PurgeDraft(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetDraft(ctx, d.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("purged draft still there: %v", err)
	}
	var n int
	s.read.QueryRow(`SELECT count(*) FROM revisions`).Scan(&n)
	if n != 0 {
		t.Errorf("%d revisions left behind by purge", n)
	}
	for _, f := range []func(context.Context, int64) error{s.TrashDraft, s.RestoreDraft, s.PurgeDraft} {
		if err := f(ctx, 999); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing draft: %v", err)
		}
	}
}

func TestRestoreRefusedWhenPathTaken(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	a, err := s.CreateDraft(ctx, NewDraft{Text: "a", Path: "posts/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	s.TrashDraft(ctx, a.ID)
	if _, err := s.CreateDraft(ctx, NewDraft{Text: "b", Path: "posts/a.md"}); err != nil {
		t.Fatalf("the path of a trashed draft is free: %v", err)
	}
	if _, err := s.CreateDraft(ctx, NewDraft{Text: "c", Path: "posts/a.md"}); !errors.Is(err, ErrConflict) {
		t.Errorf("two live drafts with one path: %v", err)
	}
	if err := s.RestoreDraft(ctx, a.ID); !errors.Is(err, ErrConflict) {
		t.Errorf("restore onto a taken path: %v, want ErrConflict", err)
	}
}
