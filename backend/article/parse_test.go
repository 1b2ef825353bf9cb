package article

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
)

func TestParseReadErrors(t *testing.T) {
	tests := []struct {
		name      string
		text      []byte
		want      error
		line, col int
		offset    int
	}{
		{"nul byte", []byte("---\ntitle: 标题\n---\nab\x00c"), ErrBinary, 4, 3, 24},
		{"invalid utf8", []byte("---\ntitle: 标\xff\n"), ErrInvalidUTF8, 2, 9, 14},
		{"truncated rune at end", []byte("正文\xe6\xad"), ErrInvalidUTF8, 1, 3, 6},
		{"too large", bytes.Repeat([]byte("a"), MaxSize+1), ErrTooLarge, 0, 0, MaxSize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.text)
			var re *ReadError
			if !errors.As(err, &re) || !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want ReadError wrapping %v", err, tt.want)
			}
			if re.Line != tt.line || re.Column != tt.col || re.Offset != tt.offset {
				t.Errorf("at %d:%d offset %d, want %d:%d offset %d", re.Line, re.Column, re.Offset, tt.line, tt.col, tt.offset)
			}
		})
	}
	if _, err := Parse(bytes.Repeat([]byte("a"), MaxSize)); err != nil {
		t.Errorf("exactly MaxSize refused: %v", err)
	}
}

func TestParseSplit(t *testing.T) {
	tests := []struct {
		name              string
		text              string
		format            Format
		closed, bom       bool
		newline, fm, body string
		yamlErrLine       int // 0: no error
	}{
		{"empty", "", FormatNone, false, false, "\n", "", "", 0},
		{"no front matter", "正文第一段。\n", FormatNone, false, false, "\n", "", "正文第一段。\n", 0},
		{"yaml", "---\ntitle: 标题\n---\n正文\n", FormatYAML, true, false, "\n", "title: 标题\n", "正文\n", 0},
		{"bom crlf", "\ufeff---\r\ntitle: 标题\r\n---\r\n正文\r\n", FormatYAML, true, true, "\r\n", "title: 标题\r\n", "正文\r\n", 0},
		{"blank lines before", "\n  \n---\ntitle: 标题\n---\n", FormatYAML, true, false, "\n", "title: 标题\n", "", 0},
		{"closing at eof", "---\ntitle: 标题\n---", FormatYAML, true, false, "\n", "title: 标题\n", "", 0},
		{"delimiter trailing space", "--- \ntitle: 标题\n---  \n正文", FormatYAML, true, false, "\n", "title: 标题\n", "正文", 0},
		{"empty yaml", "---\n---\n正文\n", FormatYAML, true, false, "\n", "", "正文\n", 0},
		{"unclosed", "---\ntitle: 标题\n正文\n", FormatYAML, false, false, "\n", "title: 标题\n正文\n", "", 1},
		{"only opening", "---", FormatYAML, false, false, "\n", "", "", 1},
		{"toml", "+++\ntitle = \"标题\"\n+++\n正文\n", FormatTOML, true, false, "\n", "title = \"标题\"\n", "正文\n", 0},
		{"json", "{\n  \"title\": \"}{\\\"\"\n}\n正文\n", FormatJSON, true, false, "\n", "{\n  \"title\": \"}{\\\"\"\n}", "正文\n", 0},
		{"json unclosed", "{\"a\": 1\n", FormatJSON, false, false, "\n", "{\"a\": 1\n", "", 0},
		{"yaml syntax", "---\ntitle: 标题\ntags: [a, b\n---\n正文\n", FormatYAML, true, false, "\n", "title: 标题\ntags: [a, b\n", "正文\n", 3},
		{"scanner error", "---\ndraft: true\ntitle: a: b\n---\n", FormatYAML, true, false, "\n", "draft: true\ntitle: a: b\n", "", 3},
		{"parser error on first line", "---\n- a\nb: c\n---\n", FormatYAML, true, false, "\n", "- a\nb: c\n", "", 3},
		{"not a mapping", "---\n- a\n- b\n---\n", FormatYAML, true, false, "\n", "- a\n- b\n", "", 2},
		{"duplicate key", "---\ntitle: a\ndraft: true\ntitle: b\n---\n", FormatYAML, true, false, "\n", "title: a\ndraft: true\ntitle: b\n", "", 4},
		{"thematic break is not front matter", "----\n正文\n", FormatNone, false, false, "\n", "", "----\n正文\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := []byte(tt.text)
			d := mustParse(t, text)
			if d.Format != tt.format || d.FMClosed != tt.closed || d.HasBOM != tt.bom || d.Newline != tt.newline {
				t.Errorf("format %v closed %v bom %v newline %q", d.Format, d.FMClosed, d.HasBOM, d.Newline)
			}
			if got := string(d.FrontMatter()); got != tt.fm {
				t.Errorf("front matter %q, want %q", got, tt.fm)
			}
			if got := string(d.Body()); got != tt.body {
				t.Errorf("body %q, want %q", got, tt.body)
			}
			joined := string(text[:d.FMStart]) + string(d.FrontMatter()) + string(text[d.FMEnd:])
			if joined != tt.text || d.FMStart > d.FMEnd || d.FMEnd > d.BodyStart {
				t.Errorf("split does not join back: %d %d %d", d.FMStart, d.FMEnd, d.BodyStart)
			}
			switch {
			case tt.yamlErrLine == 0 && d.YAMLErr != nil:
				t.Errorf("unexpected YAMLErr %v", d.YAMLErr)
			case tt.yamlErrLine != 0 && (d.YAMLErr == nil || d.YAMLErr.Line != tt.yamlErrLine):
				t.Errorf("YAMLErr %v, want line %d", d.YAMLErr, tt.yamlErrLine)
			case tt.yamlErrLine != 0 && d.YAML != nil:
				t.Errorf("YAML set despite error")
			}
		})
	}
}

