package render

import (
	"github.com/yuin/goldmark/ast"
)

// ParseForText parses an article body with the block and inline structure Hugo gives it under cfg,
// for checks that read the prose itself (typography). Typographic substitutions are switched off
// for this parse: they replace quotes, dashes and "..." with segment-less String nodes, whereas a
// prose check needs every character of text in a Text node whose segment points into the source.
// The substitutions never change block or inline structure, so code spans, links, HTML and
// footnote references are where Hugo sees them. toBody maps an offset in src (the text goldmark
// parsed, which differs from body when it holds Hugo's summary divider) back to body. A parser
// failure is reported as a nil doc.
func ParseForText(body []byte, cfg Config) (doc ast.Node, src []byte, toBody func(int) int) {
	cfg.Goldmark.Extensions.Typographer.Disable = true
	r := cachedRenderer(cfg)
	src, _, toBody = prepareMapped(body)
	defer func() {
		if recover() != nil {
			doc = nil
		}
	}()
	return r.parse(src), src, toBody
}

// Parse parses an article body exactly as Render does under cfg, Hugo's summary divider cut out
// first, for analyses that must see what Hugo's own parser makes of the text (backend/cjkemphasis
// asks it which emphasis markers it matched). src is the text goldmark parsed and toBody maps an
// offset in it back to body. A parser panic is not recovered here: callers that only give advice
// recover it themselves.
func Parse(body []byte, cfg Config) (doc ast.Node, src []byte, toBody func(int) int) {
	r := cachedRenderer(cfg)
	src, _, toBody = prepareMapped(body)
	return r.parse(src), src, toBody
}
