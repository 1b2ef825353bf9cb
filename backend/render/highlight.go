package render

// Fenced code the way Hugo prints it: highlighted by Chroma with the site's markup.highlight settings
// (monokai, inline styles, `<div class="highlight"><pre tabindex="0" ...>`), and unknown or missing
// languages as `<pre tabindex="0"><code class="language-x" data-lang="x">`. Indented code blocks keep
// goldmark's renderer, as in Hugo. Follows Hugo v0.165.0 markup/goldmark/codeblocks and
// markup/highlight (Apache-2.0, Copyright The Hugo Authors).

import (
	"bytes"
	"fmt"
	gohtml "html"
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

type codeBlockRenderer struct{ cfg Highlight }

func (r *codeBlockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderCodeBlock)
}

type codeAttr struct {
	name  string
	value string
}

func (r *codeBlockRenderer) renderCodeBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang, _, _ := strings.Cut(string(n.Language(src)), "{")

	ordinal := 0
	if buf, ok := w.(*bufWriter); ok {
		ordinal = buf.codeBlocks
		buf.codeBlocks++
	}

	var code bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		code.Write(line.Value(src))
	}
	s := strings.TrimRight(code.String(), "\r\n")
	if s != "" {
		s += "\n"
	}

	var info []byte
	if n.Info != nil {
		info = n.Info.Segment.Value(src)
	}
	cfg := r.cfg
	var attrs []codeAttr
	options := map[string]any{}
	for _, a := range fenceAttributes(n, info) {
		lower := strings.ToLower(string(a.Name))
		if strings.HasPrefix(lower, "on") {
			continue
		}
		if highlightOptions[lower] {
			options[lower] = a.Value
			continue
		}
		attrs = append(attrs, codeAttr{name: lower, value: attrValueString(a.Value, false)})
	}
	// A list hl_lines=[2, "4-5"] is resolved against the block's own linenostart (default 1), not
	// the site's lineNoStart, and then used as is (Hugo's attributes.New and
	// normalizeHighlightOptions); a string hl_lines="2 4-5" goes through the config path.
	var listed [][2]int
	if list, ok := options["hl_lines"].([]any); ok {
		base := 1
		if v, ok := options["linenostart"]; ok {
			base, _ = strconv.Atoi(attrValueString(v, false))
		}
		listed = listRanges(list, base)
		delete(options, "hl_lines")
	}
	for name, v := range options {
		applyHighlightOption(&cfg, name, v)
	}
	if cfg.LineAnchors == "" {
		cfg.LineAnchors = "hl-" + strconv.Itoa(ordinal)
	}
	return ast.WalkContinue, highlight(w, s, lang, attrs, cfg, listed)
}

// highlightOptions are the fence attributes Hugo hands to Chroma instead of the wrapper element.
var highlightOptions = map[string]bool{
	"anchorlinenos": true, "guesssyntax": true, "hl_lines": true, "hl_inline": true, "lineanchors": true,
	"linenos": true, "linenostart": true, "linenumbersintable": true, "noclasses": true, "style": true,
	"tabwidth": true,
}

func listRanges(list []any, base int) [][2]int {
	var ranges [][2]int
	for _, item := range list {
		switch v := item.(type) {
		case float64:
			ranges = append(ranges, [2]int{int(v) - 1 + base, int(v) - 1 + base})
		case []byte:
			lo, hi, found := strings.Cut(string(v), "-")
			l, err := strconv.Atoi(lo)
			if err != nil {
				continue
			}
			h := l
			if found {
				if h, err = strconv.Atoi(hi); err != nil {
					continue
				}
			}
			ranges = append(ranges, [2]int{l - 1 + base, h - 1 + base})
		}
	}
	return ranges
}

// fenceAttributes reads `{...}` from the info string (Hugo's getAttributes). Hugo fails the build
// on attributes it cannot parse; the preview renders such a block without them.
func fenceAttributes(n *ast.FencedCodeBlock, info []byte) []ast.Attribute {
	if n.Attributes() != nil {
		return n.Attributes()
	}
	start := bytes.IndexByte(info, '{')
	if start < 0 {
		return nil
	}
	end := bytes.IndexByte(info[start:], '}')
	if end < 0 {
		return nil
	}
	parsed, ok := parser.ParseAttributes(text.NewReader(info[start : start+end+1]))
	if !ok {
		return nil
	}
	attrs := make([]ast.Attribute, len(parsed))
	for i, a := range parsed {
		attrs[i] = ast.Attribute{Name: a.Name, Value: a.Value}
	}
	return attrs
}