func TestPos(t *testing.T) {
	text := []byte("\ufeff---\r\ntitle: 算力\r\n---\r\n正文[^1]\n")
	d := mustParse(t, text)
	tests := []struct{ offset, line, col int }{
		{0, 1, 1}, {3, 1, 1}, {4, 1, 2}, {8, 2, 1}, {15, 2, 8}, {18, 2, 9},
		{len(text), 5, 1}, {len(text) + 9, 5, 1}, {-1, 1, 1},
	}
	for _, tt := range tests {
		if l, c := d.Pos(tt.offset); l != tt.line || c != tt.col {
			t.Errorf("Pos(%d) = %d:%d, want %d:%d", tt.offset, l, c, tt.line, tt.col)
		}
	}
	for _, off := range []int{3, 8, 15, 18, 28, 34} {
		l, c := d.Pos(off)
		if got := d.Offset(l, c); got != off {
			t.Errorf("Offset(Pos(%d)) = %d", off, got)
		}
	}
	f, ok := d.Field("title")
	if !ok || f.Line != 2 || f.Column != 8 || string(text[f.ValueStart:f.ValueEnd]) != "算力" {
		t.Errorf("title field %+v", f)
	}
	if len(d.Refs) != 1 || d.Refs[0].Start != 34 {
		t.Fatalf("refs %+v", d.Refs)
	}
	if l, c := d.Pos(d.Refs[0].Start); l != 4 || c != 3 {
		t.Errorf("ref at %d:%d", l, c)
	}
}

