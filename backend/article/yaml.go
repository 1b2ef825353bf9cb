package article

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Bounds on front matter. Real front matter is a few kilobytes and a couple
// of levels deep; these limits keep a hostile or broken file from costing
// memory or time (yaml.v3 itself allows depth 10,000 and decodes a node per
// token), while staying far above anything an article needs.
const (
	MaxFrontMatterSize = 1 << 20
	MaxYAMLDepth       = 100
	MaxYAMLAliases     = 100
)

func (d *Doc) parseYAML() {
	if !d.FMClosed {
		d.YAMLErr = &SyntaxError{Line: d.fmLine - 1, Column: 1,
			Msg: "the front matter opened with --- is never closed by a --- line"}
		if d.YAMLErr.Line < 1 {
			d.YAMLErr.Line = 1
		}
		return
	}
	raw := d.Text[d.FMStart:d.FMEnd]
	if len(raw) > MaxFrontMatterSize {
		d.YAMLErr = &SyntaxError{Line: d.fmLine, Column: 1, Msg: "front matter is larger than 1 MB"}
		return
	}
	if err := d.prescanYAML(raw); err != nil {
		d.YAMLErr = err
		return
	}
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		d.YAMLErr = d.yamlError(err)
		return
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return // empty or comments only: a valid, empty front matter
	}
	top := root.Content[0]
	if err := d.checkTree(top); err != nil {
		d.YAMLErr = err
		return
	}
	if top.Kind != yaml.MappingNode {
		line, col := d.nodePos(top)
		d.YAMLErr = &SyntaxError{Line: line, Column: col, Msg: "front matter is not a mapping of keys to values"}
		return
	}
	d.YAML = top
}

// prescanYAML rejects flow nesting and alias counts beyond the bounds before
// yaml.v3 builds a tree. It is deliberately conservative about quotes: a
// bracket inside a quoted string is skipped, a stray one is harmless.
func (d *Doc) prescanYAML(raw []byte) *SyntaxError {
	depth, aliases, line := 0, 0, 0
	var quote byte
	prev := byte('\n')
	for _, c := range raw {
		if c == '\n' {
			line++
		}
		switch {
		case quote != 0:
			if c == quote || (c == '\n' && quote == '#') {
				quote = 0
			}
		case c == '#' && (prev == ' ' || prev == '\t' || prev == '\n'):
			quote = '#' // a comment runs to the end of the line
		case c == '"' || c == '\'':
			if prev == ' ' || prev == '\t' || prev == '\n' || prev == '[' || prev == '{' || prev == ',' || prev == ':' {
				quote = c
			}
		case c == '[' || c == '{':
			depth++
			if depth > MaxYAMLDepth {
				return &SyntaxError{Line: d.fmLine + line, Column: 1, Msg: "front matter is nested deeper than " + itoa(MaxYAMLDepth) + " levels"}
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		case c == '*' && (prev == ' ' || prev == '\t' || prev == '\n' || prev == '[' || prev == ','):
			aliases++
			if aliases > MaxYAMLAliases {
				return &SyntaxError{Line: d.fmLine + line, Column: 1, Msg: "front matter uses more than " + itoa(MaxYAMLAliases) + " aliases"}
			}
		}
		prev = c
	}
	return nil
}

// checkTree bounds block nesting and aliases (which the prescan cannot see
// exactly) and reports duplicate keys, which yaml.v3 accepts into a Node but
// Hugo refuses. Aliases are counted, never followed.
func (d *Doc) checkTree(top *yaml.Node) *SyntaxError {
	aliases := 0
	type item struct {
		n     *yaml.Node
		depth int
	}
	stack := []item{{top, 1}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if it.depth > MaxYAMLDepth {
			line, col := d.nodePos(n)
			return &SyntaxError{Line: line, Column: col, Msg: "front matter is nested deeper than " + itoa(MaxYAMLDepth) + " levels"}
		}
		if n.Kind == yaml.AliasNode {
			aliases++
			if aliases > MaxYAMLAliases {
				line, col := d.nodePos(n)
				return &SyntaxError{Line: line, Column: col, Msg: "front matter uses more than " + itoa(MaxYAMLAliases) + " aliases"}
			}
			continue
		}
		if n.Kind == yaml.MappingNode {
			seen := make(map[string]*yaml.Node, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Kind != yaml.ScalarNode {
					continue
				}
				if first, dup := seen[k.Value]; dup {
					line, col := d.nodePos(k)
					fl, _ := d.nodePos(first)
					return &SyntaxError{Line: line, Column: col,
						Msg: "key " + strconv.Quote(k.Value) + " is already defined on line " + itoa(fl)}
				}
				seen[k.Value] = k
			}
		}
		for _, c := range n.Content {
			stack = append(stack, item{c, it.depth + 1})
		}
	}
	return nil
}

// nodePos maps a node's position inside the front matter to the whole file.
func (d *Doc) nodePos(n *yaml.Node) (line, col int) {
	return d.fmLine + n.Line - 1, n.Column
}

// nodeOffset is the byte offset in Text where a node starts.
func (d *Doc) nodeOffset(n *yaml.Node) int {
	line, col := d.nodePos(n)
	return d.Offset(line, col)
}

// yamlError turns a yaml.v3 error ("yaml: line 3: mapping values are not
// allowed in this context") into a position in the whole file. yaml.v3
// reports lines but not columns, so the column is 1. Its parser (as opposed
// to scanner) errors count lines from 0 and omit line 0, so they are shifted.
func (d *Doc) yamlError(err error) *SyntaxError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, after, ok := strings.Cut(rest, ": "); ok {
			if n, convErr := strconv.Atoi(num); convErr == nil {
				line, msg = n, after
			}
		}
	}
	if yamlParserErrors[msg] || line == 0 {
		line++
	}
	fileLine := d.fmLine + line - 1
	if max := d.LineCount(); fileLine > max {
		fileLine = max
	}
	return &SyntaxError{Line: fileLine, Column: 1, Msg: msg}
}

// yamlParserErrors are the messages yaml.v3 reports from its parser stage
// with a 0-based line.
var yamlParserErrors = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}
