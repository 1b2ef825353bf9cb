package article

import (
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	tests := []struct {
		name                string
		body                string
		han, words, minutes int
	}{
		{"empty", "", 0, 0, 0},
		{"only markup", "### \n\n---\n", 0, 0, 0},
		{"one han", "字", 1, 0, 1},
		{"mixed without spaces", "Meta首席执行官马克·扎克伯格投入600亿美元", 16, 2, 1},
		{"joined words", "state-of-the-art don't 1,000 3.5 D.A. Davidson", 0, 7, 1},
		{"apostrophe at end", "the users' data", 0, 3, 1},
		{"ext A and compatibility", "\u3400\uf900\U00020000", 3, 0, 1},
		{"footnote refs and defs skipped", "正文[^12]。\n\n[^12]: [Title Words Here](https://example.com/a-b)·Outlet（2025/6/27）·检索日期2025/6/27\n", 2, 0, 1},
		{"link text counted, destination not", "见[报道原文](https://example.com/path-to/story \"Title Here\")。", 5, 0, 1},
		{"bare url", "参见https://www.example.com/some-page。以及 www.example.org/x 页面", 6, 0, 1},
		{"html comment", "正文<!-- 不要计数 hidden words -->结束", 4, 0, 1},
		{"code counted", "```go\nfunc main() {}\n```\n", 0, 3, 1},
		{"400 han is one minute", strings.Repeat("字", 400), 400, 0, 1},
		{"401 han is two", strings.Repeat("字", 401), 401, 0, 2},
		{"200 han and 100 words is one", strings.Repeat("字", 200) + strings.Repeat(" word", 100), 200, 100, 1},
		{"combining mark", "cafe\u0301 naïve", 0, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Count([]byte(tt.body))
			if got.Han != tt.han || got.LatinWords != tt.words || got.ReadingMinutes != tt.minutes {
				t.Errorf("Count = %+v, want han %d words %d minutes %d", got, tt.han, tt.words, tt.minutes)
			}
		})
	}
}

func TestCountSeed(t *testing.T) {
	d := mustParse(t, seedArticle(t))
	c := Count(d.Body())
	// The body has about 1,400 Han characters and 70 Latin words (Meta,
	// OpenAI, Llama 4, the quoted English phrases); the citations list, whose
	// English titles would double the word count, is not counted.
	if c.Han < 1300 || c.Han > 1450 || c.LatinWords < 50 || c.LatinWords > 90 || c.ReadingMinutes != 4 {
		t.Errorf("seed counts %+v", c)
	}
}

// hostileBodies are inputs that made naive scanners quadratic; their speed
// is measured by BenchmarkHostileInput, not timed here.
var hostileBodies = []string{strings.Repeat("](", 1<<20), strings.Repeat("<!--", 1<<18), strings.Repeat("`", 1<<20) + "x"}

func TestCountHostileInput(t *testing.T) {
	for _, body := range hostileBodies {
		if c := Count([]byte(body)); c.Han != 0 {
			t.Errorf("%q...: counted %d Han characters in ASCII punctuation", body[:8], c.Han)
		}
		if d := mustParse(t, []byte(body)); len(d.Refs) != 0 || len(d.Defs) != 0 {
			t.Errorf("%q...: found footnotes in %d refs, %d defs", body[:8], len(d.Refs), len(d.Defs))
		}
	}
}
