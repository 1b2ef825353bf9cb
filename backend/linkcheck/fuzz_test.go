package linkcheck

import (
	"strings"
	"testing"

	"copydesk/backend/article"
	"copydesk/backend/citation"
)

// FuzzMarkRetrieved: whatever the text, MarkRetrieved never panics, changes
// nothing outside the definitions it names, and every definition it changes
// reads back with the same fields and today's retrieval date.
func FuzzMarkRetrieved(f *testing.F) {
	f.Add(sampleArticle, "1", "https://news.example.com/2025/06/20/chips-rules.html")
	f.Add(sampleArticle, "5", "https://leaks.example.net/doc")
	f.Add("[^a]: [t](http://x.example/)·o（2025/1/1）·检索日期 2025/01/02  \r\n", "a", "http://x.example/")
	f.Add("[^a]: [t](http://x.example/)·o·检索日期（2025/1/1）\n", "a", "http://x.example/")
	f.Add("[^a]: [t](u)·o（2025/1/1）·检索日期2025/1/1\n[^a]: [t](u)·p（2025/1/1）\n", "a", "u")
	today := citation.Date{Year: 2026, Month: 1, Day: 31}
	st := citation.DefaultStyle()
	f.Fuzz(func(t *testing.T, text, label, url string) {
		checked := []Checked{{Label: label, Result: Result{URL: url, Status: StatusOK}}}
		out, labels, err := MarkRetrieved([]byte(text), checked, today, st)
		if err != nil {
			return
		}
		if len(labels) == 0 {
			if string(out) != text {
				t.Fatalf("no label marked but text changed")
			}
			return
		}
		before, err1 := article.Parse([]byte(text))
		after, err2 := article.Parse(out)
		if err1 != nil || err2 != nil || len(before.Defs) != len(after.Defs) {
			t.Fatalf("definitions changed: %v %v", err1, err2)
		}
		// Outside the edited definitions, bytes are identical.
		var prevB, prevA int
		for i, db := range before.Defs {
			da := after.Defs[i]
			if db.Label != da.Label || text[prevB:db.ContentStart] != string(out[prevA:da.ContentStart]) {
				t.Fatalf("bytes before definition %d changed", i)
			}
			prevB, prevA = db.End, da.End
			if db.Content == da.Content {
				continue
			}
			if db.Label != label {
				t.Fatalf("definition [^%s] changed though not asked", db.Label)
			}
			old, _ := citation.Parse(db.Content, st)
			got, err := citation.Parse(da.Content, st)
			if err != nil || got.Retrieved != today || got.URL != old.URL || got.Title != old.Title ||
				got.Outlet != old.Outlet || got.PublishedText != old.PublishedText ||
				strings.Join(got.Authors, "|") != strings.Join(old.Authors, "|") {
				t.Fatalf("edited definition reads %+v (was %+v, err %v)", got, old, err)
			}
		}
		if text[prevB:] != string(out[prevA:]) {
			t.Fatalf("bytes after the last definition changed")
		}
	})
}
