package typography

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"copydesk/backend/article"
	"copydesk/backend/render"
)

// barrier stands for anything inside a block of prose that is not prose: a
// code span, an autolink or URL, raw HTML, a footnote reference, an escape
// or entity, a line break. Rules read across emphasis and link brackets (the
// text on both sides is one sentence) but never across a barrier, and no
// edit touches one.
const barrier rune = -1

// unit is one character of prose at Text[off:off+size]; a barrier has off -1.
type unit struct {
	r         rune
	off, size int
}

// block is the prose of one Markdown block (a paragraph, heading, table cell)
// or of one front matter value, in reading order.
type block []unit

// adjacent reports whether a is directly followed by b in the file, so an
// edit may span both (no markup between them).
func adjacent(a, b unit) bool { return a.off >= 0 && b.off >= 0 && a.off+a.size == b.off }

// MaxBody is the largest body the typography rules parse: goldmark's
// paragraph parsing grows with the square of a paragraph's length, so a file
// far beyond any article (about 7 KB) is not parsed rather than risk a hang.
const MaxBody = 256 << 10

// blocks collects the prose of the article: the body's blocks and the prose
// front matter values.
func blocks(doc *article.Doc, s Settings, cfg *render.Config) []block {
	var out []block
	out = append(out, frontMatterBlocks(doc, s)...)
	body := doc.Body()
	if len(body) == 0 || len(body) > MaxBody {
		return out
	}
	c := render.Default()
	if cfg != nil {
		c = *cfg
	}
	root, src, toBody := render.ParseForText(body, c)
	if root == nil {
		return out
	}
	// One backing array for every block: an article's prose is a few
	// thousand characters, and growing a slice per block cost more than
	// reading them.
	b := &builder{text: doc.Text, base: doc.BodyStart, toBody: toBody, srcLen: len(src), spare: make(block, 0, len(body)/2+16),
		shortcodes: shortcodeRanges(doc.Text, doc.BodyStart)}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case extast.KindFootnoteList, extast.KindFootnote:
			// Citation lines: their titles quote the source as it is written
			// (often in English), and their · and （） separators are the house
			// citation style, judged by the citation checks.
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
			b.cur = b.spare[:0]
			b.inline(n)
			if len(b.cur) > 0 {
				out = append(out, b.cur[:len(b.cur):len(b.cur)])
			}
			b.spare = b.cur[len(b.cur):]
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

type builder struct {
	text   []byte
	base   int
	toBody func(int) int
	srcLen int
	cur    block
	spare  block // unused capacity after the last block, for the next
	// shortcodes are the {{< … >}} and {{% … %}} calls in the body (file
	// offsets, in order): Hugo expands them before Markdown sees the text,
	// so to the parser they look like prose, but their bytes are template
	// syntax (a caption="…" in straight quotes must stay straight).
	shortcodes [][2]int
	// afterURL: the last node was an autolink, so text glued to it is the
	// rest of the URL that the linkifier stopped short of (a path with Han
	// characters in it, copied from an address bar).
	afterURL bool
}

func (b *builder) barrier() {
	if n := len(b.cur); n == 0 || b.cur[n-1].r != barrier {
		b.cur = append(b.cur, unit{r: barrier, off: -1})
	}
}

func (b *builder) inline(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		afterURL := b.afterURL
		b.afterURL = false
		switch c.Kind() {
		case ast.KindText:
			t := c.(*ast.Text)
			// A URL the linkifier stopped short of may run on through
			// several text nodes (the parser splits text at ! [ and the like).
			b.afterURL = b.segment(t.Segment.Start, t.Segment.Stop, afterURL) && !t.SoftLineBreak() && !t.HardLineBreak()
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.barrier()
			}
		case ast.KindEmphasis, ast.KindLink, ast.KindImage, extast.KindStrikethrough:
			// Markup around text: the sentence reads through it.
			b.inline(c)
		default:
			// Code spans, autolinks, raw HTML, footnote references, task
			// check boxes and anything unknown are not prose.
			b.barrier()
			b.afterURL = c.Kind() == ast.KindAutoLink
		}
	}
}

