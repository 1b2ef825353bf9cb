package render

// Tables the way Hugo prints them: through its embedded render-table.html template (tab-indented,
// `style="text-align: left"`), not goldmark's table renderer. Follows Hugo v0.165.0
// markup/goldmark/tables and tpl/tplimpl/embedded/templates/_markup/render-table.html
// (Apache-2.0, Copyright The Hugo Authors).

import (
	"html"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

type tableCell struct {
	text, alignment string
}

type tableState struct {
	head, body [][]tableCell
	cellStart  int
}

// tableRenderer keeps no state of its own (one goldmark instance serves concurrent renders): the
// tables being built live in the per-render bufWriter.
type tableRenderer struct{}

func (r *tableRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTable, r.renderTable)
	reg.Register(east.KindTableHeader, r.renderRow)
	reg.Register(east.KindTableRow, r.renderRow)
	reg.Register(east.KindTableCell, r.renderCell)
}

func (r *tableRenderer) renderTable(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	buf := w.(*bufWriter)
	if entering {
		buf.tables = append(buf.tables, &tableState{})
		return ast.WalkContinue, nil
	}
	t := buf.tables[len(buf.tables)-1]
	buf.tables = buf.tables[:len(buf.tables)-1]

	var b strings.Builder
	b.WriteString("<table")
	writeTemplateAttributes(&b, n.Attributes())
	b.WriteString(">\n\t<thead>")
	writeRows(&b, t.head, "th")
	b.WriteString("\n\t</thead>\n\t<tbody>")
	writeRows(&b, t.body, "td")
	b.WriteString("\n\t</tbody>\n</table>\n")
	_, _ = w.WriteString(b.String())
	return ast.WalkContinue, nil
}

func writeRows(b *strings.Builder, rows [][]tableCell, tag string) {
	for _, row := range rows {
		b.WriteString("\n\t\t\t<tr>")
		for _, c := range row {
			b.WriteString("\n\t\t\t\t\t<")
			b.WriteString(tag)
			if c.alignment != "" {
				b.WriteString(` style="text-align: ` + c.alignment + `"`)
			}
			b.WriteByte('>')
			b.WriteString(c.text)
			b.WriteString("</" + tag + ">")
		}
		b.WriteString("\n\t\t\t</tr>")
	}
}

// writeTemplateAttributes prints attributes as the embedded template does: sorted by name,
// names lower-cased, on* dropped, empty values skipped, values HTML-escaped then Go-quoted.
func writeTemplateAttributes(b *strings.Builder, attrs []ast.Attribute) {
	if len(attrs) == 0 {
		return
	}
	m := map[string]string{}
	for _, a := range attrs {
		name := strings.ToLower(string(a.Name))
		if strings.HasPrefix(name, "on") {
			continue
		}
		if v, ok := a.Value.(bool); ok && !v {
			m[name] = ""
			continue
		}
		m[name] = attrValueString(a.Value, false)
	}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if m[k] == "" {
			continue
		}
		b.WriteString(" " + k + "=" + strconv.Quote(html.EscapeString(m[k])))
	}
}

func (r *tableRenderer) renderRow(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	buf := w.(*bufWriter)
	if entering && len(buf.tables) > 0 {
		t := buf.tables[len(buf.tables)-1]
		if n.Kind() == east.KindTableHeader {
			t.head = append(t.head, nil)
		} else {
			t.body = append(t.body, nil)
		}
	}
	return ast.WalkContinue, nil
}

func (r *tableRenderer) renderCell(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	buf := w.(*bufWriter)
	if len(buf.tables) == 0 {
		return ast.WalkContinue, nil
	}
	t := buf.tables[len(buf.tables)-1]
	if entering {
		t.cellStart = buf.Len()
		return ast.WalkContinue, nil
	}
	text := string(buf.Bytes()[t.cellStart:])
	buf.Truncate(t.cellStart)
	var align string
	switch node.(*east.TableCell).Alignment {
	case east.AlignLeft:
		align = "left"
	case east.AlignRight:
		align = "right"
	case east.AlignCenter:
		align = "center"
	}
	cell := tableCell{text: text, alignment: align}
	if node.Parent().Kind() == east.KindTableHeader {
		t.head[len(t.head)-1] = append(t.head[len(t.head)-1], cell)
	} else {
		t.body[len(t.body)-1] = append(t.body[len(t.body)-1], cell)
	}
	return ast.WalkContinue, nil
}
