package article

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// SetList sets a key to a list of strings with the smallest edit:
//   - a block list keeps every unchanged item line byte for byte; removed
//     items' lines go, new items get lines indented and quoted like their
//     neighbours (the order follows items; unchanged items are found as the
//     longest common subsequence, so a reorder moves as few lines as possible);
//   - a flow list [a, b] stays a flow list, unchanged items keep their source;
//   - a missing, empty or scalar value becomes a block list shaped like the
//     other block lists in the front matter ("key: " and two-space items
//     when there is none, as in the house style);
//   - an empty items list is written "key: []".
func SetList(text []byte, key string, items []string, order []string) ([]byte, error) {
	d, err := editable(text)
	if err != nil {
		return nil, err
	}
	if old, ok := d.List(key); ok && equalStrings(old, items) {
		return text, nil
	}
	var out []byte
	e, ok := d.entry(key)
	switch {
	case !ok:
		at := d.insertionPoint(key, order)
		out = splice(d.Text, at, at, d.topIndent()+renderKey(key)+":"+d.newListValue(items)+d.fmNewline())
	case e.val.Kind == yaml.SequenceNode && e.val.Style&yaml.FlowStyle != 0:
		out = splice(d.Text, e.vs, e.ve, d.flowList(e, items))
	case e.val.Kind == yaml.SequenceNode && len(items) > 0:
		out = d.editBlockList(e, items)
	case e.vs == e.ve: // "key:" with nothing after it: keep the line as written, add items below
		if len(items) == 0 {
			end := e.afterColon
			for end < len(d.Text) && (d.Text[end] == ' ' || d.Text[end] == '\t') {
				end++
			}
			out = splice(d.Text, e.afterColon, end, " []")
		} else {
			at := d.lineEnd(e.afterColon)
			out = splice(d.Text, at, at, d.blockItems(items, d.listShape())+"")
		}
	default:
		out = splice(d.Text, e.afterColon, e.ve, d.newListValue(items))
	}
	return verifyEdit(d, out, key, func(a *Doc) bool {
		got, ok := a.List(key)
		return ok && equalStrings(got, items)
	})
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// listShape is how block list items look in this front matter.
type listShape struct {
	header string // what follows "key:" on the key line
	indent string // before "-"
	gap    string // between "-" and the item
	quote  yaml.Style
}

// listShape copies the shape of the first block list in the front matter.
func (d *Doc) listShape() listShape {
	shape := listShape{header: " ", indent: d.topIndent() + "  ", gap: " "}
	if d.YAML == nil {
		return shape
	}
	for i := 0; i+1 < len(d.YAML.Content); i += 2 {
		v := d.YAML.Content[i+1]
		if v.Kind != yaml.SequenceNode || v.Style&yaml.FlowStyle != 0 || len(v.Content) == 0 {
			continue
		}
		e := d.entryAt(i / 2)
		shape.header = string(d.Text[e.afterColon:d.lineEnd(e.afterColon)])
		if strings.TrimSpace(shape.header) != "" {
			shape.header = " " // a comment there belongs to that key
		}
		shape.indent, shape.gap = d.itemPrefix(v.Content[0])
		return shape
	}
	return shape
}

// itemPrefix splits the text before a block list item into the indentation
// and the gap after "-".
func (d *Doc) itemPrefix(item *yaml.Node) (indent, gap string) {
	pos := d.nodeOffset(item)
	ls := d.lineStartOf(pos)
	dash := strings.IndexByte(string(d.Text[ls:pos]), '-')
	if dash < 0 {
		return "  ", " "
	}
	return string(d.Text[ls : ls+dash]), string(d.Text[ls+dash+1 : pos])
}

func (d *Doc) newListValue(items []string) string {
	if len(items) == 0 {
		return " []"
	}
	shape := d.listShape()
	return shape.header + d.blockItems(items, shape)
}

// blockItems renders items as lines, each preceded by a newline.
func (d *Doc) blockItems(items []string, shape listShape) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(d.fmNewline() + shape.indent + "-" + shape.gap + renderItem(it, shape.quote))
	}
	return b.String()
}

func renderItem(s string, quote yaml.Style) string {
	switch {
	case quote&yaml.DoubleQuotedStyle != 0:
		return doubleQuote(s)
	case quote&yaml.SingleQuotedStyle != 0:
		if q, ok := singleQuote(s); ok {
			return q
		}
	}
	return renderNewString(s, false)
}

