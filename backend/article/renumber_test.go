package article

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestRenumber(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"already in order", "甲[^1]乙[^2]\n\n[^1]: 一\n[^2]: 二\n", "甲[^1]乙[^2]\n\n[^1]: 一\n[^2]: 二\n"},
		{"by first citation", "甲[^2]乙[^1]丙[^2]\n\n[^1]: 一\n[^2]: 二\n", "甲[^1]乙[^2]丙[^1]\n\n[^1]: 二\n[^2]: 一\n"},
		{"names become numbers", "a[^x] b[^y]\n\n[^y]: Y\n[^x]: X\n", "a[^1] b[^2]\n\n[^1]: X\n[^2]: Y\n"},
		{"unused after cited, in their order", "[^b]\n\n[^c]: C\n[^b]: B\n[^a]: A\n", "[^1]\n\n[^1]: B\n[^2]: C\n[^3]: A\n"},
		{"undefined ref gets a number", "[^x][^1]\n\n[^1]: 一\n", "[^1][^2]\n\n[^2]: 一\n"},
		{"code is not a citation", "`[^2]` [^2]\n\n```\n[^2]\n```\n\n[^2]: 二\n", "`[^2]` [^1]\n\n```\n[^2]\n```\n\n[^1]: 二\n"},
		{"continued definition is not moved", "[^2][^1]\n\n[^1]: 一\n[^2]: 二\n    续\n", "[^1][^2]\n\n[^2]: 一\n[^1]: 二\n    续\n"},
		{"crlf and no final newline", "[^2][^1]\r\n\r\n[^1]: 一\r\n[^2]: 二", "[^1][^2]\r\n\r\n[^1]: 二\r\n[^2]: 一"},
		{"separate blocks sorted separately", "[^3][^2][^1]\n\n[^1]: 一\n\n[^3]: 三\n[^2]: 二\n", "[^1][^2][^3]\n\n[^3]: 一\n\n[^1]: 三\n[^2]: 二\n"},
		{"duplicate definitions stay together", "[^b][^a]\n\n[^a]: A1\n[^a]: A2\n[^b]: B\n", "[^1][^2]\n\n[^1]: B\n[^2]: A1\n[^2]: A2\n"},
		{"front matter untouched", "---\ntitle: \"[^2]\"\n---\n[^2]\n\n[^2]: 二\n", "---\ntitle: \"[^2]\"\n---\n[^1]\n\n[^1]: 二\n"},
		{"no footnotes", "正文\n", "正文\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Renumber([]byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			again, _ := Renumber(got)
			if !bytes.Equal(again, got) {
				t.Errorf("not idempotent: %q", again)
			}
		})
	}
}

func TestRenumberSeed(t *testing.T) {
	text := seedArticle(t)
	got, err := Renumber(text)
	if err != nil {
		t.Fatal(err)
	}
	// Hugo shows [^4] as 1, [^2] as 2, [^1] as 3, [^3] as 4, [^5] as 5.
	before, after := mustParse(t, text), mustParse(t, got)
	newLabel := map[string]string{"4": "1", "2": "2", "1": "3", "3": "4", "5": "5"}
	if len(after.Refs) != len(before.Refs) {
		t.Fatalf("refs %d -> %d", len(before.Refs), len(after.Refs))
	}
	for i, r := range before.Refs {
		a := after.Refs[i]
		bl, _ := before.Pos(r.Start)
		al, _ := after.Pos(a.Start)
		if a.Label != newLabel[r.Label] || al != bl {
			t.Errorf("ref %d: [^%s] line %d -> [^%s] line %d", i, r.Label, bl, a.Label, al)
		}
	}
	content := map[string]string{}
	for _, df := range before.Defs {
		content[newLabel[df.Label]] = df.Content
	}
	for i, df := range after.Defs {
		if df.Label != itoa(i+1) || df.Content != content[df.Label] {
			t.Errorf("def %d: [^%s] %.30q", i, df.Label, df.Content)
		}
	}
	// Only the lines with references and the citations block change.
	changed := map[int]bool{28: true, 30: true, 32: true, 40: true, 52: true, 54: true, 55: true}
	b, a := splitLines(text), splitLines(got)
	if len(a) != len(b) {
		t.Fatalf("line count %d -> %d", len(b), len(a))
	}
	for i := range b {
		if (a[i] != b[i]) != changed[i+1] {
			t.Errorf("line %d changed=%v", i+1, a[i] != b[i])
		}
	}
}

func TestReplaceDefinition(t *testing.T) {
	text := fixture(t, "house.md")
	d := mustParse(t, text)
	target := d.Defs[2]
	newContent := strings.Replace(target.Content, "检索日期2025/7/2", "检索日期2025/7/3", 1)
	got, err := ReplaceDefinition(text, "3", newContent)
	if err != nil {
		t.Fatal(err)
	}
	want := append(append(append([]byte{}, text[:target.ContentStart]...), newContent...), text[target.End:]...)
	if !bytes.Equal(got, want) {
		t.Errorf("ReplaceDefinition changed more than the content")
	}
	if got, _ := ReplaceDefinition([]byte("[^1]:\n"), "1", "内容"); string(got) != "[^1]: 内容\n" {
		t.Errorf("empty definition: %q", got)
	}
	if _, err := ReplaceDefinition(text, "9", "x"); !errors.Is(err, ErrNoDefinition) {
		t.Errorf("missing label: %v", err)
	}
	if _, err := ReplaceDefinition(text, "1", "a\nb"); !errors.Is(err, ErrMultilineContent) {
		t.Errorf("multi-line: %v", err)
	}
}
