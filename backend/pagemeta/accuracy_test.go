package pagemeta

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The accuracy check on real pages. Saved pages belong to their outlets and
// are not committed; a maintainer with a local corpus runs
//
//	PAGEMETA_CORPUS=/path/to/corpus go test -tags sqlite_fts5 ./backend/pagemeta -run TestCorpusAccuracy -v
//
// where the folder holds the saved pages and expected.json:
//
//	[{"file": "a.html", "url": "https://...", "content_type": "text/html; charset=gbk",
//	  "title": "...", "outlet": "...", "authors": ["..."], "published": "2025-06-27"}]
//
// A field left out of an entry is not scored. The test fails below the
// targets: title 90%, outlet and published 85%, authors 80%.

type corpusEntry struct {
	File        string    `json:"file"`
	URL         string    `json:"url"`
	ContentType string    `json:"content_type"`
	Title       *string   `json:"title"`
	Outlet      *string   `json:"outlet"`
	Authors     *[]string `json:"authors"`
	Published   *string   `json:"published"`
}

type fieldScore struct{ right, total int }

func (s fieldScore) rate() float64 {
	if s.total == 0 {
		return 1
	}
	return float64(s.right) / float64(s.total)
}

// scoreCorpus extracts every entry and counts the fields that match;
// misses lists what went wrong, for the maintainer to read.
func scoreCorpus(dir string, entries []corpusEntry) (map[string]*fieldScore, []string, error) {
	scores := map[string]*fieldScore{"title": {}, "outlet": {}, "authors": {}, "published": {}}
	var misses []string
	for _, e := range entries {
		body, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			return nil, nil, err
		}
		p, err := Extract(body, e.ContentType, e.URL, Options{})
		if err != nil {
			misses = append(misses, fmt.Sprintf("%s: %v", e.File, err))
			p = &Page{}
		}
		check := func(field string, ok bool, got, want any) {
			s := scores[field]
			s.total++
			if ok {
				s.right++
			} else {
				misses = append(misses, fmt.Sprintf("%s %s: got %v, want %v", e.File, field, got, want))
			}
		}
		if e.Title != nil {
			check("title", collapse(*e.Title) == p.Title, p.Title, *e.Title)
		}
		if e.Outlet != nil {
			check("outlet", *e.Outlet == p.Outlet, p.Outlet, *e.Outlet)
		}
		if e.Authors != nil {
			check("authors", sameNames(*e.Authors, p.Authors), p.Authors, *e.Authors)
		}
		if e.Published != nil {
			check("published", *e.Published == dayString(p.Published), dayString(p.Published), *e.Published)
		}
	}
	return scores, misses, nil
}

func sameNames(a, b []string) bool {
	key := func(names []string) string {
		var ks []string
		for _, n := range names {
			ks = append(ks, nameKey(n))
		}
		sort.Strings(ks)
		return strings.Join(ks, "|")
	}
	return key(a) == key(b)
}

func TestCorpusAccuracy(t *testing.T) {
	dir := os.Getenv("PAGEMETA_CORPUS")
	if dir == "" {
		t.Skip("PAGEMETA_CORPUS not set: no local corpus of saved pages")
	}
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var entries []corpusEntry
	if err := json.Unmarshal(b, &entries); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	scores, misses, err := scoreCorpus(dir, entries)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range misses {
		t.Log(m)
	}
	for field, target := range map[string]float64{"title": 0.90, "outlet": 0.85, "published": 0.85, "authors": 0.80} {
		s := scores[field]
		t.Logf("%-9s %d/%d = %.1f%%", field, s.right, s.total, 100*s.rate())
		if s.rate() < target {
			t.Errorf("%s: %.1f%% is below the %.0f%% target", field, 100*s.rate(), 100*target)
		}
	}
}

// TestScoreCorpusCounts checks the scoring itself on the fixtures, with
// one expectation made wrong on purpose.
func TestScoreCorpusCounts(t *testing.T) {
	var entries []corpusEntry
	for name, g := range loadGoldens(t) {
		if g.Encode != "" {
			continue // stored as UTF-8 source; the corpus holds real bytes
		}
		w := g.Want
		e := corpusEntry{File: name + ".html", URL: g.URL, ContentType: g.ContentType, Title: &w.Title, Outlet: &w.Outlet, Authors: &w.Authors, Published: &w.Published}
		entries = append(entries, e)
	}
	wrong := "Not The Title"
	entries[0].Title = &wrong
	scores, misses, err := scoreCorpus("testdata", entries)
	if err != nil {
		t.Fatal(err)
	}
	if s := scores["title"]; s.total != len(entries) || s.right != len(entries)-1 {
		t.Errorf("title %d/%d, want %d/%d", s.right, s.total, len(entries)-1, len(entries))
	}
	for _, f := range []string{"outlet", "authors", "published"} {
		if s := scores[f]; s.right != s.total || s.total != len(entries) {
			t.Errorf("%s %d/%d", f, s.right, s.total)
		}
	}
	if len(misses) != 1 || !strings.Contains(misses[0], "Not The Title") {
		t.Errorf("misses %q", misses)
	}
}
