package citations

import (
	"copydesk/backend/article"
	"copydesk/backend/render"
)

// defKey identifies a definition by label and line: a label defined twice
// is two rows, and Hugo numbers only the first.
type defKey struct {
	label string
	line  int
}

// displayNumbers gives each definition the number Hugo shows for it, from
// the renderer's own footnote list (so it is what the site will show);
// definitions Hugo drops (never cited) are absent.
func displayNumbers(doc *article.Doc, r *render.Renderer) map[defKey]int {
	out := map[defKey]int{}
	bodyLine, _ := doc.Pos(doc.BodyStart)
	if r != nil {
		if pv, err := r.Preview(doc.Body()); err == nil {
			for _, f := range pv.Footnotes {
				out[defKey{f.Label, bodyLine + f.Line - 1}] = f.Number
			}
			return out
		}
	}
	// Without a renderer: order of first citation among defined labels.
	first := map[string]int{}
	for _, d := range doc.Defs {
		if _, ok := first[d.Label]; !ok {
			line, _ := doc.Pos(d.Start)
			first[d.Label] = line
		}
	}
	cited := map[string]bool{}
	for _, ref := range doc.Refs {
		cited[ref.Label] = true
	}
	n := 0
	for _, label := range doc.LabelsInOrder() {
		if line, defined := first[label]; defined && cited[label] {
			n++
			out[defKey{label, line}] = n
		}
	}
	return out
}