func TestFieldsStringList(t *testing.T) {
	text := []byte(`---
title: "算力 # 不是注释"   # 注释
date: 2025-07-03T09:30:00+08:00
draft: false
summary:
empty_quoted: ''
tags: [GPU, '数据中心', "云计算"]
main_topics:
  - 算力与芯片   # 第一项
  # 中间的注释
  - 产业生态与商业版图
anchor: &a 共享值
alias: *a
mixed: [a, [b]]
folded: >-
  第一行
  第二行

after: x
---
`)
	d := mustParse(t, text)
	if d.YAMLErr != nil {
		t.Fatal(d.YAMLErr)
	}
	strs := map[string]string{"title": "算力 # 不是注释", "date": "2025-07-03T09:30:00+08:00", "draft": "false",
		"empty_quoted": "", "alias": "共享值", "folded": "第一行 第二行", "after": "x"}
	for k, want := range strs {
		if got, ok := d.String(k); !ok || got != want {
			t.Errorf("String(%s) = %q %v, want %q", k, got, ok, want)
		}
	}
	for _, k := range []string{"summary", "tags", "missing"} {
		if _, ok := d.String(k); ok {
			t.Errorf("String(%s) ok", k)
		}
	}
	lists := map[string]string{"tags": "GPU|数据中心|云计算", "main_topics": "算力与芯片|产业生态与商业版图"}
	for k, want := range lists {
		if got, ok := d.List(k); !ok || strings.Join(got, "|") != want {
			t.Errorf("List(%s) = %q %v", k, got, ok)
		}
	}
	for _, k := range []string{"mixed", "title", "summary"} {
		if _, ok := d.List(k); ok {
			t.Errorf("List(%s) ok", k)
		}
	}
	sources := map[string]string{
		"title":       `"算力 # 不是注释"`,
		"summary":     ``,
		"main_topics": "- 算力与芯片   # 第一项\n  # 中间的注释\n  - 产业生态与商业版图",
		"folded":      ">-\n  第一行\n  第二行",
		"alias":       "*a",
		"anchor":      "共享值",
	}
	for k, want := range sources {
		f, _ := d.Field(k)
		if got := string(text[f.ValueStart:f.ValueEnd]); got != want {
			t.Errorf("source of %s = %q, want %q", k, got, want)
		}
	}
	if got := strings.Join(d.Keys(), ","); got != "title,date,draft,summary,empty_quoted,tags,main_topics,anchor,alias,mixed,folded,after" {
		t.Errorf("keys %s", got)
	}
}

func TestYAMLBounds(t *testing.T) {
	bomb := "a: &a [x,x,x,x,x,x,x,x,x]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += name + ": &" + name + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n"
		prev = name
	}
	manyAliases := "a: &a x\nl: [" + strings.Repeat("*a, ", MaxYAMLAliases+5) + "*a]\n"
	deepFlow := "a: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n"
	var deepBlock strings.Builder
	for i := 0; i < MaxYAMLDepth+10; i++ {
		deepBlock.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	deepSeq := "a:\n  " + strings.Repeat("- ", 3000) + "x\n"
	tests := []struct {
		name, yaml string
		wantErr    string
	}{
		{"billion laughs", bomb, ""}, // 81 aliases: allowed, but never expanded
		{"too many aliases", manyAliases, "aliases"},
		{"deep flow", deepFlow, "nested deeper"},
		{"deep block", deepBlock.String(), "nested deeper"},
		{"deep compact sequences", deepSeq, "nested deeper"},
		{"large front matter", "a: " + strings.Repeat("x", MaxFrontMatterSize) + "\n", "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := []byte("---\n" + tt.yaml + "---\n正文\n")
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			d := mustParse(t, text)
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(8*len(text))+4<<20 {
				t.Errorf("allocated %d bytes for %d bytes of input", alloc, len(text))
			}
			if (d.YAMLErr != nil) != (tt.wantErr != "") || d.YAMLErr != nil && !strings.Contains(d.YAMLErr.Msg, tt.wantErr) {
				t.Errorf("YAMLErr = %v, want %q", d.YAMLErr, tt.wantErr)
			}
			if d.YAMLErr != nil && (d.YAMLErr.Line < 2 || d.YAML != nil) {
				t.Errorf("error %v not positioned in the front matter or YAML kept", d.YAMLErr)
			}
		})
	}
}

func TestFlowFrontMatterFields(t *testing.T) {
	text := []byte("---\n{title: 标题, tags: [a, b],\n draft: true, summary: }\n---\n正文\n")
	d := mustParse(t, text)
	if d.YAMLErr != nil {
		t.Fatal(d.YAMLErr)
	}
	want := map[string]string{"title": "标题", "tags": "[a, b]", "draft": "true", "summary": ""}
	for k, w := range want {
		f, ok := d.Field(k)
		if !ok || string(text[f.ValueStart:f.ValueEnd]) != w {
			t.Errorf("%s: %q", k, text[f.ValueStart:f.ValueEnd])
		}
	}
	if tags, ok := d.List("tags"); !ok || strings.Join(tags, ",") != "a,b" {
		t.Errorf("tags %q", tags)
	}
}
