package render

// The node renderers Hugo puts in front of goldmark's own. Each follows the Hugo v0.165.0 function
// named beside it (Apache-2.0, Copyright The Hugo Authors) because each changes bytes of .Content.

import (
	"bytes"
	"math"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// bufWriter is the util.BufWriter the renderer writes into; renderers that must capture the HTML of
// their children (table cells) read it back by position, as Hugo's render.Context does.
type bufWriter struct {
	bytes.Buffer
	codeBlocks int           // fenced code blocks seen so far: Hugo's per-page ordinal for line anchors
	tables     []*tableState // tables being rendered (cells are captured, then printed at the end)
}

func (b *bufWriter) Available() int { return math.MaxInt32 }
func (b *bufWriter) Buffered() int  { return b.Len() }
func (b *bufWriter) Flush() error   { return nil }

var _ util.BufWriter = (*bufWriter)(nil)

// rawHTMLRenderer: with unsafe off Hugo writes nothing for HTML comments where goldmark writes
// "<!-- raw HTML omitted -->" (markup/goldmark/hugocontext).
type rawHTMLRenderer struct{ html.Config }

func (r *rawHTMLRenderer) SetOption(name renderer.OptionName, value any) {
	r.Config.SetOption(name, value)
}

func (r *rawHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, r.renderRawHTML)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
}

func isHTMLComment(b []byte) bool {
	return len(b) > 4 && b[0] == '<' && b[1] == '!' && b[2] == '-' && b[3] == '-'
}

func firstLineIsComment(n *ast.HTMLBlock, source []byte) bool {
	first := n.Lines().At(0)
	return isHTMLComment(first.Value(source))
}

func (r *rawHTMLRenderer) renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.HTMLBlock)
	if entering {
		if r.Unsafe {
			for i := 0; i < n.Lines().Len(); i++ {
				line := n.Lines().At(i)
				r.Writer.SecureWrite(w, line.Value(source))
			}
		} else if !firstLineIsComment(n, source) {
			_, _ = w.WriteString("<!-- raw HTML omitted -->\n")
		}
	} else if n.HasClosure() {
		if r.Unsafe {
			r.Writer.SecureWrite(w, n.ClosureLine.Value(source))
		} else if !firstLineIsComment(n, source) {
			_, _ = w.WriteString("<!-- raw HTML omitted -->\n")
		}
	}
	return ast.WalkContinue, nil
}

func (r *rawHTMLRenderer) renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	if r.Unsafe {
		for i := 0; i < n.Segments.Len(); i++ {
			segment := n.Segments.At(i)
			_, _ = w.Write(segment.Value(source))
		}
		return ast.WalkSkipChildren, nil
	}
	first := n.Segments.At(0)
	if !isHTMLComment(first.Value(source)) {
		_, _ = w.WriteString("<!-- raw HTML omitted -->")
	}
	return ast.WalkSkipChildren, nil
}

// linkRenderer is Hugo's hookedRenderer with no render hooks (markup/goldmark/render_hooks.go):
// links lose attributes, bare www. links get linkifyProtocol, headings print every attribute.
type linkRenderer struct {
	linkifyProtocol []byte
	html.Config
}

func (r *linkRenderer) SetOption(name renderer.OptionName, value any) {
	r.Config.SetOption(name, value)
}

func (r *linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindHeading, r.renderHeading)
}

func (r *linkRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString("<img src=\"")
	dest := util.URLEscape(n.Destination, true)
	if r.Unsafe || !html.IsDangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
	_, _ = w.WriteString(`" alt="`)
	r.renderTexts(w, source, n)
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		r.Writer.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.ImageAttributeFilter)
	}
	if r.XHTML {
		_, _ = w.WriteString(" />")
	} else {
		_, _ = w.WriteString(">")
	}
	return ast.WalkSkipChildren, nil
}

