package library

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"copydesk/backend/refarticle"

	"copydesk/backend/store"
)

var ctx = context.Background()

// fixedNow is the clock of every test library: 2025-06-28 10:00 in Shanghai.
var fixedNow = time.Date(2025, 6, 28, 2, 0, 0, 0, time.UTC)

func newLibrary(t testing.TB) *Library {
	t.Helper()
	l, err := Open(filepath.Join(t.TempDir(), "library.db"), Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// houseArticle is a short article in house style.
func houseArticle(title string, draft bool) string {
	d := "false"
	if draft {
		d = "true"
	}
	return "---\ntitle: " + title + "\ndate: 2025-06-27T20:10:05+08:00\ndraft: " + d + "\nfeatured_image: images/a.png\n" +
		"summary: 这是一篇关于算力的分析文章。\ntags: \n  - 数据中心\n  - 芯片\nmain_topics: \n  - 算力与芯片\n---\n\n" +
		"> 算力竞赛正在升温。\n\n### 背景\n\n各大公司加码数据中心[^1]，芯片供应依旧紧张[^2]。\n\n## 引文部分\n\n" +
		"[^1]: [Data centers boom](https://Example.com/a#top)·Example News·Ann Lee, Bo Chen（2025/6/20）·检索日期2025/6/27\n" +
		"[^2]: 一条不合规范的引文 https://example.org/chips 没有格式\n"
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// seedArticle is the reference article, when the shared folder is present.
func seedArticle(t testing.TB) []byte { return refarticle.Read(t) }

func hashOf(s string) string { return store.Hash([]byte(s)) }
