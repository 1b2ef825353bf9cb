package library

import (
	"strings"
	"testing"
	"time"
)

func TestDeriveReferenceArticle(t *testing.T) {
	text := seedArticle(t)
	l := newLibrary(t)
	d := l.derive(text)
	if !strings.HasPrefix(d.Title, "Meta的AI“豪赌”") || d.Date != "2025-06-27T20:10:05+08:00" || d.DateSort != "2025-06-27T12:10:05Z" {
		t.Errorf("title %q date %q sort %q", d.Title, d.Date, d.DateSort)
	}
	if d.Draft || len(d.Tags) != 8 || len(d.Topics) != 3 || d.Slug == "" {
		t.Errorf("draft %v tags %v topics %v slug %q", d.Draft, d.Tags, d.Topics, d.Slug)
	}
	if len(d.Citations) != 5 {
		t.Fatalf("%d citations", len(d.Citations))
	}
	// The counts are the check's: the reference article is clean.
	if d.Errors != 0 || d.Warnings != 0 {
		t.Errorf("errors %d warnings %d, want none", d.Errors, d.Warnings)
	}
	c := d.Citations[0]
	if !c.HouseStyle || c.Label != "1" || c.Outlet != "The New York Times" || strings.Join(c.Authors, "|") != "Mike Isaac|Cade Metz" ||
		c.Published != "2025/6/27" || c.Retrieved != "2025/6/27" || c.Line != 52 {
		t.Errorf("first citation: %+v", c)
	}
	if c.NormURL != "https://www.nytimes.com/2025/06/27/technology/mark-zuckerberg-meta-ai.html" {
		t.Errorf("norm url %q", c.NormURL)
	}
}

func TestDeriveOddInput(t *testing.T) {
	l := newLibrary(t)
	d := l.derive([]byte(houseArticle("测试", true)))
	if d.Errors != 0 || d.Warnings != 1 { // citation.format on [^2]
		t.Errorf("house article: errors %d warnings %d", d.Errors, d.Warnings)
	}
	if !d.Draft || d.Citations[1].HouseStyle || d.Citations[1].URL != "https://example.org/chips" || d.Citations[0].NormURL != "https://example.com/a" {
		t.Errorf("%+v", d)
	}
	if d := l.derive([]byte("no front matter at all")); d.Title != "" || d.Draft || d.Errors != 1 { // frontmatter.missing
		t.Errorf("plain text: %+v", d)
	}
	if d := l.derive([]byte("bin\x00ary")); d.Errors != 1 {
		t.Errorf("binary: %+v", d)
	}
	if d := l.derive([]byte("---\ntitle: [unclosed\n---\n")); d.Title != "" {
		t.Errorf("bad yaml: %+v", d)
	}
	for _, c := range []struct {
		flag  string
		draft bool
	}{{"true", true}, {"yes", false}, {`"true"`, true}, {"false", false}} {
		if d := l.derive([]byte("---\ndraft: " + c.flag + "\n---\n")); d.Draft != c.draft {
			t.Errorf("draft: %s read as %v, Hugo reads %v", c.flag, d.Draft, c.draft)
		}
	}
}

func TestSortableDate(t *testing.T) {
	sh, _ := time.LoadLocation("Asia/Shanghai")
	for in, want := range map[string]string{
		"2025-06-27T20:10:05+08:00": "2025-06-27T12:10:05Z",
		"2025-06-27T20:10:05Z":      "2025-06-27T20:10:05Z",
		"2025-06-27T20:10:05":       "2025-06-27T12:10:05Z", // read in the profile's zone
		"2025-06-27":                "2025-06-26T16:00:00Z",
		"昨天":                        "",
		"":                          "",
	} {
		if got := sortableDate(in, sh); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Meta的AI“豪赌”：扎克伯格的超万亿投入": "meta的ai-豪赌-扎克伯格的超万亿投入",
		"人工智能":          "人工智能",
		"Hello, World!": "hello-world",
		"  ——  ":        "",
		"":              "",
		"a/../b":        "a-b",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	if n := len([]rune(Slug(strings.Repeat("长", 200)))); n > maxSlugRunes {
		t.Errorf("slug of %d runes", n)
	}
}

func TestNormalizeURL(t *testing.T) {
	for in, want := range map[string]string{
		"HTTPS://Example.COM:443/Path?q=1#frag": "https://example.com/Path?q=1",
		"http://example.com:80":                 "http://example.com/",
		"https://example.com:8443/a":            "https://example.com:8443/a",
		" https://example.com/a ":               "https://example.com/a",
		"ftp://example.com/a":                   "ftp://example.com/a",
		"不是链接":                                  "不是链接",
	} {
		if got := NormalizeURL(in); got != want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", in, got, want)
		}
	}
}
