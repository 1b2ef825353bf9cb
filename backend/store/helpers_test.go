package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// newStore opens a fresh library in a temporary folder.
func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// article is a small text in house style.
func article(title, date string, draft bool, tags ...string) string {
	text := fmt.Sprintf("---\ntitle: %s\ndate: %s\ndraft: %v\nsummary: 摘要\ntags:\n", title, date, draft)
	for _, t := range tags {
		text += "  - " + t + "\n"
	}
	text += "main_topics:\n  - 算力与芯片\n---\n\n> 导语。\n\n### 小节\n\n正文提到人工智能与芯片[^1]。\n\n## 引文部分\n\n" +
		"[^1]: [标题](https://example.com/a)·新闻社·张三（2025/6/1）·检索日期2025/6/27\n"
	return text
}

func derivedFor(title, date string, tags ...string) Derived {
	return Derived{Title: title, Date: date, DateSort: date, Draft: true, Slug: title, Tags: tags,
		Topics: []string{"算力与芯片"},
		Citations: []Citation{{Label: "1", Line: 20, Content: "[标题](https://example.com/a)·新闻社·张三（2025/6/1）·检索日期2025/6/27",
			HouseStyle: true, URL: "https://example.com/a", NormURL: "https://example.com/a", Title: "标题", Outlet: "新闻社",
			Authors: []string{"张三"}, Published: "2025/6/1", Retrieved: "2025/6/27"}}}
}

func create(t testing.TB, s *Store, title, date string, tags ...string) Draft {
	t.Helper()
	d, err := s.CreateDraft(context.Background(), NewDraft{Text: article(title, date, true, tags...), Derived: derivedFor(title, date, tags...)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}
