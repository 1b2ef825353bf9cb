package render

// Cutting the summary placeholder back out of the HTML, as Hugo v0.165.0 does in
// resources/page/page_markup.go (ExtractSummaryFromHTMLWithDivider, expandSummaryDivider and
// HtmlSummary.Content; Apache-2.0, Copyright The Hugo Authors).

import (
	"bytes"
	"regexp"
	"unicode"
	"unicode/utf8"
)

var (
	pOrDiv      = regexp.MustCompile(`<p[^>]?>|<div[^>]?>$`)
	pStartAtEnd = regexp.MustCompile(`<p[^>]*?>$`)
	pEndAtEnd   = regexp.MustCompile(`</p>$`)
)

// removeSummaryDivider returns what Hugo's .Content is for rendered HTML that holds the placeholder:
// the placeholder's paragraph removed, then white space trimmed at both ends.
func removeSummaryDivider(s []byte) []byte {
	out, _ := removeSummaryDividerMapped(s)
	return out
}

// removeSummaryDividerMapped also returns how offsets in s move in the result.
func removeSummaryDividerMapped(s []byte) ([]byte, func(int) int) {
	lo := bytes.Index(s, summaryPlaceholder)
	if lo < 0 {
		return trimSpaceMapped(s, func(p int) int { return p })
	}
	hi := lo + len(summaryPlaceholder)
	preserveEndMarkup := false
	for i := lo - 1; i >= 0; i-- {
		if s[i] == '>' {
			if m := pStartAtEnd.Find(s[:i+1]); m != nil {
				lo = i - len(m) + 1
				break
			}
			if m := pOrDiv.Find(s[:i+1]); m != nil {
				i -= len(m) - 1
				continue
			}
		}
		r, _ := utf8.DecodeRune(s[i:])
		if !unicode.IsSpace(r) {
			preserveEndMarkup = true
			break
		}
	}
	divLow, divHigh := lo, hi
	for ; hi < len(s); hi++ {
		if s[hi] != '>' {
			continue
		}
		if pEndAtEnd.Match(s[:hi+1]) {
			hi++
			break
		}
	}
	if !preserveEndMarkup {
		divHigh = hi
	}
	if divHigh < len(s) && s[divHigh] == '\n' {
		divHigh++
	}
	out := make([]byte, 0, len(s))
	out = append(out, s[:divLow]...)
	out = append(out, s[divHigh:]...)
	return trimSpaceMapped(out, func(p int) int {
		switch {
		case p >= divHigh:
			return p - (divHigh - divLow)
		case p > divLow:
			return divLow
		}
		return p
	})
}

func trimSpaceMapped(s []byte, inner func(int) int) ([]byte, func(int) int) {
	right := bytes.TrimRightFunc(s, unicode.IsSpace)
	trimmed := bytes.TrimLeftFunc(right, unicode.IsSpace)
	lead := len(right) - len(trimmed)
	return trimmed, func(p int) int {
		return min(max(inner(p)-lead, 0), len(trimmed))
	}
}
