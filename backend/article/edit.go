package article

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"time"

	"gopkg.in/yaml.v3"
)

var (
	// ErrUnsupportedFormat: the edit needs YAML front matter and the file has TOML or JSON.
	ErrUnsupportedFormat = errors.New("front matter is not YAML")
	// ErrEditCheck: the edited text did not read back as intended, so it was
	// not returned. It means a bug or a construct the editor does not handle
	// (an anchored value, say); the original text is untouched.
	ErrEditCheck = errors.New("the edit did not read back as intended")
	// ErrFlowFrontMatter: the whole front matter is one flow mapping
	// ({title: a, draft: true}); it is read, but not edited in place.
	ErrFlowFrontMatter = errors.New("front matter written as a {flow} mapping cannot be edited in place")
	// ErrNoDefinition: ReplaceDefinition found no definition with that label.
	ErrNoDefinition = errors.New("no footnote definition with that label")
)

// editable parses text for a front matter edit. Text without front matter
// gets an empty YAML block first, so a form can fill a new draft.
func editable(text []byte) (*Doc, error) {
	d, err := Parse(text)
	if err != nil {
		return nil, err
	}
	switch d.Format {
	case FormatNone:
		bom := bomLen(text)
		nl := d.Newline
		withFM := make([]byte, 0, len(text)+8+2*len(nl))
		withFM = append(withFM, text[:bom]...)
		withFM = append(withFM, "---"+nl+"---"+nl...)
		withFM = append(withFM, text[bom:]...)
		return Parse(withFM)
	case FormatYAML:
		if d.YAMLErr != nil {
			return nil, fmt.Errorf("cannot edit front matter: %w", d.YAMLErr)
		}
		if d.YAML != nil && d.YAML.Style&yaml.FlowStyle != 0 {
			return nil, ErrFlowFrontMatter
		}
		return d, nil
	}
	return nil, fmt.Errorf("%w (%s)", ErrUnsupportedFormat, d.Format)
}

// splice returns text with text[from:to] replaced by insert.
func splice(text []byte, from, to int, insert string) []byte {
	out := make([]byte, 0, len(text)-(to-from)+len(insert))
	out = append(out, text[:from]...)
	out = append(out, insert...)
	return append(out, text[to:]...)
}

// entryEnd is the start of the line after an entry's value: the entry's
// lines are Text[lineStart:entryEnd]. Comment lines after the value are not
// included; they stay where they are.
func (d *Doc) entryEnd(e entry) int {
	return nextLine(d.Text, max(e.ve, e.afterColon))
}

// afterEntry is where a key inserted after e goes: after its value, except
// that a block scalar keeping its trailing blank lines (|+, >+) owns them.
func (d *Doc) afterEntry(e entry) int {
	v := e.val
	if v.Kind == yaml.ScalarNode && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 &&
		bytes.ContainsRune(d.Text[e.vs:d.lineEnd(e.vs)], '+') {
		if e.next >= d.FMEnd {
			return d.FMEnd
		}
		return d.headCommentStart(e.next)
	}
	return d.entryEnd(e)
}

// sameNode compares decoded values (kind, tag, text, children); aliases by name.
func sameNode(a, b *yaml.Node, depth int) bool {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || len(a.Content) != len(b.Content) || depth > MaxYAMLDepth {
		return false
	}
	if a.Kind == yaml.AliasNode {
		return a.Alias != nil && b.Alias != nil && a.Alias.Anchor == b.Alias.Anchor
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i], depth+1) {
			return false
		}
	}
	return true
}

// topIndent is the indentation of the top-level keys.
func (d *Doc) topIndent() string {
	if d.YAML == nil || len(d.YAML.Content) == 0 {
		return ""
	}
	e := d.entryAt(0)
	return string(d.Text[e.lineStart:e.keyStart])
}

