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

	cls     string // lower-cased class, id, rel, itemprop, data-testid (classHas)
	clsDone bool
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
	// Nodes come from slabs: one allocation per 256 nodes, not per node.
	var slab []node
	newNode := func() *node {
		if len(slab) == 0 {
			slab = make([]node, 256)
		}
		n := &slab[0]
		slab = slab[1:]
		return n
	}
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
			raw := z.Text()
			t := " "
			if !allSpace(raw) {
				t = string(raw)
			}
			count++
			n := newNode()
			n.text, n.parent = t, top
			top.kids = append(top.kids, n)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := intern(name)
			var attrs []html.Attribute
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if key, ok := keptAttrs[string(k)]; ok {
					attrs = append(attrs, html.Attribute{Key: key, Val: string(v)})
				}
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
			n := newNode()
			n.tag, n.attrs, n.parent = tag, attrs, top
			top.kids = append(top.kids, n)
			if tt == html.StartTagToken && !voidTags[tag] && len(stack) < maxDepth {
				stack = append(stack, n)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := intern(name)
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
	// Fast path: most text is already collapsed or only needs trimming.
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			clean = false
			break
		}
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
		if sp && (prevSpace || c != ' ') {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		if isSpace(r) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
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
	if !n.clsDone {
		// Lower-cased once per element, however many rules ask.
		var b strings.Builder
		for _, a := range n.attrs {
			switch a.Key {
			case "class", "id", "rel", "itemprop", "data-testid":
				b.WriteString(a.Val)
				b.WriteByte(' ')
			}
		}
		n.cls, n.clsDone = strings.ToLower(b.String()), true
	}
	return strings.Contains(n.cls, word)
}

// common tag and attribute names are shared rather than allocated for
// every element: a 1 MB page has tens of thousands of them.
var common = func() map[string]string {
	m := map[string]string{}
	for _, s := range strings.Fields(`a abbr address article aside b body br button div em figure figcaption
		footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input li link main meta nav noscript
		ol option p picture pre script section select source span strong style svg table tbody td th time
		title tr u ul path g use label small sup sub blockquote dl dt dd
		class id href src rel type name content property itemprop itemscope itemtype datetime lang style
		alt title width height target role aria-label aria-hidden data-testid loading srcset sizes charset
		http-equiv data-src data-id tabindex`) {
		m[s] = s
	}
	return m
}()

func intern(b []byte) string {
	if s, ok := common[string(b)]; ok {
		return s
	}
	return string(b)
}

// keptAttrs are the attributes some rule reads; the rest (styles, srcset,
// data blobs) are dropped while parsing, which halves the garbage of a
// large page.
var keptAttrs = func() map[string]string {
	m := map[string]string{}
	for _, k := range strings.Fields(`class id rel itemprop itemscope data-testid content name property
		http-equiv charset lang xml:lang href src action datetime pubdate type role data-area
		data-component data-gu-name`) {
		m[k] = k
	}
	return m
}()

// allSpace reports whether b is only ASCII white space: the text between
// tags, which is kept as one shared space.
func allSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f' {
			return false
		}
	}
	return true
}
