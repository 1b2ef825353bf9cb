package render

// What the preview pane needs beside the HTML: footnote display numbers (Hugo numbers by first
// citation, not by label), heading IDs for a table of contents, and where each top-level block
// of the HTML comes from in the source, for scroll sync. The HTML itself is byte for byte Render's:
// anchors are reported as offsets and element indexes, never written into the markup.

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Preview is one rendered body with its navigation data.
type Preview struct {
	HTML      string         // exactly Render's output
	Footnotes []FootnoteInfo // in display order, as Hugo lists them (unused definitions are absent)
	Headings  []HeadingInfo  // in document order
	Blocks    []BlockAnchor  // top-level blocks in document order
}

// FootnoteInfo tells how Hugo displays one footnote definition.
type FootnoteInfo struct {
	Label  string   // as written: "4" for [^4]
	Number int      // the number shown in the text and the list: the order of first citation
	ID     string   // the list item's id, "fn:1"
	RefIDs []string // ids of its citations in the text: "fnref:1", "fnref1:1", ...
	Line   int      // 1-based line of the definition in the body
}

// HeadingInfo is one heading for a table of contents.
type HeadingInfo struct {
	Level  int
	Text   string // plain text of the heading
	ID     string // the id Hugo gives it
	Line   int    // 1-based line in the body
	Offset int    // byte offset in the body
}

// BlockAnchor ties one top-level block of the body to its HTML, for scroll sync. The footnote list
// Hugo appends has no single source line: Line 0, Offset -1.
type BlockAnchor struct {
	Line      int // 1-based line in the body where the block starts
	Offset    int // byte offset in the body where the block starts
	HTMLStart int // byte range of the block's HTML in Preview.HTML
	HTMLEnd   int
	// Element is the index, among the top-level elements of the HTML, of the block's first
	// element (container.children[Element] in the DOM); -1 when the block prints no element
	// (an HTML comment, the summary divider).
	Element int
}

// Preview renders body as Render does and collects footnotes, headings and block anchors.
func (r *Renderer) Preview(body []byte) (Preview, error) {
	src, divided, toBody := prepareMapped(body)
	doc := r.parse(src)
	w := &bufWriter{}
	w.Grow(len(src) + len(src)/2)
	type span struct {
		node       ast.Node
		start, end int
	}
	var spans []span
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		start := w.Len()
		if err := r.renderInto(w, src, c); err != nil {
			return Preview{}, err
		}
		spans = append(spans, span{node: c, start: start, end: w.Len()})
	}
	html := w.Bytes()
	toHTML := func(p int) int { return p }
	if divided {
		html, toHTML = removeSummaryDividerMapped(html)
	}
	lines := newLineIndex(body)
	p := Preview{HTML: string(html)}

	elements := topLevelElementStarts(html)
	next := 0 // blocks and elements both run in HTML order: one pass pairs them
	for _, s := range spans {
		off := blockOffset(s.node, src, toBody)
		a := BlockAnchor{Offset: off, Line: lines.line(off), HTMLStart: toHTML(s.start), HTMLEnd: toHTML(s.end), Element: -1}
		for next < len(elements) && elements[next] < a.HTMLStart {
			next++
		}
		if next < len(elements) && elements[next] < a.HTMLEnd {
			a.Element = next
		}
		if s.node.Kind() == east.KindFootnoteList {
			a.Offset, a.Line = -1, 0
		}
		p.Blocks = append(p.Blocks, a)
	}

	refIDs := map[int][]string{}
	prefix := ""
	if r.cfg.Goldmark.Extensions.Footnote.EnableAutoIDPrefix {
		prefix = "h" + DocumentID
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			h := HeadingInfo{Level: n.Level, Text: textPlain(n, src)}
			if id, ok := n.AttributeString("id"); ok {
				h.ID = attrValueString(id, false)
			}
			h.Offset = blockOffset(n, src, toBody)
			h.Line = lines.line(h.Offset)
			p.Headings = append(p.Headings, h)
		case *east.FootnoteLink:
			id := prefix + "fnref"
			if n.RefIndex > 0 {
				id += strconv.Itoa(n.RefIndex)
			}
			refIDs[n.Index] = append(refIDs[n.Index], id+":"+strconv.Itoa(n.Index))
		case *east.Footnote:
			off := blockOffset(n, src, toBody)
			p.Footnotes = append(p.Footnotes, FootnoteInfo{
				Label:  string(n.Ref),
				Number: n.Index,
				ID:     prefix + "fn:" + strconv.Itoa(n.Index),
				Line:   lines.line(off),
			})
		}
		return ast.WalkContinue, nil
	})
	for i := range p.Footnotes {
		p.Footnotes[i].RefIDs = refIDs[p.Footnotes[i].Number]
	}
	return p, nil
}

func (r *Renderer) renderInto(w *bufWriter, src []byte, n ast.Node) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = errorf("render: %v", p)
		}
	}()
	return r.md.Renderer().Render(w, src, n)
}

// blockOffset is where a block starts in the body: goldmark records it for blocks; otherwise the
// first line of the block or of its first descendant that has lines.
func blockOffset(n ast.Node, src []byte, toBody func(int) int) int {
	if p := n.Pos(); p >= 0 {
		return toBody(lineStart(src, p))
	}
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return toBody(lineStart(src, c.Lines().At(0).Start))
		}
	}
	return -1
}

func lineStart(src []byte, p int) int {
	if p > len(src) {
		p = len(src)
	}
	return bytes.LastIndexByte(src[:p], '\n') + 1
}

type lineIndex []int // offsets of line starts

func newLineIndex(b []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range b {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// line is the 1-based line holding offset (0 for a negative offset).
func (l lineIndex) line(offset int) int {
	if offset < 0 {
		return 0
	}
	lo, hi := 0, len(l)
	for lo < hi {
		m := (lo + hi) / 2
		if l[m] <= offset {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// voidElements never have a closing tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// topLevelElementStarts returns the offsets of the start tags of top-level elements in html,
// tracking nesting by tags (the renderer escapes every '<' in text, so tags are all there is;
// raw HTML let through by unsafe is taken as written).
func topLevelElementStarts(html []byte) []int {
	var starts []int
	depth := 0
	for i := 0; i < len(html); i++ {
		if html[i] != '<' {
			continue
		}
		rest := html[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest, []byte("-->"))
			if end < 0 {
				return starts
			}
			i += end + 2
		case len(rest) > 1 && rest[1] == '/':
			if depth > 0 {
				depth--
			}
			if end := bytes.IndexByte(rest, '>'); end >= 0 {
				i += end
			}
		case len(rest) > 1 && isASCIILetter(rest[1]):
			end := bytes.IndexByte(rest, '>')
			if end < 0 {
				return starts
			}
			nameEnd := 1
			for nameEnd < end && (isASCIILetter(rest[nameEnd]) || (rest[nameEnd] >= '0' && rest[nameEnd] <= '9')) {
				nameEnd++
			}
			name := string(bytes.ToLower(rest[1:nameEnd]))
			if depth == 0 {
				starts = append(starts, i)
			}
			if !voidElements[name] && rest[end-1] != '/' {
				depth++
				if name == "pre" || name == "script" || name == "style" || name == "textarea" {
					// Their text may hold '<' only escaped, except script/style with unsafe; skip to the close.
					closeTag := []byte("</" + name)
					if c := bytes.Index(bytes.ToLower(rest[end:]), closeTag); c >= 0 {
						i += end + c - 1
						continue
					}
				}
			}
			i += end
		}
	}
	return starts
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