// segment adds the prose of src[start:stop], mapped back into the file.
// It reports whether a URL continued to the segment's end.
func (b *builder) segment(start, stop int, afterURL bool) (urlToEnd bool) {
	if start < 0 || stop > b.srcLen || start >= stop {
		return afterURL
	}
	from, to := b.toBody(start), b.toBody(stop)
	if to-from != stop-start {
		b.barrier()
		return false
	}
	from, to = b.base+from, b.base+to
	if afterURL {
		from = urlEnd(b.text, from, to)
		if from == to {
			return true
		}
	}
	// Indentation at a line's start is layout, not prose, however the
	// parser split the line into nodes.
	ls := from
	for ls > 0 && (b.text[ls-1] == ' ' || b.text[ls-1] == '\t') {
		ls--
	}
	if ls == 0 || b.text[ls-1] == '\n' || b.text[ls-1] == '\r' {
		for from < to && (b.text[from] == ' ' || b.text[from] == '\t') {
			from++
		}
	}
	if b.inShortcode(from, to) {
		return b.segmentAround(from, to)
	}
	if escapedAt(b.text, from) && from < to {
		// The parser split an escape across two text nodes: \ ends the last one.
		_, sz := utf8.DecodeRune(b.text[from:to])
		from += sz
		b.barrier()
	}
	b.cur, urlToEnd = appendProse(b.cur, b.text, from, to, markdownEscapes)
	return urlToEnd
}

// inShortcode reports whether [from, to) overlaps a shortcode call.
func (b *builder) inShortcode(from, to int) bool {
	i := sort.Search(len(b.shortcodes), func(i int) bool { return b.shortcodes[i][1] > from })
	return i < len(b.shortcodes) && b.shortcodes[i][0] < to
}

// segmentAround adds the prose of [from, to) outside the shortcode calls in it.
func (b *builder) segmentAround(from, to int) (urlToEnd bool) {
	for _, sc := range b.shortcodes {
		if sc[1] <= from || from >= to {
			continue
		}
		if sc[0] >= to {
			break
		}
		if sc[0] > from {
			b.cur, _ = appendProse(b.cur, b.text, from, sc[0], markdownEscapes)
		}
		b.barrier()
		from = sc[1]
	}
	if from < to {
		b.cur, urlToEnd = appendProse(b.cur, b.text, from, to, markdownEscapes)
	}
	return urlToEnd
}

// shortcodeRanges finds Hugo shortcode calls in text[from:]: {{< … >}} and
// {{% … %}} (with their /* comment */ forms). An unclosed call runs to the end
// of its line, which is as far as Hugo would read it before failing.
func shortcodeRanges(text []byte, from int) [][2]int {
	var out [][2]int
	for i := from; ; {
		j := bytes.Index(text[i:], []byte("{{"))
		if j < 0 {
			return out
		}
		start := i + j
		k := start + 2
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k >= len(text) || (text[k] != '<' && text[k] != '%') {
			i = start + 2
			continue
		}
		closer := []byte("%}}")
		if text[k] == '<' {
			closer = []byte(">}}")
		}
		end := bytes.Index(text[k+1:], closer)
		if end < 0 {
			end = lineEndIn(text, k)
		} else {
			end = k + 1 + end + len(closer)
		}
		out = append(out, [2]int{start, end})
		i = end
	}
}

func lineEndIn(text []byte, i int) int {
	if n := bytes.IndexByte(text[i:], '\n'); n >= 0 {
		return i + n
	}
	return len(text)
}

type escapeMode int

const (
	markdownEscapes  escapeMode = iota // \* and &amp; are syntax
	plainYAML                          // nothing is an escape
	singleQuotedYAML                   // '' is an escaped quote
	doubleQuotedYAML                   // \x is an escape
)

