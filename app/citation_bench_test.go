package app

import (
	"strconv"
	"strings"
	"testing"

	"copydesk/backend/refarticle"
)

// seedArticle is the reference article, or skips without it.
func seedArticle(tb testing.TB) string { return string(refarticle.Read(tb)) }

// The reference article's citations all read as house style, numbered as
// Hugo shows them: by first citation (it cites [^4] first), not by label.
func TestListReadsReferenceArticle(t *testing.T) {
	s, _ := newTestCitations(t)
	text := seedArticle(t)
	list, err := s.List(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Rows) == 0 {
		t.Fatal("no citations")
	}
	want := map[string]int{}
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "[^") && strings.Contains(line, "]: ") {
			continue // a definition
		}
		for rest := line; ; {
			i := strings.Index(rest, "[^")
			if i < 0 {
				break
			}
			j := strings.IndexByte(rest[i:], ']')
			if j < 0 {
				break
			}
			if label := rest[i+2 : i+j]; want[label] == 0 {
				want[label] = len(want) + 1
			}
			rest = rest[i+j:]
		}
	}
	if want["4"] != 1 {
		t.Fatalf("the reference article should cite [^4] first: %v", want)
	}
	for i, r := range list.Rows {
		if !r.HouseStyle || r.Number != want[r.Label] || r.Label != strconv.Itoa(i+1) {
			t.Errorf("row %d: [^%s] number %d (want %d) house style %v (%s)", i, r.Label, r.Number, want[r.Label], r.HouseStyle, r.FormatError)
		}
	}
	if list.InOrder {
		t.Error("the reference article is not numbered in order of first citation")
	}
}

// List runs a moment after each pause in typing while the panel is shown.
func BenchmarkListReferenceArticle(b *testing.B) {
	s, _ := newTestCitations(b)
	text := seedArticle(b)
	if _, err := s.library.Create(text); err != nil { // the sources table knows its URLs
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.List(text); err != nil {
			b.Fatal(err)
		}
	}
}

// Audit reads every draft: 200 copies of the reference article.
func BenchmarkAudit200Drafts(b *testing.B) {
	s, _ := newTestCitations(b)
	text := seedArticle(b)
	for i := range 200 {
		if _, err := s.library.Create(strings.Replace(text, "title: ", "title: "+strconv.Itoa(i)+" ", 1)); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Audit("zh-CN"); err != nil {
			b.Fatal(err)
		}
	}
}
