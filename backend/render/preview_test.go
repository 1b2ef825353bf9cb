package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fixtureBodies(t *testing.T) map[string][]byte {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("testdata", "parity", "*.md"))
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = stripFrontMatter(b)
	}
	if len(out) == 0 {
		t.Fatal("no fixtures")
	}
	return out
}

// stripFrontMatter is enough for the fixtures, which all open with a closed YAML block.
func stripFrontMatter(b []byte) []byte {
	s := string(b)
	nl := "\n"
	if strings.HasPrefix(s, "---\r\n") {
		nl = "\r\n"
	}
	if i := strings.Index(s[3:], nl+"---"+nl); i >= 0 {
		return b[3+i+len(nl+"---"+nl):]
	}
	return b
}

func TestPreviewHTMLIsRenderOutput(t *testing.T) {
	for _, cfg := range []Config{Default(), escapedSpaceUnsafe()} {
		r := New(cfg)
		for name, body := range fixtureBodies(t) {
			want, err := r.Render(body)
			if err != nil {
				t.Fatal(err)
			}
			p, err := r.Preview(body)
			if err != nil {
				t.Fatal(err)
			}
			if p.HTML != string(want) {
				t.Errorf("%s: Preview.HTML differs from Render", name)
			}
			last := -1
			for _, b := range p.Blocks {
				if b.HTMLStart < 0 || b.HTMLEnd > len(p.HTML) || b.HTMLStart > b.HTMLEnd {
					t.Errorf("%s: bad block range %+v", name, b)
				}
				if b.Element >= 0 {
					if b.Element <= last {
						t.Errorf("%s: element indexes not increasing: %+v", name, p.Blocks)
					}
					last = b.Element
					if !strings.HasPrefix(p.HTML[b.HTMLStart:], "<") {
						t.Errorf("%s: block does not start at a tag: %q", name, p.HTML[b.HTMLStart:min(len(p.HTML), b.HTMLStart+20)])
					}
				}
			}
		}
	}
}

func escapedSpaceUnsafe() Config {
	c := Default()
	c.Goldmark.Extensions.CJK.Enable = true
	c.Goldmark.Extensions.CJK.EscapedSpace = true
	c.Goldmark.Renderer.Unsafe = true
	return c
}

func TestPreviewFootnotesNumberedByFirstCitation(t *testing.T) {
	body := fixtureBodies(t)["footnotes.md"]
	p, err := DefaultRenderer().Preview(body)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range p.Footnotes {
		got = append(got, f.Label+"="+f.ID+"/"+strings.Join(f.RefIDs, ","))
	}
	want := []string{
		"4=fn:1/fnref:1,fnref1:1,fnref2:1",
		"2=fn:2/fnref:2,fnref1:2",
		"1=fn:3/fnref:3,fnref1:3",
		"note=fn:4/fnref:4",
		"3=fn:5/fnref:5",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("footnotes\n got %v\nwant %v", got, want)
	}
	for _, f := range p.Footnotes {
		if f.Line == 0 || !strings.HasPrefix(lineOf(body, f.Line), "[^"+f.Label+"]:") {
			t.Errorf("footnote %s: line %d is %q", f.Label, f.Line, lineOf(body, f.Line))
		}
	}
}

func TestPreviewHeadings(t *testing.T) {
	body := fixtureBodies(t)["headings.md"]
	p, err := DefaultRenderer().Preview(body)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"激进投入一场超智能豪赌":   "激进投入：一场“超智能”豪赌",
		"激进投入一场超智能豪赌-1": "激进投入：一场“超智能”豪赌",
		"ai-与芯片-2025":   "AI 与芯片 2025",
		"ai-与芯片-2025-1": "AI 与芯片 2025",
		"custom-id":     "标题",
		"custom-id-1":   "custom-id",
	}
	found := map[string]bool{}
	for _, h := range p.Headings {
		if text, ok := want[h.ID]; ok {
			found[h.ID] = true
			if h.Text != text {
				t.Errorf("heading %s: text %q, want %q", h.ID, h.Text, text)
			}
		}
		if h.Line == 0 || !strings.Contains(lineOf(body, h.Line)+lineOf(body, h.Line+1)+lineOf(body, h.Line+2), firstRunes(h.Text, 2)) {
			t.Errorf("heading %q: line %d is %q", h.Text, h.Line, lineOf(body, h.Line))
		}
	}
	for id := range want {
		if !found[id] {
			t.Errorf("no heading with id %q in %+v", id, p.Headings)
		}
	}
}

func TestPreviewAnchorsAfterSummaryDivider(t *testing.T) {
	body := []byte("导语。\n\n<!--more-->\n\n## 正文\n\n段落。\n")
	p, err := DefaultRenderer().Preview(body)
	if err != nil {
		t.Fatal(err)
	}
	if want := "<p>导语。</p>\n<h2 id=\"正文\">正文</h2>\n<p>段落。</p>"; p.HTML != want {
		t.Fatalf("HTML %q", p.HTML)
	}
	var lines []int
	var elems []int
	for _, b := range p.Blocks {
		lines = append(lines, b.Line)
		elems = append(elems, b.Element)
	}
	if got := []int{1, 3, 5, 7}; !equalInts(lines, got) {
		t.Errorf("lines %v, want %v", lines, got)
	}
	if got := []int{0, -1, 1, 2}; !equalInts(elems, got) {
		t.Errorf("elements %v, want %v", elems, got)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func lineOf(b []byte, line int) string {
	lines := strings.Split(string(b), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	return lines[line-1]
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// One Renderer serves the editor and the checks at once: concurrent renders must not mix state.
// Highlighted code is left out: Chroma gives each regexp match 250 ms, and under the race detector
// on a loaded machine a match can time out and print an error token (Hugo would too).
func TestRendererConcurrentUse(t *testing.T) {
	r := New(Default())
	bodies := fixtureBodies(t)
	for name, body := range bodies {
		if strings.Contains(string(body), "```") || strings.Contains(string(body), "~~~") {
			delete(bodies, name)
		}
	}
	want := map[string]string{}
	for name, body := range bodies {
		out, err := r.Render(body)
		if err != nil {
			t.Fatal(err)
		}
		want[name] = string(out)
	}
	errs := make(chan string, 64)
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := 0; i < 5; i++ {
				for name, body := range bodies {
					out, err := r.Render(body)
					if err != nil || string(out) != want[name] {
						errs <- fmt.Sprintf("%s: err %v\n%s", name, err, firstDifference(want[name], string(out)))
						return
					}
					if p, err := r.Preview(body); err != nil || p.HTML != want[name] {
						errs <- fmt.Sprintf("%s (preview): err %v\n%s", name, err, firstDifference(want[name], p.HTML))
						return
					}
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for msg := range errs {
		t.Errorf("concurrent render differs: %s", msg)
	}
}

func firstDifference(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("at byte %d:\nwant …%q\n got …%q", i, want[from:min(len(want), i+80)], got[from:min(len(got), i+80)])
}
