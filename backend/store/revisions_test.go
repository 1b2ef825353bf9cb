package store

import (
	"context"
	"errors"
	"testing"
)

func TestRevisions(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	d := create(t, s, "修订", "2025-06-27T20:10:05+08:00")
	revs, err := s.Revisions(ctx, d.ID)
	if err != nil || len(revs) != 0 {
		t.Fatalf("a new draft has revisions: %+v %v", revs, err)
	}
	// The first change keeps the original text (an autosave adds nothing else).
	d2, err := s.SaveDraft(ctx, d.ID, d.Text+"一", derivedFor("修订", d.Date), d.Version, "")
	if err != nil {
		t.Fatal(err)
	}
	if revs, _ = s.Revisions(ctx, d.ID); len(revs) != 1 || revs[0].Reason != "created" || !revs[0].CreatedAt.Equal(d.UpdatedAt) {
		t.Fatalf("after the first change: %+v", revs)
	}
	d2b, err := s.SaveDraft(ctx, d.ID, d2.Text+"二", derivedFor("修订", d.Date), d2.Version, "")
	if err != nil {
		t.Fatal(err)
	}
	if revs, _ = s.Revisions(ctx, d.ID); len(revs) != 1 {
		t.Fatalf("autosave added a revision: %d", len(revs))
	}
	d2 = d2b
	// Explicit save of the autosaved text: a revision, though the text is
	// already stored.
	d3, err := s.SaveDraft(ctx, d.ID, d2.Text, derivedFor("修订", d.Date), d2.Version, "保存")
	if err != nil {
		t.Fatal(err)
	}
	if revs, _ = s.Revisions(ctx, d.ID); len(revs) != 2 || revs[0].Reason != "保存" {
		t.Fatalf("explicit save: %+v", revs)
	}
	// Saving again with nothing changed adds none.
	if _, err := s.SaveDraft(ctx, d.ID, d3.Text, derivedFor("修订", d.Date), d3.Version, "保存"); err != nil {
		t.Fatal(err)
	}
	if revs, _ = s.Revisions(ctx, d.ID); len(revs) != 2 {
		t.Fatalf("a save that changed nothing added a revision: %d", len(revs))
	}
	r, err := s.Revision(ctx, revs[1].ID)
	if err != nil || r.Text != d.Text || r.DraftID != d.ID || r.Size != len(d.Text) {
		t.Errorf("oldest revision: %+v %v", r.RevisionInfo, err)
	}
	if _, err := s.Revision(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing revision: %v", err)
	}
	if _, err := s.Revisions(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("revisions of a missing draft: %v", err)
	}
}
