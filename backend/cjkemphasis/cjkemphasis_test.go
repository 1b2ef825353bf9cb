package cjkemphasis_test

import (
	"strings"
	"testing"

	"copydesk/backend/cjkemphasis"
	"copydesk/backend/internal/testfixtures"
	"copydesk/backend/render"
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
		issues := cjkemphasis.Find([]byte(c.in), render.Default())
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
	cfg := render.Default()
	cfg.Goldmark.Extensions.CJK.Enable = true
	cfg.Goldmark.Extensions.CJK.EscapedSpace = true
	in := "Meta围绕的**“超级智能”**展开竞赛。"
	issues := cjkemphasis.Find([]byte(in), cfg)
	if got, want := applyIssues(in, issues), `Meta围绕的\ **“超级智能”**\ 展开竞赛。`; got != want {
		t.Fatalf("fixed to %q, want %q", got, want)
	}
	out, err := render.New(cfg).Render([]byte(applyIssues(in, issues)))
	if err != nil {
		t.Fatal(err)
	}
	if want := "<p>Meta围绕的<strong>“超级智能”</strong>展开竞赛。</p>\n"; string(out) != want {
		t.Fatalf("rendered %q, want %q", out, want)
	}
}

func TestFindCJKEmphasisOffsetsAfterSummaryDivider(t *testing.T) {
	in := "导语。\n\n<!--more-->\n\n的**“超级智能”**展开\n"
	issues := cjkemphasis.Find([]byte(in), render.Default())
	if len(issues) != 1 || in[issues[0].Start:issues[0].End] != "**“超级智能”**" {
		t.Fatalf("issues %+v", issues)
	}
}

func applyIssues(in string, issues []cjkemphasis.Issue) string {
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

// TestFindCJKEmphasisTwoSpans: after the fixes, every marker of a two-span paragraph renders.
func TestFindCJKEmphasisTwoSpans(t *testing.T) {
	r := render.DefaultRenderer()
	var fixed int
	for _, in := range testfixtures.TwoSpanCases() {
		issues := cjkemphasis.Find([]byte(in), render.Default())
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
	t.Logf("%d two-span paragraphs, %d fixed", len(testfixtures.TwoSpanCases()), fixed)
}

// TestFindCJKEmphasisAgreesWithRenderer: on every generated case the detector reports an issue
// exactly when the renderer prints literal asterisks with punctuation inside, and every fix renders
// as emphasis with no asterisk left.
func TestFindCJKEmphasisAgreesWithRenderer(t *testing.T) {
	escaped := render.Default()
	escaped.Goldmark.Extensions.CJK.Enable = true
	escaped.Goldmark.Extensions.CJK.EscapedSpace = true
	for _, cfg := range []render.Config{render.Default(), escaped} {
		r := render.New(cfg)
		cases := testfixtures.EmphasisCases()
		var literal, fixed int
		for _, in := range cases {
			out, err := r.Render([]byte(in))
			if err != nil {
				t.Fatal(err)
			}
			isLiteral := strings.Contains(string(out), "*")
			issues := cjkemphasis.Find([]byte(in), cfg)
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
