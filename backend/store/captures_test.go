package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestCaptureRoundTripAndReplace(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if _, err := s.Capture(ctx, "https://example.com/a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing capture: %v", err)
	}
	at := time.Date(2025, 7, 7, 17, 30, 0, 0, time.UTC) // 2025/7/8 01:30 in Shanghai
	c := Capture{NormURL: "https://example.com/a", URL: "https://EXAMPLE.com/a", FinalURL: "https://example.com/a?x=1",
		HTTPStatus: 200, Status: "redirected", RetrievedAt: at, BodySHA256: "ab12", Title: "标题：副题 - 仍是标题",
		Outlet: "新闻社", Authors: []string{"张三", "Jane Doe"}, Published: "2025-07-06",
		Evidence: map[string]string{"title": "json-ld NewsArticle.headline", "published": "meta article:published_time"},
		Warnings: []string{"the URL's date is a day off"}, Text: "正文第一段。正文第二段。", ArchiveURL: "https://archive.example/web/1/x",
		Similarity: -1}
	if err := s.SaveCapture(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Capture(ctx, c.NormURL)
	if err != nil || !reflect.DeepEqual(got, c) {
		t.Fatalf("round trip:\n got %+v\nwant %+v\n%v", got, c, err)
	}
	later := at.Add(48 * time.Hour)
	if err := s.RecordComparison(ctx, c.NormURL, later, "网页上的新标题", 0.42); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Capture(ctx, c.NormURL)
	if !got.ComparedAt.Equal(later) || got.PageTitle != "网页上的新标题" || got.Similarity != 0.42 {
		t.Errorf("comparison: %v %q %v", got.ComparedAt, got.PageTitle, got.Similarity)
	}
	if err := s.RecordComparison(ctx, "https://example.com/none", later, "", 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("comparison without a capture: %v", err)
	}
	// A new capture starts without comparisons.
	c.Title, c.Authors, c.Evidence, c.Warnings = "改过的标题", nil, nil, nil
	if err := s.SaveCapture(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Capture(ctx, c.NormURL)
	if got.Title != "改过的标题" || len(got.Authors) != 0 || len(got.Evidence) != 0 || got.Warnings == nil ||
		!got.ComparedAt.IsZero() || got.Similarity != -1 {
		t.Errorf("replaced capture: %+v", got)
	}
	if err := s.SaveCapture(ctx, Capture{NormURL: "https://example.com/b"}); err == nil {
		t.Error("a capture without a retrieval time was stored")
	}
}

// A library written by the previous version (sources and drafts, no
// captures) opens, gains the captures table and keeps its rows.
func TestMigrateVersion2AddsCaptures(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.db")
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(context.Background(), db, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO sources (norm_url, url, title, seen_at, check_status, http_status, checked_at)
		VALUES ('https://example.com/a', 'https://example.com/a', '旧标题', 1, 'ok', 200, 1751900000000)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	src, err := s.Source(ctx, "https://example.com/a")
	if err != nil || src.Title != "旧标题" || src.CheckStatus != "ok" {
		t.Fatalf("old source after migration: %+v %v", src, err)
	}
	if _, err := s.Capture(ctx, "https://example.com/a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("capture before any was saved: %v", err)
	}
	if err := s.SaveCapture(ctx, Capture{NormURL: "https://example.com/a", URL: "https://example.com/a", RetrievedAt: time.Now()}); err != nil {
		t.Fatalf("capture after migration: %v", err)
	}
}
