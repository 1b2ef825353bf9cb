package render_test

import (
	"fmt"
	"strings"

	"copydesk/backend/cjkemphasis"
	"copydesk/backend/internal/testfixtures"
	"copydesk/backend/render"
)

// generatedPage is a generated article for the parity test.
type generatedPage struct {
	Name string
	Text []byte
}

// generatedEmphasisPages puts the generated emphasis cases, and their fixes, through real Hugo in
// the parity test: Hugo must print the originals exactly as the preview does, and print every fix
// as emphasis.
func generatedEmphasisPages() []generatedPage {
	fm := "---\ntitle: 强调测试\ndate: 2025-06-27T20:10:05+08:00\ndraft: false\n---\n\n"
	escaped := render.Default()
	escaped.Goldmark.Extensions.CJK.Enable = true
	escaped.Goldmark.Extensions.CJK.EscapedSpace = true
	var cases, moved, spaced strings.Builder
	for i, in := range append(testfixtures.EmphasisCases(), testfixtures.TwoSpanCases()...) {
		fmt.Fprintf(&cases, "%s\n\n", in)
		if is := cjkemphasis.Find([]byte(in), render.Default()); len(is) > 0 && i%3 == 0 {
			fmt.Fprintf(&moved, "%s\n\n", applyIssues(in, is))
		}
		if is := cjkemphasis.Find([]byte(in), escaped); len(is) > 0 && i%3 == 0 {
			fmt.Fprintf(&spaced, "%s\n\n", applyIssues(in, is))
		}
	}
	return []generatedPage{
		{Name: "gen-emphasis-cases", Text: []byte(fm + cases.String())},
		{Name: "gen-emphasis-fixed-move", Text: []byte(fm + moved.String())},
		{Name: "gen-emphasis-fixed-escaped", Text: []byte(fm + spaced.String())},
	}
}

// applyIssues writes each issue's suggestion over its span.
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
