package check

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"

	"copydesk/backend/cjkemphasis"
	"copydesk/backend/render"
)

// MaxEmphasisBody is the largest body the emphasis check parses. goldmark's
// paragraph parsing grows with the square of a paragraph's length (a 1 MB
// one-paragraph file takes about 30 s, 10 MB would not finish), so a file
// far beyond any article (about 7 KB) is not parsed: everything else is
// still checked and no run of check can hang.
const MaxEmphasisBody = 256 << 10

// emphasis reports ** and * that Hugo prints literally because punctuation
// sits just inside the markers. The detector is the renderer's own parser
// (so it agrees with the preview and with Hugo) and its suggestions are
// verified to render as emphasis, so each one is offered as a quick fix.
func (c *checker) emphasis() {
	body := c.doc.Body()
	if len(body) > MaxEmphasisBody || !markerTouchesPunctuation(body) {
		return
	}
	cfg := c.render
	if cfg == nil {
		def := render.Default()
		cfg = &def
	}
	if *cfg == render.Default() && !mayPairAcrossPunctuation(body) {
		return
	}
	base := c.doc.BodyStart
	for _, is := range findEmphasis(body, *cfg) {
		from, to := base+is.Start, base+is.End
		if from < base || to > len(c.doc.Text) || from >= to {
			continue
		}
		text := string(c.doc.Text[from:to])
		fix := &Fix{
			Title: c.title("Write "+is.Suggestion, "改为 "+is.Suggestion),
			Edits: []Edit{{From: from, To: to, Insert: is.Suggestion}},
		}
		c.emit(MarkdownCJKEmphasis, "", from, to, "", "", map[string]string{"text": text, "suggestion": is.Suggestion}, fix)
	}
}

// markerTouchesPunctuation reports whether any run of * has punctuation or a
// symbol right before or after it. CommonMark decides whether a run can open
// or close emphasis only from the characters next to it, so without such a
// neighbour no pair can fail because of punctuation, and the parse the
// detector needs (most of a check's time) can be skipped.
func markerTouchesPunctuation(body []byte) bool {
	for i := 0; i < len(body); {
		j := bytes.IndexByte(body[i:], '*')
		if j < 0 {
			return false
		}
		start := i + j
		end := start
		for end < len(body) && body[end] == '*' {
			end++
		}
		before, _ := utf8.DecodeLastRune(body[:start])
		after, _ := utf8.DecodeRune(body[end:])
		if isPunctOrSymbol(before) || isPunctOrSymbol(after) {
			return true
		}
		i = end
	}
	return false
}

func isPunctOrSymbol(r rune) bool {
	return r != utf8.RuneError && (unicode.IsPunct(r) || unicode.IsSymbol(r))
}

// findEmphasis runs the CJK emphasis detector. A failure inside it (a bug on
// some odd input) must not take the whole check down with it: the emphasis
// warning is advice, so it is dropped and everything else is still reported.
func findEmphasis(body []byte, cfg render.Config) (issues []cjkemphasis.Issue) {
	defer func() {
		if recover() != nil {
			issues = nil
		}
	}()
	return cjkemphasis.Find(body, cfg)
}

// mayPairAcrossPunctuation is a cheaper, exact pre-check for the detector
// under Hugo's default configuration. The detector reports only pairs of
// star runs, paired the way an author writes them (a stack per block: a run
// not preceded by a space closes an open run of the same length, a run not
// followed by a space opens), whose inner edge is punctuation. Here the same
// pairing is done line by line on the raw text: if every line pairs up
// completely with no punctuation at an inner edge, every block (a block is
// whole lines) pairs the same way and the detector cannot report anything.
// Lines with syntax that hides or splits star runs (code spans, escapes,
// HTML and autolinks, links, tables, attributes, bare URLs) are left to the
// detector. The reference article's `，**算力即国力**的` pairs cleanly here,
// which is what makes most articles skip the detector's full parse.
func mayPairAcrossPunctuation(body []byte) bool {
	type run struct{ start, end int }
	var stack []run
	for lineStart := 0; lineStart < len(body); {
		lineEnd := len(body)
		if i := bytes.IndexByte(body[lineStart:], '\n'); i >= 0 {
			lineEnd = lineStart + i
		}
		line := body[lineStart:lineEnd]
		next := lineEnd + 1
		if bytes.IndexByte(line, '*') < 0 {
			lineStart = next
			continue
		}
		if hidesStarRuns(line) {
			return true
		}
		stack = stack[:0]
		for k := lineStart; k < lineEnd; k++ {
			if body[k] != '*' {
				continue
			}
			e := k
			for e < lineEnd && body[e] == '*' {
				e++
			}
			r := run{k, e}
			k = e - 1
			n := r.end - r.start
			if !spaceBefore(body, r.start) && len(stack) > 0 && stack[len(stack)-1].end-stack[len(stack)-1].start == n {
				open := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if r.start > open.end {
					first, _ := utf8.DecodeRune(body[open.end:r.start])
					last, _ := utf8.DecodeLastRune(body[open.end:r.start])
					if util.IsPunctRune(first) || util.IsPunctRune(last) {
						return true
					}
				}
				continue
			}
			if !spaceAt(body, r.end) {
				stack = append(stack, r)
			}
		}
		if len(stack) > 0 {
			return true
		}
		lineStart = next
	}
	return false
}

// hidesStarRuns: syntax on a line that can hide a star from the parser's
// inline text or split the line into several blocks.
func hidesStarRuns(line []byte) bool {
	if bytes.ContainsAny(line, "`\\<|{") || bytes.Contains(line, []byte("://")) || bytes.Contains(line, []byte("www.")) {
		return true
	}
	for i := bytes.IndexByte(line, '['); i >= 0; {
		if i+1 >= len(line) || line[i+1] != '^' {
			return true
		}
		j := bytes.IndexByte(line[i+1:], '[')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func spaceAt(b []byte, i int) bool {
	if i >= len(b) {
		return true
	}
	r, _ := utf8.DecodeRune(b[i:])
	return util.IsSpaceRune(r)
}

func spaceBefore(b []byte, i int) bool {
	if i <= 0 {
		return true
	}
	r, _ := utf8.DecodeLastRune(b[:i])
	return util.IsSpaceRune(r)
}
