package store

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
)

func TestCreateAndGet(t *testing.T) {
	s := newStore(t)
	d := create(t, s, "芯片之争", "2025-06-27T20:10:05+08:00", "芯片", "出口管制")
	if d.ID == 0 || d.Version != 1 || d.Title != "芯片之争" || d.Status != StatusDraft || d.Path != "" {
		t.Fatalf("created: %+v", d.Summary)
	}
	if d.ContentHash != Hash([]byte(d.Text)) {
		t.Error("content hash is not the hash of the text")
	}
	if strings.Join(d.Tags, ",") != "芯片,出口管制" || strings.Join(d.Topics, ",") != "算力与芯片" {
		t.Errorf("tags %v topics %v", d.Tags, d.Topics)
	}
	if _, err := s.GetDraft(context.Background(), 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing draft: %v, want ErrNotFound", err)
	}
}

func TestSaveStaleVersionIsRefused(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	d := create(t, s, "原题", "2025-06-27T20:10:05+08:00")
	first, err := s.SaveDraft(ctx, d.ID, d.Text+"\n甲的修改\n", derivedFor("甲", d.Date), d.Version, "")
	if err != nil {
		t.Fatal(err)
	}
	if first.Version != 2 || first.Title != "甲" {
		t.Fatalf("after save: version %d title %q", first.Version, first.Title)
	}
	// A second editor still holds version 1.
	_, err = s.SaveDraft(ctx, d.ID, d.Text+"\n乙的修改\n", derivedFor("乙", d.Date), d.Version, "保存")
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("stale save: %v, want ErrConflict", err)
	}
	got, _ := s.GetDraft(ctx, d.ID)
	if got.Text != first.Text || got.Version != 2 || got.Title != "甲" {
		t.Errorf("a refused save changed the draft: version %d title %q", got.Version, got.Title)
	}
	revs, _ := s.Revisions(ctx, d.ID)
	if len(revs) != 1 {
		t.Errorf("a refused save added a revision: %d revisions", len(revs))
	}
	if _, err := s.SaveDraft(ctx, 999, "x", Derived{}, 1, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("save of a missing draft: %v", err)
	}
}

func TestSaveUnchangedTextKeepsVersion(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	d := create(t, s, "不变", "2025-06-27T20:10:05+08:00")
	got, err := s.SaveDraft(ctx, d.ID, d.Text, derivedFor("不变", d.Date), d.Version, "")
	if err != nil || got.Version != d.Version || !got.UpdatedAt.Equal(d.UpdatedAt) {
		t.Fatalf("unchanged save: version %d->%d, %v", d.Version, got.Version, err)
	}
}

func TestConcurrentSavesExactlyOneWins(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	d := create(t, s, "并发", "2025-06-27T20:10:05+08:00")
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins, conflicts := 0, 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, err := s.SaveDraft(ctx, d.ID, d.Text+strings.Repeat("改", i+1), derivedFor("并发", d.Date), d.Version, "")
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				wins++
			case errors.Is(err, ErrConflict):
				conflicts++
			default:
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	if wins != 1 || conflicts != 7 {
		t.Errorf("%d saves won and %d conflicted, want 1 and 7", wins, conflicts)
	}
}

func TestSetStatusAndPublished(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	d := create(t, s, "状态", "2025-06-27T20:10:05+08:00")
	if err := s.SetStatus(ctx, d.ID, StatusInReview); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStatus(ctx, d.ID, "published"); err == nil {
		t.Error("published was accepted as an editorial status")
	}
	if err := s.SetStatus(ctx, 999, StatusReady); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing draft: %v", err)
	}
	got, _ := s.GetDraft(ctx, d.ID)
	if got.Status != StatusInReview || got.Version != d.Version {
		t.Errorf("status %q version %d", got.Status, got.Version)
	}
	if err := s.RecordExport(ctx, d.ID, "状态.md", d.ContentHash, true); err != nil {
		t.Fatal(err)
	}
	got, _ = s.GetDraft(ctx, d.ID)
	if got.Status != StatusInReview || got.Path != "状态.md" {
		t.Errorf("exported as a draft: status %q path %q", got.Status, got.Path)
	}
	if err := s.RecordExport(ctx, d.ID, "状态.md", d.ContentHash, false); err != nil {
		t.Fatal(err)
	}
	got, _ = s.GetDraft(ctx, d.ID)
	if got.Status != StatusPublished || got.Editorial != StatusInReview || !got.Exported || got.ExportedDraft {
		t.Errorf("exported with draft: false: status %q editorial %q", got.Status, got.Editorial)
	}
}
