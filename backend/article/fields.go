package article

import "gopkg.in/yaml.v3"

// Field is one top-level front matter entry.
type Field struct {
	Name  string
	Key   *yaml.Node
	Value *yaml.Node // as written: an alias stays an AliasNode
	// Line and Column locate the value in the whole file (for an empty value,
	// the position just after the colon); KeyLine and KeyColumn the key.
	Line, Column       int
	KeyLine, KeyColumn int
	// The value's source is Text[ValueStart:ValueEnd], without a trailing
	// comment; empty for an empty value.
	ValueStart, ValueEnd int
}

// Field looks up a top-level front matter key.
func (d *Doc) Field(key string) (Field, bool) {
	e, ok := d.entry(key)
	if !ok {
		return Field{}, false
	}
	f := Field{Name: key, Key: e.key, Value: e.val, ValueStart: e.vs, ValueEnd: e.ve}
	f.KeyLine, f.KeyColumn = d.Pos(e.keyStart)
	f.Line, f.Column = d.Pos(e.vs)
	return f, true
}

// Keys lists the top-level front matter keys in the order written.
func (d *Doc) Keys() []string {
	if d.YAML == nil {
		return nil
	}
	keys := make([]string, 0, len(d.YAML.Content)/2)
	for i := 0; i+1 < len(d.YAML.Content); i += 2 {
		keys = append(keys, d.YAML.Content[i].Value)
	}
	return keys
}

// String is the text of a scalar value (an alias to a scalar is followed).
// ok is false when the key is missing, empty or null, or not a scalar.
// The text is as YAML reads it, not as Hugo types it: `draft: false` gives "false".
func (d *Doc) String(key string) (string, bool) {
	f, ok := d.Field(key)
	if !ok {
		return "", false
	}
	n := resolveAlias(f.Value)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return n.Value, true
}

// List is the items of a sequence of scalars. ok is false when the key is
// missing, not a sequence, or an item is not a scalar.
func (d *Doc) List(key string) ([]string, bool) {
	f, ok := d.Field(key)
	if !ok {
		return nil, false
	}
	n := resolveAlias(f.Value)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil, false
	}
	items := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		c = resolveAlias(c)
		if c == nil || c.Kind != yaml.ScalarNode {
			return nil, false
		}
		items = append(items, c.Value)
	}
	return items, true
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}
