package linkcheck

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"testing"
	"time"
)

// fakeArchive answers like the Wayback availability API: it has snapshots of
// the URLs in snapshots and records every question.
type fakeArchive struct {
	mu        sync.Mutex
	questions []string // "url timestamp"
	snapshots map[string]bool
	fail      bool
}

func (a *fakeArchive) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	u, ts := r.URL.Query().Get("url"), r.URL.Query().Get("timestamp")
	a.mu.Lock()
	a.questions = append(a.questions, u+" "+ts)
	a.mu.Unlock()
	if a.fail {
		http.Error(w, "overloaded", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	out := map[string]any{"url": u, "archived_snapshots": map[string]any{}}
	if a.snapshots[u] {
		stamp := ts + "093000"
		if ts == "" {
			stamp = "20260101000000"
		}
		out["archived_snapshots"] = map[string]any{"closest": map[string]any{
			"status": "200", "available": true, "timestamp": stamp,
			"url": "http://web.archive.example/web/" + stamp + "/" + u,
		}}
	}
	json.NewEncoder(w).Encode(out)
}

func TestArchiveSuggestionForDeadLinks(t *testing.T) {
	site := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/alive" {
			return
		}
		http.NotFound(w, r)
	}))
	archived := site.URL + "/2025/06/27/kept-by-archive.html"
	unarchived := site.URL + "/never-archived"
	arch := &fakeArchive{snapshots: map[string]bool{archived: true}}
	archSrv := newServer(t, arch)

	opts := testOptions(t)
	opts.ArchiveEndpoint = archSrv.URL + "/wayback/available"
	c := New(opts)
	defer c.Close()
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	targets := []Target{
		{URL: archived, Retrieved: day(2025, 6, 27)},
		{URL: unarchived, Retrieved: day(2025, 7, 1)},
		{URL: site.URL + "/alive", Retrieved: day(2025, 7, 1)},
		{URL: archived, Retrieved: day(2025, 6, 27)}, // same day: asked once
		{URL: archived, Retrieved: day(2024, 1, 9)},  // another day: asked again
		{URL: archived}, // no date: the latest
	}
	results := c.Check(context.Background(), targets, nil)
	want := []string{
		"http://web.archive.example/web/20250627093000/" + archived,
		"",
		"",
		"http://web.archive.example/web/20250627093000/" + archived,
		"http://web.archive.example/web/20240109093000/" + archived,
		"http://web.archive.example/web/20260101000000/" + archived,
	}
	for i, r := range results {
		if r.ArchiveURL != want[i] || r.ArchiveErr != "" {
			t.Errorf("%d %s: archive %q (%s), want %q", i, r.URL, r.ArchiveURL, r.ArchiveErr, want[i])
		}
	}
	if results[2].Status != StatusOK || results[1].Status != StatusDead {
		t.Errorf("statuses %s %s", results[2].Status, results[1].Status)
	}
	asked := map[string]int{}
	for _, q := range arch.questions {
		asked[q]++
	}
	wantAsked := map[string]int{
		archived + " 20250627": 1, archived + " 20240109": 1, archived + " ": 1, unarchived + " 20250701": 1,
	}
	if len(asked) != len(wantAsked) {
		t.Errorf("archive asked %v", arch.questions)
	}
	for q, n := range wantAsked {
		if asked[q] != n {
			t.Errorf("archive asked %q %d times, want %d (all: %v)", q, asked[q], n, arch.questions)
		}
	}
}

func TestArchiveFailureIsReportedNotFatal(t *testing.T) {
	site := newServer(t, http.NotFoundHandler())
	archSrv := newServer(t, &fakeArchive{fail: true})
	opts := testOptions(t)
	opts.ArchiveEndpoint = archSrv.URL
	c := New(opts)
	defer c.Close()
	r := c.Check(context.Background(), []Target{{URL: site.URL + "/gone"}}, nil)[0]
	if r.Status != StatusDead || r.ArchiveURL != "" || r.ArchiveErr != "archive: HTTP 503" {
		t.Fatalf("got %+v", r)
	}
}

func TestNoArchiveEndpointAsksNothing(t *testing.T) {
	site := newServer(t, http.NotFoundHandler())
	c := New(testOptions(t))
	defer c.Close()
	r := c.Check(context.Background(), []Target{{URL: site.URL + "/gone"}}, nil)[0]
	if r.Status != StatusDead || r.ArchiveURL != "" || r.ArchiveErr != "" {
		t.Fatalf("got %+v", r)
	}
}