// appendProse decodes text[from:to] into units. What is not prose inside it
// becomes a barrier: escapes and entities (their bytes are not the
// characters they show), bare URLs that Hugo does not link (a URL is never
// prose), and line breaks with the indentation after them.
//
// urlToEnd reports whether a URL runs to the end of the span, so that the text
// after it, if glued on, is still the URL.
func appendProse(out block, text []byte, from, to int, mode escapeMode) (_ block, urlToEnd bool) {
	add := func(u unit) {
		if u.r == barrier {
			if n := len(out); n > 0 && out[n-1].r == barrier {
				return
			}
		}
		out = append(out, u)
	}
	for i := from; i < to; {
		c := text[i]
		switch {
		case c == '\n' || c == '\r':
			add(unit{r: barrier, off: -1})
			i++
			for i < to && (text[i] == ' ' || text[i] == '\t') {
				i++
			}
			continue
		case c == '\\' && (mode == markdownEscapes || mode == doubleQuotedYAML):
			// An escape, or a backslash the parser left at a text node's edge.
			add(unit{r: barrier, off: -1})
			i++
			if i < to {
				_, sz := utf8.DecodeRune(text[i:to])
				i += sz
			}
			continue
		case c == '\'' && mode == singleQuotedYAML && i+1 < to && text[i+1] == '\'':
			add(unit{r: barrier, off: -1})
			i += 2
			continue
		case c == '&' && mode == markdownEscapes:
			if n := entityLen(text[i:to]); n > 0 {
				add(unit{r: barrier, off: -1})
				i += n
				continue
			}
		case c == ':' && i+2 < to && text[i+1] == '/' && text[i+2] == '/':
			// scheme://… : drop the scheme already added, skip the rest.
			for n := len(out); n > 0 && out[n-1].off >= 0 && isSchemeByte(out[n-1].r); n-- {
				out = out[:n-1]
			}
			add(unit{r: barrier, off: -1})
			i = urlEnd(text, i, to)
			urlToEnd = i == to
			continue
		case (c == 'w' || c == 'W') && i+4 <= to && bytes.EqualFold(text[i:i+4], []byte("www.")) &&
			(len(out) == 0 || out[len(out)-1].off < 0 || !isSchemeByte(out[len(out)-1].r)):
			add(unit{r: barrier, off: -1})
			i = urlEnd(text, i, to)
			urlToEnd = i == to
			continue
		}
		r, sz := utf8.DecodeRune(text[i:to])
		add(unit{r: r, off: i, size: sz})
		i += sz
	}
	return out, urlToEnd
}

// escapedAt reports whether text[i] follows an odd run of backslashes (is escaped).
func escapedAt(text []byte, i int) bool {
	n := 0
	for i-n-1 >= 0 && text[i-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

func isSchemeByte(r rune) bool {
	return r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')
}

// urlEnd is where a URL starting at i ends: at white space or full-width
// punctuation, which never belong to a URL written in Chinese prose. Han
// characters may (a path copied from the address bar), so a URL glued to the
// following words takes them along: they are left as written.
func urlEnd(text []byte, i, to int) int {
	for i < to {
		r, sz := utf8.DecodeRune(text[i:to])
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || isFullwidthPunct(r) || isCurlyQuote(r) {
			break
		}
		i += sz
	}
	return i
}

// entityLen is the length of an HTML entity (&name; &#123; &#x1F;) at the
// start of b, or 0.
func entityLen(b []byte) int {
	i := 1
	if i < len(b) && b[i] == '#' {
		i++
		if i < len(b) && (b[i] == 'x' || b[i] == 'X') {
			i++
		}
	}
	start := i
	for i < len(b) && i-start < 32 && (b[i] >= 'a' && b[i] <= 'z' || b[i] >= 'A' && b[i] <= 'Z' || b[i] >= '0' && b[i] <= '9') {
		i++
	}
	if i > start && i < len(b) && b[i] == ';' {
		return i + 1
	}
	return 0
}
