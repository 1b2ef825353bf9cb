// Package cjkemphasis finds CJK emphasis that Hugo prints literally. CommonMark's flanking rules (goldmark parser/delimiter.go)
// refuse `**` as an opener when punctuation follows it and a letter precedes it, and as a closer in
// the mirror case, so `的**“超级智能”**展开` keeps its asterisks in Hugo. The preview must show that
// (it uses the same parser), and this detector finds each such pair with a fix that works in stock
// Hugo. It never guesses from its own copy of the rules: it pairs the markers as the author wrote
// them, asks the renderer's own parser which markers it matched with which, and proves each fix by
// parsing the fixed text again.
package cjkemphasis

import (
	"bytes"
	"sort"
	"unicode"
	"unicode/utf8"

	"copydesk/backend/render"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Issue is one `**…**` (or `*…*`) span that Hugo will not render as written.
type Issue struct {
	Start, End int    // byte offsets in the body of the whole span, markers included
	Suggestion string // replacement text for body[Start:End] that renders as emphasis in Hugo
}

// Find returns the `**…**` / `*…*` spans of body that Hugo does not render as the
// author paired them because punctuation sits just inside the markers: it prints the asterisks
// literally, or pairs a marker with a neighbouring span's marker and bolds the text between. Each
// issue carries a fix proven by re-parsing: the punctuation moved outside the markers
// (`“**超级智能**”`), or, when the site enables cjk.escapedSpace, `\ ` outside the markers, which
// keeps the punctuation inside the emphasis. Spans are reported in text order.
func Find(body []byte, cfg render.Config) (issues []Issue) {
	if bytes.IndexByte(body, '*') < 0 {
		return nil
	}
	defer func() {
		// Advice must never take its caller down: on a parser failure report nothing.
		if recover() != nil {
			issues = nil
		}
	}()
	pairs := brokenPairs(cfg, body)
	if len(pairs) == 0 {
		return nil
	}
	escaped := cfg.Goldmark.Extensions.CJK.Enable && cfg.Goldmark.Extensions.CJK.EscapedSpace
	kinds := []fixKind{fixMove}
	if escaped {
		kinds = []fixKind{fixEscapedSpace, fixMove}
	}
	// Fixes are proven together (a fix can change how a neighbouring pair matches): try the
	// preferred kind for every pair, drop what does not verify until the rest all do, then try
	// the other kind for the pairs left.
	chosen := map[int]string{} // pair index -> fix
	for _, kind := range kinds {
		tentative := map[int]string{}
		for i, p := range pairs {
			if _, done := chosen[i]; done {
				continue
			}
			if text, ok := buildFix(body, p, kind); ok {
				tentative[i] = text
			}
		}
		// Each round either proves every tentative fix or drops at least one, so this ends.
		for len(tentative) > 0 {
			var candidates []candidateFix
			var index []int
			for i, p := range pairs {
				text, ok := chosen[i]
				if !ok {
					text, ok = tentative[i]
				}
				if ok {
					candidates = append(candidates, candidateFix{pair: p, text: text})
					index = append(index, i)
				}
			}
			good := verifyFixes(cfg, body, candidates)
			dropped := false
			for k, i := range index {
				if _, isTentative := tentative[i]; isTentative && !good[k] {
					delete(tentative, i)
					dropped = true
				}
			}
			if !dropped {
				break
			}
		}
		for i, text := range tentative {
			chosen[i] = text
		}
	}
	for i, p := range pairs {
		if text, ok := chosen[i]; ok {
			issues = append(issues, Issue{Start: p.open.start, End: p.close.end, Suggestion: text})
		}
	}
	sort.Slice(issues, func(i, j int) bool { return issues[i].Start < issues[j].Start })
	return issues
}

type fixKind int

const (
	fixMove fixKind = iota
	fixEscapedSpace
)

// markerRun is a maximal run of '*' in a block's inline text (outside code spans and raw HTML).
type markerRun struct {
	start, end int // offsets in the body
}

type markerPair struct{ open, close markerRun }

type candidateFix struct {
	pair markerPair
	text string
}

// markerScan is what the parser made of the star runs of one text.
type markerScan struct {
	blocks  [][]markerRun // per block with inline content, its runs in order
	partner map[int]int   // opener run start -> start of the closer run it became emphasis with
}

// scanMarkers parses body with the renderer's own parser and reports which star runs it matched
// into emphasis, and with which partner.
func scanMarkers(cfg render.Config, body []byte) markerScan {
	doc, src, toBody := render.Parse(body, cfg)
	excluded := map[int]bool{}
	var inline []ast.Node
	type emphasis struct{ pos, end int }
	var emphases []emphasis
	// ends[n] is where n's content ends in src: the furthest positioned descendant, gathered
	// bottom-up in the one walk (typographer substitutions carry no position; a closer follows them).
	ends := map[ast.Node]int{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			end := max(ends[n], n.Pos())
			switch n := n.(type) {
			case *ast.Text:
				end = max(end, n.Segment.Stop)
			case *ast.Emphasis:
				if n.Pos() >= 0 {
					emphases = append(emphases, emphasis{pos: n.Pos(), end: end})
				}
			}
			if parent := n.Parent(); parent != nil && end > ends[parent] {
				ends[parent] = end
			}
			delete(ends, n)
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					for k := t.Segment.Start; k < t.Segment.Stop; k++ {
						excluded[k] = true
					}
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				for k := seg.Start; k < seg.Stop; k++ {
					excluded[k] = true
				}
				if p := n.Parent(); p != nil && seg.Stop > ends[p] {
					ends[p] = seg.Stop
				}
			}
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			inline = append(inline, n)
		}
		return ast.WalkContinue, nil
	})
	scan := markerScan{partner: map[int]int{}}
	var all []markerRun
	for _, n := range inline {
		var runs []markerRun
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			for k := seg.Start; k < seg.Stop; k++ {
				if src[k] != '*' || excluded[k] || isEscaped(src, k) {
					continue
				}
				e := k
				for e < seg.Stop && src[e] == '*' && !excluded[e] {
					e++
				}
				runs = append(runs, markerRun{start: toBody(k), end: toBody(k) + (e - k)})
				k = e - 1
			}
		}
		if len(runs) > 0 {
			scan.blocks = append(scan.blocks, runs)
			all = append(all, runs...)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].start < all[j].start })
	for _, e := range emphases {
		open := toBody(e.pos)
		end := toBody(e.end)
		i := sort.Search(len(all), func(i int) bool { return all[i].start >= end })
		if i < len(all) {
			if _, seen := scan.partner[open]; !seen {
				scan.partner[open] = all[i].start
			}
		}
	}
	return scan
}