func (r *linkRenderer) renderTexts(w util.BufWriter, source []byte, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.String:
			if c.IsCode() {
				_, _ = w.Write(c.Value)
			} else if c.IsRaw() {
				r.Writer.RawWrite(w, c.Value)
			} else {
				r.Writer.Write(w, c.Value)
			}
		case *ast.Text:
			r.renderText(w, source, c)
		default:
			r.renderTexts(w, source, c)
		}
	}
}

func (r *linkRenderer) renderText(w util.BufWriter, source []byte, n *ast.Text) {
	value := n.Segment.Value(source)
	if n.IsRaw() {
		r.Writer.RawWrite(w, value)
		return
	}
	r.Writer.Write(w, value)
	if n.HardLineBreak() || (n.SoftLineBreak() && r.HardWraps) {
		if r.XHTML {
			_, _ = w.WriteString("<br />\n")
		} else {
			_, _ = w.WriteString("<br>\n")
		}
	} else if n.SoftLineBreak() {
		_ = w.WriteByte('\n')
	}
}

func (r *linkRenderer) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<a href=\"")
	dest := util.URLEscape(n.Destination, true)
	if r.Unsafe || !html.IsDangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		r.Writer.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (r *linkRenderer) renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	_, _ = w.WriteString(`<a href="`)
	url := n.URL(source)
	if len(n.Protocol) > 0 && !bytes.Equal(n.Protocol, r.linkifyProtocol) {
		url = append(append([]byte{}, r.linkifyProtocol...), url[len(n.Protocol):]...)
	}
	url = util.URLEscape(url, false)
	label := n.Label(source)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		_, _ = w.WriteString("mailto:")
	}
	if r.Unsafe || !html.IsDangerousURL(url) {
		_, _ = w.Write(util.EscapeHTML(url))
	}
	if n.Attributes() != nil {
		_ = w.WriteByte('"')
		html.RenderAttributes(w, n, html.LinkAttributeFilter)
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString(`">`)
	}
	_, _ = w.Write(util.EscapeHTML(label))
	_, _ = w.WriteString(`</a>`)
	return ast.WalkContinue, nil
}

func (r *linkRenderer) renderHeading(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	if entering {
		_, _ = w.WriteString("<h")
		_ = w.WriteByte("0123456"[n.Level])
		renderAllAttributes(w, n.Attributes())
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("</h")
		_ = w.WriteByte("0123456"[n.Level])
		_, _ = w.WriteString(">\n")
	}
	return ast.WalkContinue, nil
}

// renderAllAttributes is Hugo's attributes.RenderASTAttributes: every attribute but on* handlers,
// with no allow-list.
func renderAllAttributes(w util.BufWriter, attrs []ast.Attribute) {
	for _, attr := range attrs {
		if strings.HasPrefix(strings.ToLower(string(attr.Name)), "on") {
			continue
		}
		_ = w.WriteByte(' ')
		_, _ = w.Write(attr.Name)
		_, _ = w.WriteString(`="`)
		_, _ = w.WriteString(attrValueString(attr.Value, true))
		_ = w.WriteByte('"')
	}
}

// attrValueString converts a parsed attribute value the way Hugo's cast.ToString does.
func attrValueString(v any, escape bool) string {
	switch v := v.(type) {
	case []byte:
		if escape {
			return string(util.EscapeHTML(v))
		}
		return string(v)
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	default:
		return ""
	}
}

// blockquoteRenderer follows Hugo's renderBlockquoteDefault (markup/goldmark/blockquotes): with
// attributes there is no newline after the opening tag.
type blockquoteRenderer struct{}

func (blockquoteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindBlockquote, renderBlockquote)
}

func renderBlockquote(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</blockquote>\n")
		return ast.WalkContinue, nil
	}
	if n.Attributes() != nil {
		_, _ = w.WriteString("<blockquote")
		html.RenderAttributes(w, n, html.BlockquoteAttributeFilter)
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("<blockquote>\n")
	}
	return ast.WalkContinue, nil
}
