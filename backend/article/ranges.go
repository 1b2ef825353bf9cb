package article

import (
	"bytes"

	"gopkg.in/yaml.v3"
)

// entry is where one top-level key and its value are in Text.
type entry struct {
	key, val   *yaml.Node
	index      int // pair index in the mapping
	lineStart  int // start of the key's line
	keyStart   int
	keyIndent  int // columns before the key
	afterColon int // just after the ':' that ends the key
	vs, ve     int // the value's source, without a trailing comment
	next       int // start of the next key's line (or FMEnd): this entry's bound
}

func (d *Doc) entry(key string) (entry, bool) {
	if d.YAML == nil {
		return entry{}, false
	}
	c := d.YAML.Content
	for i := 0; i+1 < len(c); i += 2 {
		if c[i].Value == key && c[i].Kind == yaml.ScalarNode {
			return d.entryAt(i / 2), true
		}
	}
	return entry{}, false
}

func (d *Doc) entryAt(pair int) entry {
	c := d.YAML.Content
	e := entry{key: c[2*pair], val: c[2*pair+1], index: pair}
	e.keyStart = d.nodeOffset(e.key)
	e.lineStart = d.lineStartOf(e.keyStart)
	e.keyIndent = e.key.Column - 1
	e.next = d.FMEnd
	flow := d.YAML.Style&yaml.FlowStyle != 0
	if 2*pair+2 < len(c) {
		e.next = d.nodeOffset(c[2*pair+2])
		if !flow {
			e.next = d.lineStartOf(e.next)
		}
	}
	e.afterColon = d.colonAfterKey(e)
	v := e.val
	if flow { // {title: a, draft: true}: read-only ranges, on one line or several
		e.vs = max(d.nodeOffset(v), e.afterColon)
		e.ve = max(flowItemEnd(d.Text, e.vs, e.next), e.vs)
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == "" {
			e.vs, e.ve = e.afterColon, e.afterColon
		}
		return e
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == "" && v.Style == 0 {
		e.vs, e.ve = e.afterColon, e.afterColon
		return e
	}
	e.vs = d.nodeOffset(v)
	if e.vs < e.afterColon {
		e.vs = e.afterColon // defensive: never let a value overlap its key
	}
	e.vs = d.skipAnchor(e)
	e.ve = max(d.valueEnd(e), e.vs)
	return e
}

// skipAnchor moves a value's start past an anchor ("&name "), which yaml.v3
// places the node at, so that an edit keeps the anchor and replaces only
// the value. A collection whose items start on the next line starts there.
func (d *Doc) skipAnchor(e entry) int {
	t := d.Text
	vs := e.vs
	if vs >= len(t) || t[vs] != '&' || e.val.Anchor == "" {
		return vs
	}
	for vs < e.next && !isBlankOrEOL(t[vs]) {
		vs++
	}
	for vs < e.next && (t[vs] == ' ' || t[vs] == '\t') {
		vs++
	}
	if vs < e.next && (t[vs] == '#' || t[vs] == '\r' || t[vs] == '\n') && e.val.Kind != yaml.ScalarNode {
		for i := nextLine(t, vs); i < e.next; i = nextLine(t, i) {
			le := lineEndAt(t, i)
			j := i
			for j < le && (t[j] == ' ' || t[j] == '\t') {
				j++
			}
			if j < le && t[j] != '#' {
				return j
			}
		}
	}
	return vs
}

func (d *Doc) lineStartOf(offset int) int {
	line, _ := d.Pos(offset)
	return d.lineStarts[line-1]
}

// colonAfterKey finds the ':' that separates the key from its value.
func (d *Doc) colonAfterKey(e entry) int {
	t := d.Text
	i := e.keyStart
	switch e.key.Style {
	case yaml.DoubleQuotedStyle:
		i = scanDoubleQuoted(t, i)
	case yaml.SingleQuotedStyle:
		i = scanSingleQuoted(t, i)
	}
	for ; i < e.next && i < len(t); i++ {
		if t[i] == ':' && (i+1 >= len(t) || isBlankOrEOL(t[i+1])) {
			return i + 1
		}
	}
	return d.lineEnd(e.keyStart)
}

func isBlankOrEOL(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// valueEnd finds where the value that starts at e.vs ends. Quoted scalars and
// flow collections are scanned exactly; for the others the value runs to the
// last line before the next key that is neither blank nor only a comment
// (yaml.v3 has already accepted the structure, so anything else is the value).
func (d *Doc) valueEnd(e entry) int {
	t := d.Text
	v := e.val
	switch {
	case v.Kind == yaml.ScalarNode && v.Style&yaml.DoubleQuotedStyle != 0:
		return min(scanDoubleQuoted(t, e.vs), e.next)
	case v.Kind == yaml.ScalarNode && v.Style&yaml.SingleQuotedStyle != 0:
		return min(scanSingleQuoted(t, e.vs), e.next)
	case (v.Kind == yaml.SequenceNode || v.Kind == yaml.MappingNode) && v.Style&yaml.FlowStyle != 0:
		return min(scanFlow(t, e.vs), e.next)
	}
	end := d.lastContentLineEnd(e.vs, e.next)
	if v.Kind == yaml.ScalarNode && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 || v.Kind == yaml.AliasNode {
		end = cutComment(t, d.lineStartOf(end), end, e.vs)
	}
	return end
}

// lastContentLineEnd is the end of the last line in [from, bound) that is not
// blank and not only a comment; from itself counts as content.
func (d *Doc) lastContentLineEnd(from, bound int) int {
	t := d.Text
	end := d.lineEnd(from)
	for i := nextLine(t, from); i < bound; i = nextLine(t, i) {
		le := lineEndAt(t, i)
		s := bytes.TrimLeft(t[i:le], " \t")
		if len(s) == 0 || s[0] == '#' {
			continue
		}
		end = le
	}
	return end
}

// cutComment drops a " # comment" and the blanks before it from the line
// [lineStart, end) of a plain scalar; it never cuts before min.
func cutComment(t []byte, lineStart, end, min int) int {
	from := max(lineStart, min)
	for i := from; i < end; i++ {
		if t[i] == '#' && i > lineStart && (t[i-1] == ' ' || t[i-1] == '\t') {
			end = i
			break
		}
	}
	for end > from && (t[end-1] == ' ' || t[end-1] == '\t') {
		end--
	}
	return end
}

// scanDoubleQuoted returns the offset after the closing quote of the
// double-quoted scalar starting at i.
func scanDoubleQuoted(t []byte, i int) int {
	for j := i + 1; j < len(t); j++ {
		switch t[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(t)
}

func scanSingleQuoted(t []byte, i int) int {
	for j := i + 1; j < len(t); j++ {
		if t[j] == '\'' {
			if j+1 < len(t) && t[j+1] == '\'' {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(t)
}

// scanFlow returns the offset after the bracket closing the flow collection at i.
func scanFlow(t []byte, i int) int {
	depth := 0
	for j := i; j < len(t); j++ {
		switch t[j] {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				return j + 1
			}
		case '"':
			j = scanDoubleQuoted(t, j) - 1
		case '\'':
			if j > i && (t[j-1] == ' ' || t[j-1] == '[' || t[j-1] == ',' || t[j-1] == '{' || t[j-1] == '\n') {
				j = scanSingleQuoted(t, j) - 1
			}
		case '#':
			if t[j-1] == ' ' || t[j-1] == '\t' {
				j = lineEndAt(t, j) - 1
			}
		}
	}
	return len(t)
}
