package render

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Renderer renders article bodies with one Config. It is safe for concurrent use: every call gets
// its own parser context (heading IDs, footnotes) and output buffer.
type Renderer struct {
	cfg Config
	md  goldmark.Markdown
}

// New builds a Renderer for cfg.
func New(cfg Config) *Renderer {
	return &Renderer{cfg: cfg, md: newMarkdown(cfg)}
}

// Config returns the configuration the Renderer was built with.
func (r *Renderer) Config() Config { return r.cfg }

var (
	defaultOnce     sync.Once
	defaultRenderer *Renderer
)

// DefaultRenderer is a shared Renderer with Hugo's default configuration.
func DefaultRenderer() *Renderer {
	defaultOnce.Do(func() { defaultRenderer = New(Default()) })
	return defaultRenderer
}

// Render returns exactly what Hugo prints for {{ .Content }} of a page whose body (the text after
// the front matter) is body.
func (r *Renderer) Render(body []byte) ([]byte, error) {
	out, _, err := r.render(body)
	return out, err
}

// summaryDivider is Hugo's manual summary marker; Hugo swaps its first occurrence (and the ASCII
// white space after it) for a placeholder paragraph before rendering, then cuts that paragraph out.
var (
	summaryDivider     = []byte("<!--more-->")
	summaryPlaceholder = []byte("HUGOMORE42")
	summaryReplacement = []byte("\n\nHUGOMORE42\n\n")
)

// prepare returns the Markdown goldmark sees: body with the summary divider replaced.
func prepare(body []byte) (src []byte, divided bool) {
	src, divided, _ = prepareMapped(body)
	return src, divided
}

// prepareMapped also returns how an offset in src maps back to body.
func prepareMapped(body []byte) (src []byte, divided bool, toBody func(int) int) {
	i := bytes.Index(body, summaryDivider)
	if i < 0 {
		return body, false, func(p int) int { return p }
	}
	j := i + len(summaryDivider)
	for j < len(body) && isASCIISpace(body[j]) {
		j++
	}
	src = make([]byte, 0, len(body)+len(summaryReplacement))
	src = append(src, body[:i]...)
	src = append(src, summaryReplacement...)
	src = append(src, body[j:]...)
	return src, true, func(p int) int {
		switch {
		case p >= i+len(summaryReplacement):
			return p - len(summaryReplacement) + (j - i)
		case p > i:
			return i
		}
		return p
	}
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// parse runs goldmark's parser with a fresh ID context, so heading IDs never carry over between
// documents.
func (r *Renderer) parse(src []byte) ast.Node {
	pctx := parser.NewContext(parser.WithIDs(newIDFactory(r.cfg.Goldmark.Parser.AutoIDType)))
	return r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pctx))
}

func (r *Renderer) render(body []byte) ([]byte, ast.Node, error) {
	src, divided := prepare(body)
	doc := r.parse(src)
	out, err := r.renderNode(src, doc)
	if err != nil {
		return nil, doc, err
	}
	if divided {
		out = removeSummaryDivider(out)
	}
	return out, doc, nil
}

func (r *Renderer) renderNode(src []byte, doc ast.Node) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, errorf("render: %v", p)
		}
	}()
	w := &bufWriter{}
	w.Grow(len(src) + len(src)/2)
	if err := r.md.Renderer().Render(w, src, doc); err != nil {
		return nil, err
	}
	return w.Bytes(), nil
}

var (
	renderersMu sync.Mutex
	renderers   = map[Config]*Renderer{}
)

// cachedRenderer returns a shared Renderer for cfg; building goldmark costs more than parsing an
// article, and callers such as the checks pass a Config, not a Renderer.
func cachedRenderer(cfg Config) *Renderer {
	renderersMu.Lock()
	defer renderersMu.Unlock()
	if r, ok := renderers[cfg]; ok {
		return r
	}
	if len(renderers) > 16 {
		clear(renderers)
	}
	r := New(cfg)
	renderers[cfg] = r
	return r
}

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }
