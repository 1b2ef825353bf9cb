package render

// The one place the goldmark instance is built from a Config, in the order Hugo v0.165.0 builds it
// (markup/goldmark/convert.go newMarkdown): extension order decides parser priority ties, so it matters.

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

func newMarkdown(cfg Config) goldmark.Markdown {
	g := cfg.Goldmark
	var rendererOptions []renderer.Option
	if g.Renderer.HardWraps {
		rendererOptions = append(rendererOptions, html.WithHardWraps())
	}
	if g.Renderer.XHTML {
		rendererOptions = append(rendererOptions, html.WithXHTML())
	}
	if g.Renderer.Unsafe {
		rendererOptions = append(rendererOptions, html.WithUnsafe())
	}

	extensions := []goldmark.Extender{
		rendererExtension{util.Prioritized(&rawHTMLRenderer{Config: html.Config{Writer: html.DefaultWriter}}, 50)},
		rendererExtension{util.Prioritized(&linkRenderer{
			linkifyProtocol: []byte(g.Extensions.LinkifyProtocol),
			Config:          html.Config{Writer: html.DefaultWriter},
		}, 100)},
		rendererExtension{util.Prioritized(blockquoteRenderer{}, 100)},
	}
	if !g.Parser.WrapStandAloneImageWithinParagraph {
		extensions = append(extensions, transformerExtension{util.Prioritized(imagesTransformer{}, 300)})
	}
	if cfg.Highlight.CodeFences {
		extensions = append(extensions, rendererExtension{util.Prioritized(&codeBlockRenderer{cfg: cfg.Highlight}, 100)})
	}
	if g.Extensions.Table {
		extensions = append(extensions, extension.Table, rendererExtension{util.Prioritized(&tableRenderer{}, 100)})
	}
	if g.Extensions.Strikethrough {
		extensions = append(extensions, extension.Strikethrough)
	}
	if g.Extensions.Linkify {
		extensions = append(extensions, extension.Linkify)
	}
	if g.Extensions.TaskList {
		extensions = append(extensions, extension.TaskList)
	}
	if !g.Extensions.Typographer.Disable {
		t := g.Extensions.Typographer
		extensions = append(extensions, extension.NewTypographer(extension.WithTypographicSubstitutions(
			map[extension.TypographicPunctuation][]byte{
				extension.LeftSingleQuote:  []byte(t.LeftSingleQuote),
				extension.RightSingleQuote: []byte(t.RightSingleQuote),
				extension.LeftDoubleQuote:  []byte(t.LeftDoubleQuote),
				extension.RightDoubleQuote: []byte(t.RightDoubleQuote),
				extension.EnDash:           []byte(t.EnDash),
				extension.EmDash:           []byte(t.EmDash),
				extension.Ellipsis:         []byte(t.Ellipsis),
				extension.LeftAngleQuote:   []byte(t.LeftAngleQuote),
				extension.RightAngleQuote:  []byte(t.RightAngleQuote),
				extension.Apostrophe:       []byte(t.Apostrophe),
			})))
	}
	if g.Extensions.DefinitionList {
		extensions = append(extensions, extension.DefinitionList)
	}
	if g.Extensions.Footnote.Enable {
		opts := []extension.FootnoteOption{extension.WithFootnoteBacklinkHTML(g.Extensions.Footnote.BacklinkHTML)}
		if g.Extensions.Footnote.EnableAutoIDPrefix {
			opts = append(opts, extension.WithFootnoteIDPrefix("h"+DocumentID))
		}
		extensions = append(extensions, extension.NewFootnote(opts...))
	}
	if g.Extensions.CJK.Enable {
		var opts []extension.CJKOption
		if g.Extensions.CJK.EastAsianLineBreaks {
			if g.Extensions.CJK.EastAsianLineBreaksStyle == "css3draft" {
				opts = append(opts, extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft))
			} else {
				opts = append(opts, extension.WithEastAsianLineBreaks())
			}
		}
		if g.Extensions.CJK.EscapedSpace {
			opts = append(opts, extension.WithEscapedSpace())
		}
		extensions = append(extensions, extension.NewCJK(opts...))
	}
	var parserOptions []parser.Option
	if g.Parser.Attribute.Title {
		parserOptions = append(parserOptions, parser.WithAttribute())
	}
	if g.Parser.Attribute.Block || g.Parser.AutoHeadingID || g.Parser.AutoDefinitionTermID {
		p := g.Parser
		if p.AutoDefinitionTermID && !g.Extensions.DefinitionList {
			p.AutoDefinitionTermID = false
		}
		extensions = append(extensions, &attrExtension{cfg: p})
	}
	return goldmark.New(
		goldmark.WithExtensions(extensions...),
		goldmark.WithParserOptions(parserOptions...),
		goldmark.WithRendererOptions(rendererOptions...),
	)
}

// DocumentID stands in for Hugo's per-page hash in footnote IDs when footnote.enableAutoIDPrefix is
// on; the real value depends on the page's path, so those IDs cannot match the site byte for byte.
const DocumentID = "preview"

type rendererExtension struct{ r util.PrioritizedValue }

func (e rendererExtension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(e.r))
}

type transformerExtension struct{ t util.PrioritizedValue }

func (e transformerExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(e.t))
}
