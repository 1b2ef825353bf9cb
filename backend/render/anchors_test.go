package render

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"copydesk/backend/refarticle"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestBlockElementsMatchABrowserParse: the element indexes Preview reports must be the indexes a
// browser gives the top-level elements (container.children), parsed here by an HTML5 parser.
func TestBlockElementsMatchABrowserParse(t *testing.T) {
	bodies := fixtureBodies(t)
	if seed := seedArticleForTest(); seed != nil {
		bodies["reference article"] = seed
	}
	for _, cfg := range []Config{Default(), escapedSpaceUnsafe()} {
		r := New(cfg)
		for name, body := range bodies {
			p, err := r.Preview(body)
			if err != nil {
				t.Fatal(err)
			}
			ctx := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
			nodes, err := html.ParseFragment(strings.NewReader(p.HTML), ctx)
			if err != nil {
				t.Fatal(err)
			}
			var elements []*html.Node
			for _, n := range nodes {
				if n.Type == html.ElementNode {
					elements = append(elements, n)
				}
			}
			for _, b := range p.Blocks {
				if b.Element < 0 {
					continue
				}
				if b.Element >= len(elements) {
					t.Errorf("%s: block at line %d claims element %d of %d", name, b.Line, b.Element, len(elements))
					continue
				}
				var out bytes.Buffer
				if err := html.Render(&out, elements[b.Element]); err != nil {
					t.Fatal(err)
				}
				tag := "<" + elements[b.Element].Data
				if !strings.HasPrefix(p.HTML[b.HTMLStart:], tag) {
					t.Errorf("%s: block at line %d starts %q, browser element %d is %s", name, b.Line,
						p.HTML[b.HTMLStart:min(len(p.HTML), b.HTMLStart+30)], b.Element, tag)
				}
			}
		}
	}
}

// seedArticleForTest is the reference article's body, or nil without it.
func seedArticleForTest() []byte {
	path, err := refarticle.Path()
	if err != nil {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return stripFrontMatter(b)
}

// The reference article cites [^4] first: Hugo shows it as 1, then [^2] 2, [^1] 3, [^3] 4, [^5] 5.
func TestReferenceArticleFootnoteNumbers(t *testing.T) {
	body := seedArticleForTest()
	if body == nil {
		t.Skip("reference article ../shared/seeds/000_77146d4682ff964c.txt not found")
	}
	p, err := DefaultRenderer().Preview(body)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range p.Footnotes {
		got = append(got, f.Label)
	}
	if strings.Join(got, ",") != "4,2,1,3,5" {
		t.Fatalf("display order of labels %v, want 4,2,1,3,5", got)
	}
	if len(p.Headings) == 0 || p.Headings[0].ID != "激进投入一场超智能豪赌" {
		t.Fatalf("headings %+v", p.Headings)
	}
}
