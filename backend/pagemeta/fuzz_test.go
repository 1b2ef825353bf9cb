package pagemeta

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract feeds arbitrary bytes, content types and URLs to Extract. A
// panic inside Extract is turned into an "internal error" by its recover,
// so that error fails the fuzz run as a panic would; every page returned
// must keep the documented limits.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err == nil {
			f.Add(b, "text/html", "https://www.example.com/2025/06/27/story.html")
		}
	}
	f.Add([]byte(`<html><head><meta charset="gb2312"><title>标题_频道_网站</title></head><body>来源：新华社 责任编辑：李四</body></html>`), "text/html; charset=gbk", "https://news.qq.com/a/20250628A01")
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":["NewsArticle"],"author":{"@id":"#p"}},{"@id":"#p","name":["A","B"]}]}</script>`), "", "")
	f.Add([]byte("\xff\xfe<\x00h\x00"), "text/html; charset=utf-16", "http://[::1]:80/%zz")
	f.Add([]byte(strings.Repeat("<div>", 3000)), "text/html", "https://example.com/")
	f.Fuzz(func(t *testing.T, body []byte, contentType, pageURL string) {
		p, err := Extract(body, contentType, pageURL, Options{MaxBytes: 1 << 20})
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatal(err)
			}
			return
		}
		if len(p.Text) > MaxTextBytes {
			t.Fatalf("text %d bytes > cap", len(p.Text))
		}
		for _, s := range append([]string{p.Title, p.Outlet, p.Text, p.Language, p.Canonical}, p.Authors...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output: %q", s)
			}
		}
		if p.Published != nil && !p.Published.Valid() {
			t.Fatalf("published %v is not a day", *p.Published)
		}
		switch p.Wall {
		case "", WallBot, WallConsent, WallPaywall:
		default:
			t.Fatalf("wall %q", p.Wall)
		}
		if p.Charset == "" {
			t.Fatal("no charset")
		}
	})
}
