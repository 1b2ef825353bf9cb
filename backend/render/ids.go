package render

// Heading IDs the way Hugo makes them. goldmark's own generator keeps only ASCII, so every Chinese
// heading would become "heading", "heading-1", ...; Hugo's "github" style keeps Unicode letters.
// The logic below follows Hugo v0.165.0 markup/goldmark/autoid.go and markup/blackfriday
// (Apache-2.0, Copyright The Hugo Authors).

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// SanitizeAnchorName turns heading text into an ID the way Hugo's anchorize does for idType.
func SanitizeAnchorName(s, idType string) string {
	var buf bytes.Buffer
	writeAnchorName(&buf, []byte(s), idType)
	return buf.String()
}

func writeAnchorName(buf *bytes.Buffer, b []byte, idType string) {
	if idType == AutoIDBlackfriday {
		buf.WriteString(blackfridayAnchorName(string(b)))
		return
	}
	asciiOnly := idType == AutoIDGitHubASCII
	if asciiOnly {
		b, _, _ = transform.Bytes(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), b)
	}
	b = bytes.TrimSpace(b)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case asciiOnly && size != 1:
		case r == '-' || r == ' ':
			buf.WriteRune('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			buf.WriteRune(unicode.ToLower(r))
		}
		b = b[size:]
	}
}

func blackfridayAnchorName(text string) string {
	var anchorName []rune
	futureDash := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if futureDash && len(anchorName) > 0 {
				anchorName = append(anchorName, '-')
			}
			futureDash = false
			anchorName = append(anchorName, unicode.ToLower(r))
		default:
			futureDash = true
		}
	}
	return string(anchorName)
}

// idFactory is goldmark's parser.IDs for one document: a fresh one per render, so IDs from one
// article never leak into the next (duplicates get -1, -2 within a document only).
type idFactory struct {
	idType string
	vals   map[string]struct{}
}

func newIDFactory(idType string) *idFactory {
	return &idFactory{idType: idType, vals: make(map[string]struct{})}
}

func (ids *idFactory) Generate(value []byte, kind ast.NodeKind) []byte {
	var buf bytes.Buffer
	writeAnchorName(&buf, value, ids.idType)
	if buf.Len() == 0 {
		switch kind {
		case ast.KindHeading:
			buf.WriteString("heading")
		case east.KindDefinitionTerm:
			buf.WriteString("term")
		default:
			buf.WriteString("id")
		}
	}
	if _, found := ids.vals[buf.String()]; found {
		buf.WriteByte('-')
		pos := buf.Len()
		for i := 1; ; i++ {
			buf.WriteString(strconv.Itoa(i))
			if _, found := ids.vals[buf.String()]; !found {
				break
			}
			buf.Truncate(pos)
		}
	}
	ids.vals[buf.String()] = struct{}{}
	return buf.Bytes()
}

func (ids *idFactory) Put(value []byte) {
	ids.vals[string(value)] = struct{}{}
}

var _ parser.IDs = (*idFactory)(nil)

// textPlain is Hugo's render.TextPlain: the node's text as written, raw HTML stripped of tags,
// named entities resolved. Heading IDs are computed from it.
func textPlain(n ast.Node, source []byte) string {
	var buf bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		textPlainTo(c, source, &buf)
	}
	return string(util.ResolveEntityNames(buf.Bytes()))
}

func textPlainTo(c ast.Node, source []byte, buf *bytes.Buffer) {
	if c == nil {
		return
	}
	switch c := c.(type) {
	case *ast.RawHTML:
		buf.WriteString(strings.TrimSpace(stripHTMLTags(string(c.Segments.Value(source)))))
	case *ast.String:
		buf.Write(c.Value)
	case *ast.Text:
		buf.Write(c.Segment.Value(source))
		if c.HardLineBreak() || c.SoftLineBreak() {
			buf.WriteByte('\n')
		}
	default:
		textPlainTo(c.FirstChild(), source, buf)
	}
}

// stripHTMLTags drops <...> tags and comments. An inline raw HTML node is one tag or comment, so
// this matches Hugo's StripHTML for what can appear there.
func stripHTMLTags(s string) string {
	if !strings.ContainsAny(s, "<>") {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		if strings.HasPrefix(s, "<!--") {
			end := strings.Index(s[4:], "-->")
			if end < 0 {
				break
			}
			s = s[4+end+3:]
			continue
		}
		if s[0] == '<' {
			end := strings.IndexByte(s, '>')
			if end < 0 {
				b.WriteString(s)
				break
			}
			s = s[end+1:]
			continue
		}
		b.WriteByte(s[0])
		s = s[1:]
	}
	return b.String()
}

// headingIDText is the text Hugo anchors a heading on: for multi-line (setext) headings, the last line.
func headingIDText(n *ast.Heading, source []byte) []byte {
	text := textPlain(n, source)
	if n.Lines().Len() > 1 {
		parts := strings.Split(text, "\n")
		text = parts[len(parts)-1]
	}
	return []byte(text)
}
