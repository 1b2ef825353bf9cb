package render

// The AST transformer Hugo adds for heading IDs and `{...}` block attributes. Follows Hugo v0.165.0
// markup/goldmark/internal/extensions/attributes (Apache-2.0, Copyright The Hugo Authors), itself based
// on github.com/mdigger/goldmark-attributes (MIT, Copyright (c) 2019 Dmitry Sedykh).

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var (
	kindAttributesBlock = ast.NewNodeKind("AttributesBlock")
	attrNameID          = []byte("id")
)

type attrExtension struct{ cfg Parser }

func (a *attrExtension) Extend(m goldmark.Markdown) {
	if a.cfg.Attribute.Block {
		m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(attrParser{}, 100)))
	}
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&attrTransformer{cfg: a.cfg}, 100)))
}

type attrParser struct{}

func (attrParser) CanAcceptIndentedLine() bool                                { return false }
func (attrParser) CanInterruptParagraph() bool                                { return true }
func (attrParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (attrParser) Trigger() []byte                                            { return []byte{'{'} }
func (attrParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return parser.Close
}

func (attrParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if attrs, ok := parser.ParseAttributes(reader); ok {
		node := &attributesBlock{}
		for _, attr := range attrs {
			node.SetAttribute(attr.Name, attr.Value)
		}
		return node, parser.NoChildren
	}
	return nil, parser.RequireParagraph
}

type attributesBlock struct{ ast.BaseBlock }

func (a *attributesBlock) Dump(source []byte, level int) { ast.DumpHelper(a, source, level, nil, nil) }
func (a *attributesBlock) Kind() ast.NodeKind            { return kindAttributesBlock }

type attrTransformer struct{ cfg Parser }

func (a *attrTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var attributes, solitary []ast.Node
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if k := node.Kind(); k == ast.KindHeading || k == east.KindDefinitionTerm {
			if id, found := node.Attribute(attrNameID); !found {
				a.generateAutoID(node, reader, pc)
			} else if b, ok := id.([]byte); ok {
				pc.IDs().Put(b)
			}
		}
		if a.cfg.Attribute.Block && node.Kind() == kindAttributesBlock {
			if prev := node.PreviousSibling(); prev != nil && prev.Kind() != ast.KindFencedCodeBlock && !node.HasBlankPreviousLines() {
				attributes = append(attributes, node)
				return ast.WalkSkipChildren, nil
			}
			solitary = append(solitary, node)
		}
		return ast.WalkContinue, nil
	})
	for _, attr := range attributes {
		if prev := attr.PreviousSibling(); prev != nil && prev.Type() == ast.TypeBlock {
			for _, at := range attr.Attributes() {
				if _, found := prev.Attribute(at.Name); !found {
					prev.SetAttribute(at.Name, at.Value)
				}
			}
		}
		attr.Parent().RemoveChild(attr.Parent(), attr)
	}
	for _, n := range solitary {
		n.Parent().RemoveChild(n.Parent(), n)
	}
}

func (a *attrTransformer) generateAutoID(n ast.Node, reader text.Reader, pc parser.Context) {
	var txt []byte
	switch n := n.(type) {
	case *ast.Heading:
		if a.cfg.AutoHeadingID {
			txt = headingIDText(n, reader.Source())
		}
	case *east.DefinitionTerm:
		if a.cfg.AutoDefinitionTermID {
			txt = []byte(textPlain(n, reader.Source()))
		}
	}
	if len(txt) > 0 {
		n.SetAttribute(attrNameID, pc.IDs().Generate(txt, n.Kind()))
	}
}

// imagesTransformer lifts a paragraph's only image out of its <p> when the site turns
// wrapStandAloneImageWithinParagraph off (Hugo markup/goldmark/images).
type imagesTransformer struct{}

func (imagesTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	_ = ast.Walk(doc, func(node ast.Node, enter bool) (ast.WalkStatus, error) {
		if !enter {
			return ast.WalkContinue, nil
		}
		if n, ok := node.(*ast.Image); ok {
			parent := n.Parent()
			if parent.ChildCount() == 1 && parent.Kind() == ast.KindParagraph {
				for _, attr := range parent.Attributes() {
					n.SetAttribute(attr.Name, attr.Value)
				}
				grand := parent.Parent()
				grand.ReplaceChild(grand, parent, n)
			}
		}
		return ast.WalkContinue, nil
	})
}