// insertionPoint is where a missing key goes: after the nearest preceding key
// of order that is present, else before the nearest following one (above its
// comment), else at the end of the front matter.
func (d *Doc) insertionPoint(key string, order []string) int {
	idx := -1
	for i, k := range order {
		if k == key {
			idx = i
			break
		}
	}
	if idx >= 0 {
		for j := idx - 1; j >= 0; j-- {
			if e, ok := d.entry(order[j]); ok {
				return d.afterEntry(e)
			}
		}
		for j := idx + 1; j < len(order); j++ {
			if e, ok := d.entry(order[j]); ok {
				return d.headCommentStart(e.lineStart)
			}
		}
	}
	return d.FMEnd
}

// headCommentStart moves up from a key's line over the comment lines directly above it.
func (d *Doc) headCommentStart(lineStart int) int {
	line, _ := d.Pos(lineStart)
	for line > 1 {
		prev := d.lineStarts[line-2]
		if prev < d.FMStart {
			break
		}
		s := bytes.TrimLeft(d.Text[prev:d.lineEnd(prev)], " \t")
		if len(s) == 0 || s[0] != '#' {
			break
		}
		lineStart, line = prev, line-1
	}
	return lineStart
}

func renderKey(key string) string {
	if canPlainString(key, false) && !bytes.ContainsAny([]byte(key), ":#") {
		return key
	}
	return doubleQuote(key)
}

// setScalar replaces the value of key with the scalar text rendered by
// render(old), or inserts "key: text" when the key is missing. unchanged
// reports that the existing value already is the wanted one, so the text is
// returned as it is. want checks the result.
func setScalar(text []byte, key string, order []string,
	unchanged func(old *yaml.Node) bool, render func(old *yaml.Node, bc blockContext) string, want func(d *Doc) bool) ([]byte, error) {
	d, err := editable(text)
	if err != nil {
		return nil, err
	}
	var out []byte
	e, ok := d.entry(key)
	switch {
	case !ok:
		at := d.insertionPoint(key, order)
		out = splice(d.Text, at, at, d.topIndent()+renderKey(key)+": "+render(nil, blockContext{})+d.fmNewline())
	case e.vs == e.ve: // empty value: "key:" or "key:   # comment"
		j := e.afterColon
		for j < len(d.Text) && (d.Text[j] == ' ' || d.Text[j] == '\t') {
			j++
		}
		insert := " " + render(nil, blockContext{})
		if j < len(d.Text) && d.Text[j] == '#' {
			insert += " "
		}
		out = splice(d.Text, e.afterColon, j, insert)
	case e.val.Kind == yaml.ScalarNode || e.val.Kind == yaml.AliasNode:
		old := resolveAlias(e.val)
		if e.val.Kind == yaml.ScalarNode && unchanged(old) {
			return text, nil
		}
		if e.val.Kind == yaml.AliasNode {
			old = nil
		}
		out = splice(d.Text, e.vs, e.ve, render(old, d.blockContext(e)))
	default: // a list or mapping becomes a scalar
		out = splice(d.Text, e.afterColon, e.ve, " "+render(nil, blockContext{}))
	}
	return verifyEdit(d, out, key, want)
}

// verifyEdit re-parses an edited text and refuses it unless the key reads
// back as wanted and every other key's lines are byte-identical.
func verifyEdit(before *Doc, out []byte, key string, want func(d *Doc) bool) ([]byte, error) {
	after, err := Parse(out)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEditCheck, err)
	}
	if after.YAMLErr != nil || !after.FMClosed {
		return nil, fmt.Errorf("%w: %v", ErrEditCheck, after.YAMLErr)
	}
	if want != nil && !want(after) {
		return nil, fmt.Errorf("%w: key %q", ErrEditCheck, key)
	}
	if before.YAML != nil {
		for i := 0; i+1 < len(before.YAML.Content); i += 2 {
			k := before.YAML.Content[i].Value
			if k == key {
				continue
			}
			eb := before.entryAt(i / 2)
			ea, ok := after.entry(k)
			if !ok || !bytes.Equal(before.Text[eb.lineStart:before.entryEnd(eb)], after.Text[ea.lineStart:after.entryEnd(ea)]) ||
				!sameNode(eb.val, ea.val, 0) {
				return nil, fmt.Errorf("%w: key %q would change", ErrEditCheck, k)
			}
		}
	}
	if !bytes.Equal(before.Body(), after.Body()) {
		return nil, fmt.Errorf("%w: the body would change", ErrEditCheck)
	}
	return out, nil
}

