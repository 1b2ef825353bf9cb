package pagemeta

import (
	"strings"

	"golang.org/x/net/html"
)

// The element tree is built from the tokenizer rather than html.Parse: the
// full HTML5 tree construction has super-linear corners (misnested
// formatting elements, 100k-deep nesting) that hostile pages hit, and
// metadata needs only a forgiving tree. Both caps below are far above any
// real article page.
const (
	maxDepth = 512     // deeper elements become siblings at the cap
	maxNodes = 400_000 // beyond this the rest of the page is ignored
)

type node struct {
	tag    string // lower-case element name; "" for a text node
	attrs  []html.Attribute
	text   string // text nodes only
	parent *node
	kids   []*node
}

func (n *node) attr(key string) string {
	for _, a := range n.attrs {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func (n *node) has(key string) bool {
	for _, a := range n.attrs {
		if a.Key == key {
			return true
		}
	}
	return false
}

// within reports whether n has an ancestor with one of the tags.
func (n *node) within(tags ...string) bool {
	for p := n.parent; p != nil; p = p.parent {
		for _, t := range tags {
			if p.tag == t {
				return true
			}
		}
	}
	return false
}

var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// closesP lists start tags that end an open <p>, as in HTML5.
var closesP = map[string]bool{
	"p": true, "div": true, "ul": true, "ol": true, "table": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "section": true, "article": true, "header": true, "footer": true,
	"blockquote": true, "pre": true, "figure": true, "aside": true, "nav": true, "dl": true, "form": true,
}

// parseTree builds the element tree. It is linear in the input and never
// fails; truncated reports whether the node cap cut the page short.
func parseTree(src string) (root *node, truncated bool) {
	root = &node{tag: "#root"}
	stack := []*node{root}
	count := 0
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return root, false
		}
		if count >= maxNodes {
			return root, true
		}
		top := stack[len(stack)-1]
		switch tt {
		case html.TextToken:
			t := string(z.Text())
			count++
			top.kids = append(top.kids, &node{text: t, parent: top})
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			var attrs []html.Attribute
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs = append(attrs, html.Attribute{Key: string(k), Val: string(v)})
			}
			if closesP[tag] && top.tag == "p" {
				stack = stack[:len(stack)-1]
				top = stack[len(stack)-1]
			} else if (tag == "li" && top.tag == "li") || ((tag == "dt" || tag == "dd") && (top.tag == "dt" || top.tag == "dd")) ||
				(tag == "option" && top.tag == "option") || (tag == "tr" && top.tag == "tr") ||
				((tag == "td" || tag == "th") && (top.tag == "td" || top.tag == "th")) {
				stack = stack[:len(stack)-1]
				top = stack[len(stack)-1]
			}
			count++
			n := &node{tag: tag, attrs: attrs, parent: top}
			top.kids = append(top.kids, n)
			if tt == html.StartTagToken && !voidTags[tag] && len(stack) < maxDepth {
				stack = append(stack, n)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			for i := len(stack) - 1; i > 0; i-- {
				if stack[i].tag == tag {
					stack = stack[:i]
					break
				}
			}
		}
	}
}

// walk visits n and its descendants in document order until visit returns
// false for a node (its subtree is then skipped).
func walk(n *node, visit func(*node) bool) {
	if !visit(n) {
		return
	}
	for _, k := range n.kids {
		walk(k, visit)
	}
}

// findAll returns the elements under n for which match is true.
func findAll(n *node, match func(*node) bool) []*node {
	var out []*node
	walk(n, func(x *node) bool {
		if x.tag != "" && match(x) {
			out = append(out, x)
		}
		return true
	})
	return out
}

// invisible tags hold no reader-visible text.
var invisible = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"iframe": true, "head": true, "title": true, "select": true, "button": true, "object": true,
}

// textOf is the visible text under n with whitespace collapsed.
func textOf(n *node) string {
	var b strings.Builder
	walk(n, func(x *node) bool {
		if invisible[x.tag] {
			return false
		}
		if x.tag == "" {
			b.WriteString(x.text)
			b.WriteByte(' ')
		} else if x.tag == "br" {
			b.WriteByte(' ')
		}
		return b.Len() < 1<<20
	})
	return collapse(b.String())
}

// rawText is the unprocessed text content of n (scripts, <title>).
func rawText(n *node) string {
	var b strings.Builder
	for _, k := range n.kids {
		if k.tag == "" {
			b.WriteString(k.text)
		}
	}
	return b.String()
}

// collapse trims s and folds every run of white space (including
// non-breaking and ideographic spaces) into one ASCII space.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u3000', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff':
		return true
	}
	return false
}

// classHas reports whether n's class, id, rel or itemprop contain word.
func classHas(n *node, word string) bool {
	for _, k := range []string{"class", "id", "rel", "itemprop", "data-testid"} {
		if v := n.attr(k); v != "" && strings.Contains(strings.ToLower(v), word) {
			return true
		}
	}
	return false
}
