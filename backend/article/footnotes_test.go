package article

import (
	"fmt"
	"strings"
	"testing"
)

func TestFootnoteScan(t *testing.T) {
	tests := []struct {
		name string
		body string
		refs string // "label@line:col" joined by spaces
		defs string
	}{
		{"plain", "正文[^1]，再引[^2], [^1]。\n", "1@1:3 2@1:10 1@1:16", ""},
		{"definition", "引用[^a]。\n\n[^a]: [标题](https://example.com)·来源（2025/6/27）·检索日期2025/6/27\n", "a@1:3", "a@3:1"},
		{"definition indented three", "   [^1]: 内容\n", "", "1@1:4"},
		{"four spaces is code", "段落\n\n    [^1] 代码\n", "", ""},
		{"code span", "文字`[^1]`和``a ` [^2]``与[^3]\n", "3@1:23", ""},
		{"code span across lines", "文字`开始\n[^1]结束`后[^2]\n", "2@2:9", ""},
		{"unmatched backticks are text", "文字``[^1]\n", "1@1:5", ""},
		{"escaped", "文字\\[^1]与[^2]\n", "2@1:9", ""},
		{"fenced", "```go\n[^1]\n```\n[^2]\n~~~~\n[^3]\n~~~\n~~~~\n", "2@4:1", ""},
		{"fence in list item", "- 条目\n\n  ```\n  [^1]\n  ```\n- [^2]\n", "2@6:3", ""},
		{"list continuation is not code", "- 条目\n\n    续行[^1]\n", "1@3:7", ""},
		{"html comment", "<!--\n[^1]\n-->\n文字<!-- [^2] -->[^3]\n", "3@4:16", ""},
		{"blockquote", "> 引述[^1]\n> [^2]: 定义\n", "1@1:5", "2@2:3"},
		{"heading", "### 小节[^1]\n", "1@1:7", ""},
		{"colon mid line is a ref", "文字[^1]: 不是定义\n", "1@1:3", ""},
		{"blank label", "文字[^ ]与[^]\n", "", ""},
		{"def cites another", "[^1]: 见[^2]\n[^2]: 内容\n", "2@1:8", "1@1:1 2@2:1"},
		{"image form", "![^1]\n", "1@1:2", ""},
		{"label with space", "[^a b]\n", "a b@1:1", ""},
		{"crlf", "文字[^1]\r\n\r\n[^1]: 内容\r\n", "1@1:3", "1@3:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, []byte(tt.body))
			var refs, defs []string
			for _, r := range d.Refs {
				l, c := d.Pos(r.Start)
				refs = append(refs, fmt.Sprintf("%s@%d:%d", r.Label, l, c))
				if got := string(d.Text[r.Start:r.End]); got != "[^"+r.Label+"]" {
					t.Errorf("ref range %q", got)
				}
			}
			for _, df := range d.Defs {
				l, c := d.Pos(df.Start)
				defs = append(defs, fmt.Sprintf("%s@%d:%d", df.Label, l, c))
				if got := string(d.Text[df.LabelStart:df.LabelEnd]); got != df.Label {
					t.Errorf("label range %q", got)
				}
				if string(d.Text[df.ContentStart:df.End]) != df.Content || strings.ContainsAny(df.Content, "\r\n") {
					t.Errorf("content %q", df.Content)
				}
			}
			if got := strings.Join(refs, " "); got != tt.refs {
				t.Errorf("refs %q, want %q", got, tt.refs)
			}
			if got := strings.Join(defs, " "); got != tt.defs {
				t.Errorf("defs %q, want %q", got, tt.defs)
			}
		})
	}
}

func TestFootnotesAfterFrontMatter(t *testing.T) {
	d := mustParse(t, fixture(t, "house.md"))
	var labels []string
	for _, r := range d.Refs {
		labels = append(labels, r.Label)
	}
	if got := strings.Join(labels, ","); got != "2,1,3,3,1,4,5,5,2,6" {
		t.Errorf("refs %s", got)
	}
	if len(d.Defs) != 6 {
		t.Fatalf("defs %d", len(d.Defs))
	}
	for i, df := range d.Defs {
		if df.Label != fmt.Sprint(i+1) || !strings.HasPrefix(df.Content, "[") || !strings.Contains(df.Content, "·检索日期2025/7/") {
			t.Errorf("def %d: %+v", i, df)
		}
	}
}

func TestSeedFootnotes(t *testing.T) {
	d := mustParse(t, seedArticle(t))
	if d.Format != FormatYAML || !d.FMClosed || d.YAMLErr != nil || d.YAML == nil {
		t.Fatalf("front matter: %v %v %v", d.Format, d.FMClosed, d.YAMLErr)
	}
	var got []string
	for _, df := range d.Defs {
		l, c := d.Pos(df.Start)
		got = append(got, fmt.Sprintf("%s@%d:%d", df.Label, l, c))
	}
	if s := strings.Join(got, " "); s != "1@52:1 2@53:1 3@54:1 4@55:1 5@56:1" {
		t.Errorf("defs %s", s)
	}
	got = nil
	for _, r := range d.Refs {
		l, _ := d.Pos(r.Start)
		got = append(got, fmt.Sprintf("%s@%d", r.Label, l))
	}
	if s := strings.Join(got, " "); s != "4@28 2@28 1@30 3@30 1@30 4@32 5@36 5@38 3@40 5@44" {
		t.Errorf("refs %s", s)
	}
	if tags, ok := d.List("tags"); !ok || len(tags) != 8 || tags[0] != "AI军备竞赛" {
		t.Errorf("tags %q", tags)
	}
	if title, ok := d.String("title"); !ok || !strings.HasPrefix(title, "Meta的AI") {
		t.Errorf("title %q", title)
	}
}

// hugeParagraph is one paragraph of many lines, each citing a footnote: the
// shape that made reference offsets quadratic (see BenchmarkParseHugeParagraph).
func hugeParagraph(lines int) string {
	return "---\ntitle: 长段落\n---\n\n" + strings.Repeat("文字，**强调**的“**引号**”[^1]。\n", lines)
}

func TestFootnotesInOneHugeParagraph(t *testing.T) {
	const lines = 40000
	text := hugeParagraph(lines)
	doc, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Refs) != lines {
		t.Fatalf("found %d references, want %d", len(doc.Refs), lines)
	}
	last := doc.Refs[lines-1]
	if got := text[last.Start:last.End]; got != "[^1]" {
		t.Fatalf("last reference spans %q", got)
	}
	if line, _ := doc.Pos(last.Start); line != 4+lines {
		t.Fatalf("last reference on line %d, want %d", line, 4+lines)
	}
}
