package article

import (
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// blockContext is what a block scalar needs to be rewritten in place.
type blockContext struct {
	indent  string // the content lines' indentation
	newline string
}

func (d *Doc) blockContext(e entry) blockContext {
	bc := blockContext{indent: string(d.Text[e.lineStart:e.keyStart]) + "  ", newline: d.fmNewline()}
	for i := nextLine(d.Text, e.vs); i < e.next; i = nextLine(d.Text, i) {
		le := d.lineEnd(i)
		j := i
		for j < le && d.Text[j] == ' ' {
			j++
		}
		if j < le && j-i > e.keyIndent {
			bc.indent = string(d.Text[i:j])
			break
		}
	}
	return bc
}

// renderBlockScalar rewrites a literal (|) or folded (>) scalar with a new
// value, keeping its kind where the value allows and choosing the chomping
// indicator that reads back exactly. Values a block scalar cannot carry
// without an indentation indicator become double-quoted.
func renderBlockScalar(value string, old *yaml.Node, bc blockContext) string {
	if value == "" || strings.HasPrefix(value, " ") || strings.HasPrefix(value, "\t") || strings.HasPrefix(value, "\n") ||
		strings.ContainsAny(value, "\r\u0085\u2028\u2029\ufeff") || bc.indent == "" {
		return doubleQuote(value)
	}
	for _, r := range value {
		if r != '\n' && r != '\t' && !unicode.IsPrint(r) { // C0, DEL, C1 and the like: escape them
			return doubleQuote(value)
		}
	}
	body := strings.TrimRight(value, "\n")
	trailing := len(value) - len(body)
	chomp := "-"
	switch {
	case trailing == 1:
		chomp = ""
	case trailing > 1:
		chomp = "+"
	}
	lines := strings.Split(body, "\n")
	indicator := "|"
	if old.Style&yaml.FoldedStyle != 0 && len(lines) == 1 && !strings.HasSuffix(body, " ") {
		indicator = ">"
	}
	var b strings.Builder
	b.WriteString(indicator + chomp)
	for _, l := range lines {
		b.WriteString(bc.newline)
		if l != "" {
			b.WriteString(bc.indent + l)
		}
	}
	for i := 1; i < trailing; i++ {
		b.WriteString(bc.newline)
	}
	return b.String()
}