// applyHighlightOption applies one Chroma option a code fence carries (`{linenos=table}`).
func applyHighlightOption(cfg *Highlight, name string, v any) {
	str := attrValueString(v, false)
	truthy := str == "true" || str == "1" || str == "T" || str == "t" || str == "TRUE" || str == "True"
	switch name {
	case "style":
		cfg.Style = str
	case "noclasses":
		cfg.NoClasses = truthy
	case "linenos":
		switch {
		case str == "table" || str == "inline":
			cfg.LineNos = str
		case str == "false":
			cfg.LineNos = "false"
		default:
			cfg.LineNos = "true" // Hugo: any other value but "false" turns them on
		}
	case "linenostart":
		if i, err := strconv.Atoi(str); err == nil {
			cfg.LineNoStart = i
		}
	case "hl_lines":
		cfg.HlLines = str
	case "linenumbersintable":
		cfg.LineNumbersInTable = truthy
	case "anchorlinenos":
		cfg.AnchorLineNos = truthy
	case "lineanchors":
		cfg.LineAnchors = str
	case "tabwidth":
		if i, err := strconv.Atoi(str); err == nil {
			cfg.TabWidth = i
		}
	case "guesssyntax":
		cfg.GuessSyntax = truthy
	}
}

func highlight(w util.BufWriter, code, lang string, attrs []codeAttr, cfg Highlight, listed [][2]int) error {
	var lexer chroma.Lexer
	if lang != "" {
		lexer = lexers.Get(lang)
	}
	if lexer == nil && cfg.GuessSyntax {
		lexer = lexers.Analyse(code)
		if lexer == nil {
			lexer = lexers.Fallback
		}
		lang = strings.ToLower(lexer.Config().Name)
	}
	if lexer == nil {
		_, _ = w.WriteString(preStart(lang, ""))
		_, _ = w.WriteString(gohtml.EscapeString(code))
		_, _ = w.WriteString("</code></pre>")
		return nil
	}
	style := styles.Get(cfg.Style)
	if style == nil {
		style = styles.Fallback
	}
	iterator, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return err
	}
	writeDivStart(w, attrs, cfg.WrapperClass)
	formatter := chromahtml.New(append(htmlOptions(cfg, listed), chromahtml.WithPreWrapper(preWrapper{lang: lang}))...)
	if err := formatter.Format(w, style, iterator); err != nil {
		return err
	}
	_, _ = w.WriteString("</div>")
	return nil
}

func htmlOptions(cfg Highlight, listed [][2]int) []chromahtml.Option {
	lineNos, inTable := false, cfg.LineNumbersInTable
	switch cfg.LineNos {
	case "true":
		lineNos = true
	case "inline":
		lineNos, inTable = true, false
	case "table":
		lineNos, inTable = true, true
	}
	anchors := ""
	if cfg.LineAnchors != "" {
		anchors = cfg.LineAnchors + "-"
	}
	opts := []chromahtml.Option{
		chromahtml.TabWidth(cfg.TabWidth),
		chromahtml.WithLineNumbers(lineNos),
		chromahtml.BaseLineNumber(cfg.LineNoStart),
		chromahtml.LineNumbersInTable(inTable),
		chromahtml.WithClasses(!cfg.NoClasses),
		chromahtml.WithLinkableLineNumbers(cfg.AnchorLineNos, anchors),
		chromahtml.InlineCode(false),
	}
	ranges := listed
	if ranges == nil {
		ranges = hlLinesToRanges(cfg.LineNoStart, cfg.HlLines)
	}
	if ranges != nil {
		opts = append(opts, chromahtml.HighlightLines(ranges))
	}
	return opts
}

// hlLinesToRanges parses "1 3-4" (Hugo compensates chroma's line base by startLine).
func hlLinesToRanges(startLine int, s string) [][2]int {
	var ranges [][2]int
	for _, field := range strings.Fields(s) {
		numbers := strings.Split(field, "-")
		first, err := strconv.Atoi(numbers[0])
		if err != nil {
			return nil
		}
		r := [2]int{first + startLine - 1, first + startLine - 1}
		if len(numbers) > 1 {
			second, err := strconv.Atoi(numbers[1])
			if err != nil {
				return nil
			}
			r[1] = second + startLine - 1
		}
		ranges = append(ranges, r)
	}
	return ranges
}

type preWrapper struct{ lang string }

func (p preWrapper) Start(code bool, styleAttr string) string {
	lang := ""
	if code {
		lang = p.lang
	}
	return preStart(lang, styleAttr)
}

func (p preWrapper) End(code bool) string { return "</code></pre>" }

func preStart(lang, styleAttr string) string {
	s := fmt.Sprintf(`<pre tabindex="0"%s><code`, styleAttr)
	if lang != "" {
		lang = gohtml.EscapeString(lang)
		s += ` class="language-` + lang + `" data-lang="` + lang + `"`
	}
	return s + ">"
}

func writeDivStart(w util.BufWriter, attrs []codeAttr, wrapperClass string) {
	_, _ = w.WriteString(`<div class="` + wrapperClass)
	if attrs != nil {
		for _, a := range attrs {
			if a.name == "class" {
				_, _ = w.WriteString(" " + a.value)
				break
			}
		}
		_ = w.WriteByte('"')
		for _, a := range attrs {
			if a.name == "class" {
				continue
			}
			_, _ = w.WriteString(" " + a.name + `="` + a.value + `"`)
		}
	} else {
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
}
