package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestCitationsAndSources(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	a := create(t, s, "甲文", "2025-06-01T00:00:00Z")
	b := create(t, s, "乙文", "2025-06-02T00:00:00Z")
	cites, err := s.Citations(ctx, a.ID)
	if err != nil || len(cites) != 1 || cites[0].Label != "1" || cites[0].Authors[0] != "张三" {
		t.Fatalf("citations: %+v %v", cites, err)
	}
	// b cites the same URL through a line that is not in house style: the
	// known metadata stays.
	d := derivedFor("乙文", b.Date)
	d.Citations[0] = Citation{Label: "1", Line: 20, Content: "https://example.com/a 随便写的", URL: "https://example.com/a", NormURL: "https://example.com/a"}
	d.Citations = append(d.Citations, Citation{Label: "2", Line: 21, Content: "没有链接"})
	if _, err := s.SaveDraft(ctx, b.ID, b.Text+"改", d, b.Version, ""); err != nil {
		t.Fatal(err)
	}
	srcs, err := s.Sources(ctx)
	if err != nil || len(srcs) != 1 {
		t.Fatalf("sources: %+v %v", srcs, err)
	}
	src := srcs[0]
	if src.Title != "标题" || src.Outlet != "新闻社" || len(src.CitedBy) != 2 || src.CitedBy[1].DraftID != b.ID {
		t.Errorf("source: %+v", src)
	}
	at := time.Date(2025, 6, 27, 12, 0, 0, 0, time.UTC)
	if err := s.UpdateSourceCheck(ctx, SourceCheck{NormURL: "https://example.com/a", Status: "redirected", HTTPStatus: 301,
		FinalURL: "https://example.com/b", CheckedAt: at}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Source(ctx, "https://example.com/a")
	if err != nil || got.CheckStatus != "redirected" || got.HTTPStatus != 301 || !got.CheckedAt.Equal(at) || got.Title != "标题" || len(got.CitedBy) != 2 {
		t.Errorf("after check: %+v %v", got, err)
	}
	// A later save keeps the check result.
	a2, _ := s.GetDraft(ctx, a.ID)
	s.SaveDraft(ctx, a.ID, a2.Text+"再改", derivedFor("甲文", a.Date), a2.Version, "")
	if got, _ := s.Source(ctx, "https://example.com/a"); got.CheckStatus != "redirected" {
		t.Error("a save forgot the link check")
	}
	// Checking a URL nobody cites yet keeps the result for later.
	if err := s.UpdateSourceCheck(ctx, SourceCheck{NormURL: "https://example.com/new", Status: "dead", HTTPStatus: 404, CheckedAt: at}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Source(ctx, "https://example.com/new"); err != nil || got.CheckStatus != "dead" || len(got.CitedBy) != 0 {
		t.Errorf("uncited source: %+v %v", got, err)
	}
	if _, err := s.Source(ctx, "https://nowhere.example"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown source: %v", err)
	}
	s.TrashDraft(ctx, b.ID)
	if srcs, _ := s.Sources(ctx); len(srcs) != 1 || len(srcs[0].CitedBy) != 1 {
		t.Errorf("trashed drafts still cite: %+v", srcs)
	}
	if _, err := s.Citations(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("citations of a missing draft: %v", err)
	}
}
