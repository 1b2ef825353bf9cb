package check

import (
	"bytes"
	"unicode"
	"unicode/utf8"

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

// findEmphasis runs the renderer's detector. A failure inside it (a bug on
// some odd input) must not take the whole check down with it: the emphasis
// warning is advice, so it is dropped and everything else is still reported.
func findEmphasis(body []byte, cfg render.Config) (issues []render.EmphasisIssue) {
	defer func() {
		if recover() != nil {
			issues = nil
		}
	}()
	return render.FindCJKEmphasis(body, cfg)
}
