package render

import (
	"fmt"
	"strings"
	"testing"
)

func TestFindCJKEmphasisKnownCases(t *testing.T) {
	cases := []struct {
		in, want string // want: the fixed paragraph, or "" for no issue
	}{
		{"Meta围绕的**“超级智能”**展开竞赛。", "Meta围绕的“**超级智能**”展开竞赛。"},
		{"扎克伯格的**“AI工程师”**。", "扎克伯格的“**AI工程师**”。"},
		{"**注意：**正文", "**注意**：正文"},
		{"**「刻舟求剑」**的故事", "「**刻舟求剑**」的故事"},
		{"这是*“单星号”*测试", "这是“*单星号*”测试"},
		{"两处：的**“甲”**与**“乙”**都坏了", "两处：的“**甲**”与“**乙**”都坏了"},
		// Misread pairs: Hugo bolds 计划，扎克伯格的 and leaves the outer markers literal.
		{"扎克伯格的**“AI工程师”**计划，扎克伯格的**“AI工程师”**计划。", "扎克伯格的“**AI工程师**”计划，扎克伯格的“**AI工程师**”计划。"},
		{"**粗体*“斜体”*粗体**的", "**粗体“*斜体*”粗体**的"},
		{"**算力即国力**的结论", ""},
		{"是**公平、透明和可控**？", ""},
		{"（**“超级智能”**）本来就好", ""},
		{"代码里的 `的**“超级智能”**展开` 不算", ""},
		{"转义的\\*\\*“超级智能”\\*\\*不算", ""},
		{"2*3*4 与 a * b", ""},
	}
	for _, c := range cases {
		issues := FindCJKEmphasis([]byte(c.in), Default())
		got := applyIssues(c.in, issues)
		if c.want == "" {
			if len(issues) != 0 {
				t.Errorf("%q: want no issue, got %+v", c.in, issues)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%q: fixed to %q, want %q (issues %+v)", c.in, got, c.want, issues)
		}
	}
}

func TestFindCJKEmphasisEscapedSpace(t *testing.T) {
	cfg := Default()
	cfg.Goldmark.Extensions.CJK.Enable = true
	cfg.Goldmark.Extensions.CJK.EscapedSpace = true
	in := "Meta围绕的**“超级智能”**展开竞赛。"
	issues := FindCJKEmphasis([]byte(in), cfg)
	if got, want := applyIssues(in, issues), `Meta围绕的\ **“超级智能”**\ 展开竞赛。`; got != want {
		t.Fatalf("fixed to %q, want %q", got, want)
	}
	out, err := New(cfg).Render([]byte(applyIssues(in, issues)))
	if err != nil {
		t.Fatal(err)
	}
	if want := "<p>Meta围绕的<strong>“超级智能”</strong>展开竞赛。</p>\n"; string(out) != want {
		t.Fatalf("rendered %q, want %q", out, want)
	}
}

func TestFindCJKEmphasisOffsetsAfterSummaryDivider(t *testing.T) {
	in := "导语。\n\n<!--more-->\n\n的**“超级智能”**展开\n"
	issues := FindCJKEmphasis([]byte(in), Default())
	if len(issues) != 1 || in[issues[0].Start:issues[0].End] != "**“超级智能”**" {
		t.Fatalf("issues %+v", issues)
	}
}

func applyIssues(in string, issues []EmphasisIssue) string {
	var b strings.Builder
	last := 0
	for _, is := range issues {
		b.WriteString(in[last:is.Start])
		b.WriteString(is.Suggestion)
		last = is.End
	}
	b.WriteString(in[last:])
	return b.String()
}

// emphasisCases generates paragraphs around one emphasis span: every combination of what sits
// outside and just inside the markers.
func emphasisCases() []string {
	outerLeft := []string{"", "的", " ", "，", "a", "（", "“"}
	innerLeft := []string{"", "“", "「", "（", "《", "\"", "'", "【"}
	content := []string{"超级智能", "AI工程师", "GPT-4"}
	innerRight := []string{"", "”", "」", "）", "：", "。", "\"", "》", "！"}
	outerRight := []string{"", "展开", "。", " ", "x", "）", "的"}
	var out []string
	for _, marker := range []string{"**", "*"} {
		for _, ol := range outerLeft {
			for _, il := range innerLeft {
				for ci, c := range content {
					for _, ir := range innerRight {
						for oi, or := range outerRight {
							if (ci+oi)%2 == 1 && c != "超级智能" {
								continue // keep the set varied but not cubic in every axis
							}
							out = append(out, "前文"+ol+marker+il+c+ir+marker+or+"后文")
						}
					}
				}
			}
		}
	}
	return out
}

// twoSpanCases joins generated cases two by two in one paragraph, where a broken span can steal
// its neighbour's marker.
func twoSpanCases() []string {
	cases := emphasisCases()
	var out []string
	for i := 0; i+1 < len(cases); i += 7 {
		out = append(out, cases[i]+cases[(i*13+5)%len(cases)])
	}
	return out
}

// TestFindCJKEmphasisTwoSpans: after the fixes, every marker of a two-span paragraph renders.
func TestFindCJKEmphasisTwoSpans(t *testing.T) {
	r := DefaultRenderer()
	var fixed int
	for _, in := range twoSpanCases() {
		issues := FindCJKEmphasis([]byte(in), Default())
		if len(issues) == 0 {
			continue
		}
		fix := applyIssues(in, issues)
		out, err := r.Render([]byte(fix))
		if err != nil {
			t.Fatal(err)
		}
		opened := strings.Count(string(out), "<strong>") + strings.Count(string(out), "<em>")
		if strings.Contains(string(out), "*") || opened != 2 {
			t.Errorf("fix %q of %q renders %q", fix, in, out)
		}
		fixed++
	}
	t.Logf("%d two-span paragraphs, %d fixed", len(twoSpanCases()), fixed)
}

// TestFindCJKEmphasisAgreesWithRenderer: on every generated case the detector reports an issue
// exactly when the renderer prints literal asterisks with punctuation inside, and every fix renders
// as emphasis with no asterisk left.
func TestFindCJKEmphasisAgreesWithRenderer(t *testing.T) {
	escaped := Default()
	escaped.Goldmark.Extensions.CJK.Enable = true
	escaped.Goldmark.Extensions.CJK.EscapedSpace = true
	for _, cfg := range []Config{Default(), escaped} {
		r := New(cfg)
		cases := emphasisCases()
		var literal, fixed int
		for _, in := range cases {
			out, err := r.Render([]byte(in))
			if err != nil {
				t.Fatal(err)
			}
			isLiteral := strings.Contains(string(out), "*")
			issues := FindCJKEmphasis([]byte(in), cfg)
			if !isLiteral {
				if len(issues) != 0 {
					t.Errorf("%q renders as emphasis but was reported: %+v", in, issues)
				}
				continue
			}
			literal++
			if !innerPunct(in) {
				continue
			}
			if len(issues) != 1 {
				t.Errorf("%q renders literally (%q) but got %d issues", in, out, len(issues))
				continue
			}
			fix := applyIssues(in, issues)
			fout, err := r.Render([]byte(fix))
			if err != nil {
				t.Fatal(err)
			}
			tag := "<em>"
			if strings.Contains(in, "**") {
				tag = "<strong>"
			}
			if strings.Contains(string(fout), "*") || !strings.Contains(string(fout), tag) || strings.Contains(string(fout), `\`) {
				t.Errorf("fix %q of %q renders %q", fix, in, fout)
			}
			fixed++
		}
		t.Logf("cjk=%v: %d cases, %d literal, %d fixed and verified", cfg.Goldmark.Extensions.CJK.Enable, len(cases), literal, fixed)
		if fixed == 0 {
			t.Fatal("no case exercised the fix")
		}
	}
}

// innerPunct: the span's first or last inner character is punctuation (what the check is about).
func innerPunct(s string) bool {
	for _, m := range []string{"**", "*"} {
		i := strings.Index(s, m)
		j := strings.LastIndex(s, m)
		if i >= 0 && j > i+len(m) {
			inner := []rune(s[i+len(m) : j])
			return isPunctForTest(inner[0]) || isPunctForTest(inner[len(inner)-1])
		}
	}
	return false
}

func isPunctForTest(r rune) bool {
	return strings.ContainsRune("“「（《\"'【”」）：。》！", r)
}

// GeneratedPage is a generated article for the parity test (which lives in package render_test).
type GeneratedPage struct {
	Name string
	Text []byte
}

// GeneratedEmphasisPages puts the generated emphasis cases, and their fixes, through real Hugo in
// the parity test: Hugo must print the originals exactly as the preview does, and print every fix
// as emphasis.
func GeneratedEmphasisPages() []GeneratedPage {
	fm := "---\ntitle: 强调测试\ndate: 2025-06-27T20:10:05+08:00\ndraft: false\n---\n\n"
	escaped := Default()
	escaped.Goldmark.Extensions.CJK.Enable = true
	escaped.Goldmark.Extensions.CJK.EscapedSpace = true
	var cases, moved, spaced strings.Builder
	for i, in := range append(emphasisCases(), twoSpanCases()...) {
		fmt.Fprintf(&cases, "%s\n\n", in)
		if is := FindCJKEmphasis([]byte(in), Default()); len(is) > 0 && i%3 == 0 {
			fmt.Fprintf(&moved, "%s\n\n", applyIssues(in, is))
		}
		if is := FindCJKEmphasis([]byte(in), escaped); len(is) > 0 && i%3 == 0 {
			fmt.Fprintf(&spaced, "%s\n\n", applyIssues(in, is))
		}
	}
	return []GeneratedPage{
		{Name: "gen-emphasis-cases", Text: []byte(fm + cases.String())},
		{Name: "gen-emphasis-fixed-move", Text: []byte(fm + moved.String())},
		{Name: "gen-emphasis-fixed-escaped", Text: []byte(fm + spaced.String())},
	}
}