// editBlockList applies the LCS alignment of the old items and the new ones
// to the item lines, copying every kept line and every line between items
// (comments, blank lines) unchanged.
func (d *Doc) editBlockList(e entry, items []string) []byte {
	seq := e.val
	n := len(seq.Content)
	starts := make([]int, n) // start of each item's first line
	ends := make([]int, n)   // start of the line after each item's last content line
	keys := make([]string, n)
	isScalar := make([]bool, n)
	regionEnd := nextLine(d.Text, e.ve)
	for i, c := range seq.Content {
		starts[i] = d.lineStartOf(d.nodeOffset(c))
		if r := resolveAlias(c); r != nil && r.Kind == yaml.ScalarNode {
			keys[i], isScalar[i] = r.Value, true
		}
	}
	for i := range seq.Content {
		bound := regionEnd
		if i+1 < n {
			bound = starts[i+1]
		}
		ends[i] = nextLine(d.Text, d.lastContentLineEnd(d.nodeOffset(seq.Content[i]), bound))
	}
	shape := listShape{}
	shape.indent, shape.gap = d.itemPrefix(seq.Content[0])
	shape.quote = commonQuote(seq)

	var b strings.Builder
	b.Write(d.Text[:starts[0]])
	pos := starts[0]
	for _, op := range align(keys, isScalar, items) {
		switch op.kind {
		case opKeep, opDelete:
			b.Write(d.Text[pos:starts[op.old]])
			if op.kind == opKeep {
				b.Write(d.Text[starts[op.old]:ends[op.old]])
			}
			pos = ends[op.old]
		case opInsert:
			b.WriteString(shape.indent + "-" + shape.gap + renderItem(items[op.new], shape.quote) + d.fmNewline())
		}
	}
	b.Write(d.Text[pos:])
	return []byte(b.String())
}

// commonQuote is the quoting style every scalar item shares, or 0.
func commonQuote(seq *yaml.Node) yaml.Style {
	var style yaml.Style
	for i, c := range seq.Content {
		s := c.Style & (yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle)
		if i == 0 {
			style = s
		} else if s != style {
			return 0
		}
	}
	return style
}

// flowList rewrites a flow list, keeping the source of unchanged items and
// the spacing written around them.
func (d *Doc) flowList(e entry, items []string) string {
	t := d.Text
	seq := e.val
	n := len(seq.Content)
	src := make([]string, n)
	keys := make([]string, n)
	isScalar := make([]bool, n)
	open, sep, closing := "", ", ", ""
	for i, c := range seq.Content {
		s := d.nodeOffset(c)
		end := flowItemEnd(t, s, e.ve)
		src[i] = string(t[s:end])
		if r := resolveAlias(c); r != nil && r.Kind == yaml.ScalarNode {
			keys[i], isScalar[i] = r.Value, true
		}
		if i == 0 && s > e.vs {
			if pad := string(t[e.vs+1 : s]); strings.TrimSpace(pad) == "" && !strings.Contains(pad, "\n") {
				open = pad
			}
		}
		if i == n-1 {
			j := end
			for j < e.ve && (t[j] == ' ' || t[j] == '\t') {
				j++
			}
			if j < e.ve && t[j] == ']' {
				closing = string(t[end:j])
			}
		}
		if i == 1 {
			prevEnd := flowItemEnd(t, d.nodeOffset(seq.Content[0]), e.ve)
			if prevEnd > s {
				continue
			}
			if between := string(t[prevEnd:s]); strings.TrimSpace(between) == "," && !strings.Contains(between, "\n") {
				sep = between
			}
		}
	}
	if len(items) == 0 {
		return "[]"
	}
	parts := make([]string, 0, len(items))
	for _, op := range align(keys, isScalar, items) {
		switch op.kind {
		case opKeep:
			parts = append(parts, src[op.old])
		case opInsert:
			parts = append(parts, renderNewString(items[op.new], true))
		}
	}
	return "[" + open + strings.Join(parts, sep) + closing + "]"
}

// flowItemEnd is the end of the flow item starting at s, before any blanks.
func flowItemEnd(t []byte, s, limit int) int {
	if s >= limit || s >= len(t) {
		return limit
	}
	var end int
	switch t[s] {
	case '"':
		end = scanDoubleQuoted(t, s)
	case '\'':
		end = scanSingleQuoted(t, s)
	case '[', '{':
		end = scanFlow(t, s)
	default:
		end = s
		for end < limit && t[end] != ',' && t[end] != ']' && t[end] != '\n' && t[end] != '\r' &&
			!(t[end] == '#' && (t[end-1] == ' ' || t[end-1] == '\t')) {
			end++
		}
		for end > s && (t[end-1] == ' ' || t[end-1] == '\t') {
			end--
		}
	}
	return min(end, limit)
}

type opKind int

const (
	opKeep opKind = iota
	opDelete
	opInsert
)

type alignOp struct {
	kind     opKind
	old, new int
}

// maxAlignCells bounds the LCS table; beyond it every old item is replaced.
const maxAlignCells = 4 << 20

// align finds the longest common subsequence of the old scalar items and
// the new ones and returns the edit script in text order (deletions before
// insertions at the same place). Non-scalar old items never match.
func align(old []string, isScalar []bool, items []string) []alignOp {
	n, m := len(old), len(items)
	var ops []alignOp
	if (n+1)*(m+1) > maxAlignCells {
		for i := range old {
			ops = append(ops, alignOp{kind: opDelete, old: i})
		}
		for j := range items {
			ops = append(ops, alignOp{kind: opInsert, new: j})
		}
		return ops
	}
	// lcs[i][j]: LCS length of old[i:] and items[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case isScalar[i] && old[i] == items[j]:
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && isScalar[i] && old[i] == items[j]:
			ops = append(ops, alignOp{kind: opKeep, old: i, new: j})
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, alignOp{kind: opDelete, old: i})
			i++
		default:
			ops = append(ops, alignOp{kind: opInsert, new: j})
			j++
		}
	}
	return ops
}