func isEscaped(src []byte, k int) bool {
	n := 0
	for k-n-1 >= 0 && src[k-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

// brokenPairs pairs the star runs of each block the way an author writes them (nested like
// brackets, equal lengths) and returns the pairs the parser did not match with each other while
// punctuation sits just inside: those print literal asterisks, or bold the wrong stretch.
func brokenPairs(cfg render.Config, body []byte) []markerPair {
	scan := scanMarkers(cfg, body)
	var pairs []markerPair
	for _, runs := range scan.blocks {
		var stack []markerRun
		for _, run := range runs {
			n := run.end - run.start
			if !isSpaceBefore(body, run.start) && len(stack) > 0 && stack[len(stack)-1].end-stack[len(stack)-1].start == n {
				open := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if p, ok := scan.partner[open.start]; (!ok || p != run.start) && n <= 3 && run.start > open.end {
					inner := body[open.end:run.start]
					first, _ := utf8.DecodeRune(inner)
					last, _ := utf8.DecodeLastRune(inner)
					if util.IsPunctRune(first) || util.IsPunctRune(last) {
						pairs = append(pairs, markerPair{open: open, close: run})
					}
				}
				continue
			}
			if !isSpaceAt(body, run.end) {
				stack = append(stack, run)
			}
		}
	}
	return pairs
}

func isSpaceAt(b []byte, i int) bool {
	if i >= len(b) {
		return true
	}
	r, _ := utf8.DecodeRune(b[i:])
	return util.IsSpaceRune(r)
}

func isSpaceBefore(b []byte, i int) bool {
	if i <= 0 {
		return true
	}
	r, _ := utf8.DecodeLastRune(b[:i])
	return util.IsSpaceRune(r)
}

// movablePunct is punctuation that can move across a marker without changing Markdown structure.
// Markdown syntax characters ([ ] ` * _ < > \ ! ~ | # & { }) stay where they are.
func movablePunct(r rune) bool {
	if r < utf8.RuneSelf {
		switch r {
		case '"', '\'', '(', ')', ',', '.', ':', ';', '?', '%', '-':
			return true
		}
		return false
	}
	return util.IsPunctRune(r) && !unicode.IsSpace(r)
}

// buildFix returns the replacement for body[open.start:close.end].
func buildFix(body []byte, p markerPair, kind fixKind) (string, bool) {
	marker := string(body[p.open.start:p.open.end])
	inner := body[p.open.end:p.close.start]
	if kind == fixEscapedSpace {
		var b bytes.Buffer
		first, _ := utf8.DecodeRune(inner)
		last, _ := utf8.DecodeLastRune(inner)
		if util.IsPunctRune(first) && !isSpaceBefore(body, p.open.start) && !punctBefore(body, p.open.start) {
			b.WriteString(`\ `)
		}
		b.WriteString(marker)
		b.Write(inner)
		b.WriteString(marker)
		if util.IsPunctRune(last) && !isSpaceAt(body, p.close.end) && !punctAt(body, p.close.end) {
			b.WriteString(`\ `)
		}
		return b.String(), true
	}
	lead := 0
	for lead < len(inner) {
		r, size := utf8.DecodeRune(inner[lead:])
		if !movablePunct(r) {
			break
		}
		lead += size
	}
	trail := len(inner)
	for trail > lead {
		r, size := utf8.DecodeLastRune(inner[:trail])
		if !movablePunct(r) {
			break
		}
		trail -= size
	}
	core := inner[lead:trail]
	if len(core) == 0 || (lead == 0 && trail == len(inner)) {
		return "", false
	}
	return string(inner[:lead]) + marker + string(core) + marker + string(inner[trail:]), true
}

func punctBefore(b []byte, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRune(b[:i])
	return util.IsPunctRune(r)
}

func punctAt(b []byte, i int) bool {
	if i >= len(b) {
		return false
	}
	r, _ := utf8.DecodeRune(b[i:])
	return util.IsPunctRune(r)
}

// verifyFixes applies every candidate at once, parses the result and keeps the candidates whose
// new markers the parser matched with each other. Candidates never overlap.
func verifyFixes(cfg render.Config, body []byte, candidates []candidateFix) []bool {
	good := make([]bool, len(candidates))
	if len(candidates) == 0 {
		return good
	}
	var fixed bytes.Buffer
	type markerPos struct{ open, close int }
	positions := make([]markerPos, len(candidates))
	last := 0
	for i, c := range candidates {
		fixed.Write(body[last:c.pair.open.start])
		base := fixed.Len()
		marker := []byte(body[c.pair.open.start:c.pair.open.end])
		text := []byte(c.text)
		positions[i] = markerPos{open: base + bytes.Index(text, marker), close: base + bytes.LastIndex(text, marker)}
		fixed.WriteString(c.text)
		last = c.pair.close.end
	}
	fixed.Write(body[last:])
	scan := scanMarkers(cfg, fixed.Bytes())
	for i, p := range positions {
		partner, ok := scan.partner[p.open]
		good[i] = ok && partner == p.close
	}
	return good
}