// SetString sets a top-level key to a string. An existing value keeps its
// quoting style when that style can carry the new text (a plain value stays
// plain only while it reads back as the same type, so `title: 2025` becomes
// quoted text but a plain date stays a plain date); a new value is plain
// unless YAML needs quotes. Setting the value already there returns text
// unchanged, byte for byte.
func SetString(text []byte, key, value string, order []string) ([]byte, error) {
	return setScalar(text, key, order,
		func(old *yaml.Node) bool { return old.Value == value && old.Tag != "!!null" },
		func(old *yaml.Node, bc blockContext) string {
			if old != nil && old.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				return renderBlockScalar(value, old, bc)
			}
			return renderInStyle(value, old, false)
		},
		func(d *Doc) bool { s, ok := d.String(key); return ok && s == value || value == "" && s == "" })
}

// SetBool sets a key to a plain YAML true or false (a quoted "false" is
// replaced, since Hugo reads it as text).
func SetBool(text []byte, key string, value bool, order []string) ([]byte, error) {
	s := strconv.FormatBool(value)
	return setScalar(text, key, order,
		func(old *yaml.Node) bool { return old.Style == 0 && old.Value == s },
		func(*yaml.Node, blockContext) string { return s },
		func(d *Doc) bool {
			f, ok := d.Field(key)
			return ok && f.Value.Kind == yaml.ScalarNode && f.Value.Tag == "!!bool" && f.Value.Value == s
		})
}

// SetDate sets a key to t in RFC 3339 with t's own offset (fractional
// seconds only when t has them). A quoted date stays quoted the same way.
func SetDate(text []byte, key string, t time.Time, order []string) ([]byte, error) {
	s := t.Format(time.RFC3339Nano)
	return setScalar(text, key, order,
		func(old *yaml.Node) bool { return old.Value == s },
		func(old *yaml.Node, _ blockContext) string {
			if old != nil && old.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
				return renderInStyle(s, old, false)
			}
			return s
		},
		func(d *Doc) bool { v, ok := d.String(key); return ok && v == s })
}

// RemoveKey deletes a top-level key and its value lines. Comments around it
// stay. A missing key leaves text unchanged.
func RemoveKey(text []byte, key string) ([]byte, error) {
	d, err := Parse(text)
	if err != nil {
		return nil, err
	}
	if d.Format != FormatYAML {
		if d.Format == FormatNone {
			return text, nil
		}
		return nil, fmt.Errorf("%w (%s)", ErrUnsupportedFormat, d.Format)
	}
	if d.YAMLErr != nil {
		return nil, fmt.Errorf("cannot edit front matter: %w", d.YAMLErr)
	}
	e, ok := d.entry(key)
	if !ok {
		return text, nil
	}
	if d.YAML.Style&yaml.FlowStyle != 0 {
		return nil, ErrFlowFrontMatter
	}
	out := splice(d.Text, e.lineStart, d.entryEnd(e), "")
	return verifyEdit(d, out, key, func(a *Doc) bool { _, ok := a.Field(key); return !ok })
}

// fmNewline is the line ending of the front matter's opening line, which
// inserted front matter lines use: a file whose body was re-saved with other
// line endings keeps its front matter consistent.
func (d *Doc) fmNewline() string {
	if d.FMStart >= 2 && d.Text[d.FMStart-2] == '\r' && d.Text[d.FMStart-1] == '\n' {
		return "\r\n"
	}
	if d.FMStart >= 1 && d.Text[d.FMStart-1] == '\n' {
		return "\n"
	}
	return d.Newline
}
