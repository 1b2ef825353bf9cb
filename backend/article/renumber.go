package article

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// ErrMultilineContent: a definition's content must stay on its line.
var ErrMultilineContent = errors.New("footnote definition content must be one line")

// ReplaceDefinition rewrites the content after "[^label]: " on the first
// definition of label, leaving the rest of the text byte-identical.
func ReplaceDefinition(text []byte, label, content string) ([]byte, error) {
	if strings.ContainsAny(content, "\r\n") {
		return nil, ErrMultilineContent
	}
	d, err := Parse(text)
	if err != nil {
		return nil, err
	}
	for _, df := range d.Defs {
		if df.Label != label {
			continue
		}
		insert := content
		if df.ContentStart == df.LabelEnd+2 && content != "" {
			insert = " " + content // "[^1]:" had nothing after the colon
		}
		return splice(d.Text, df.ContentStart, df.End, insert), nil
	}
	return nil, fmt.Errorf("%w: [^%s]", ErrNoDefinition, label)
}

// LabelsInOrder lists footnote labels in the order Hugo numbers them: by
// first citation in the body, then labels defined but never cited, in the
// order of their definitions. Each label appears once.
func (d *Doc) LabelsInOrder() []string {
	seen := map[string]bool{}
	var labels []string
	for _, r := range d.Refs {
		if !seen[r.Label] {
			seen[r.Label] = true
			labels = append(labels, r.Label)
		}
	}
	for _, df := range d.Defs {
		if !seen[df.Label] {
			seen[df.Label] = true
			labels = append(labels, df.Label)
		}
	}
	return labels
}

// Renumber relabels footnotes 1..n so that the labels read in the order
// Hugo displays the notes, which is what an editor expects after moving
// paragraphs around:
//
//   - labels are numbered by first citation in the body; a cited label with
//     no definition also gets its number (it stays undefined, but can no
//     longer collide with another note);
//   - labels defined but never cited come after, in their definition order;
//   - every reference and definition is rewritten together, labels that are
//     not numbers ([^meta]) included; references in code are not references
//     and are left alone;
//   - within each run of consecutive definition lines (the citations block),
//     the lines are sorted by their new number; line endings stay where they
//     were. A run whose last definition continues on the next line (indented
//     or not), or one inside a block quote, is relabelled but not reordered,
//     because moving only a first line would detach the rest.
//
// Nothing else changes; text that is already numbered this way comes back
// byte-identical.
func Renumber(text []byte) ([]byte, error) {
	d, err := Parse(text)
	if err != nil {
		return nil, err
	}
	number := map[string]int{}
	for i, l := range d.LabelsInOrder() {
		number[l] = i + 1
	}
	type rename struct {
		from, to int
		label    string
	}
	var renames []rename
	for _, r := range d.Refs {
		renames = append(renames, rename{r.Start + 2, r.End - 1, strconv.Itoa(number[r.Label])})
	}
	for _, df := range d.Defs {
		renames = append(renames, rename{df.LabelStart, df.LabelEnd, strconv.Itoa(number[df.Label])})
	}
	sort.Slice(renames, func(i, j int) bool { return renames[i].from < renames[j].from })
	// renamed copies text[from:to] with the renames inside it applied.
	next := 0
	renamed := func(from, to int) string {
		var b strings.Builder
		pos := from
		for next < len(renames) && renames[next].from < to {
			r := renames[next]
			if r.from >= pos {
				b.Write(d.Text[pos:r.from])
				b.WriteString(r.label)
				pos = r.to
			}
			next++
		}
		b.Write(d.Text[pos:to])
		return b.String()
	}

	var out strings.Builder
	out.Grow(len(text) + 16)
	cursor := 0
	for _, block := range d.definitionBlocks() {
		out.WriteString(renamed(cursor, block[0].lineStart))
		lines := make([]string, len(block))
		for i, dl := range block {
			lines[i] = renamed(dl.lineStart, dl.lineEnd)
		}
		order := make([]int, len(block))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool {
			return number[d.Defs[block[order[a]].def].Label] < number[d.Defs[block[order[b]].def].Label]
		})
		for slot, dl := range block {
			out.WriteString(lines[order[slot]])
			if slot+1 < len(block) {
				out.Write(d.Text[dl.lineEnd:block[slot+1].lineStart])
			}
		}
		cursor = block[len(block)-1].lineEnd
	}
	out.WriteString(renamed(cursor, len(d.Text)))
	return []byte(out.String()), nil
}

type defLine struct {
	def                int // index in Doc.Defs
	lineStart, lineEnd int
}

// definitionBlocks groups definitions that sit on consecutive lines of their
// own and may be reordered (see Renumber).
func (d *Doc) definitionBlocks() [][]defLine {
	var blocks [][]defLine
	var cur []defLine
	closeBlock := func() {
		if len(cur) > 1 && !d.continuesBelow(cur[len(cur)-1].lineEnd) {
			blocks = append(blocks, cur)
		}
		cur = nil
	}
	for i, df := range d.Defs {
		ls := d.lineStartOf(df.Start)
		if bytes.ContainsRune(d.Text[ls:df.Start], '>') {
			closeBlock()
			continue
		}
		if len(cur) > 0 && nextLine(d.Text, cur[len(cur)-1].lineEnd) != ls {
			closeBlock()
		}
		cur = append(cur, defLine{def: i, lineStart: ls, lineEnd: df.End})
	}
	closeBlock()
	return blocks
}

// continuesBelow reports whether the line after lineEnd continues the
// definition: any non-blank line does (indented, or lazily).
func (d *Doc) continuesBelow(lineEnd int) bool {
	n := nextLine(d.Text, lineEnd)
	if n >= len(d.Text) {
		return false
	}
	le := d.lineEnd(n)
	line := d.Text[n:le]
	return len(bytes.TrimSpace(line)) > 0
}
