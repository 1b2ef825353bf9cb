package pagemeta

import (
	"strings"
	"unicode/utf8"
)

// findArticle picks the element that holds the article body, in the order
// of how explicitly the page says so: [itemprop=articleBody], the <article>
// with the most text, <main>, else the element with the most paragraph
// text among its own <p> children (the "densest block" rule that readers
// use for pages without semantic markup).
func findArticle(root *node) *node {
	var body, main *node
	var articles []*node
	found := (*node)(nil)
	walk(root, func(n *node) bool {
		if found != nil || invisible[n.tag] {
			return false
		}
		switch {
		case n.tag == "":
		case strings.EqualFold(n.attr("itemprop"), "articleBody"):
			found = n
			return false
		case n.tag == "article" && !n.within("aside", "nav", "footer"):
			articles = append(articles, n)
		case n.tag == "main" && main == nil:
			main = n
		case n.tag == "body" && body == nil:
			body = n
		}
		return true
	})
	if found != nil {
		return found
	}
	if len(articles) > 0 {
		best, bestLen := articles[0], -1
		for _, a := range articles {
			if l := len(textOf(a)); l > bestLen {
				best, bestLen = a, l
			}
		}
		return best
	}
	if main != nil {
		return main
	}
	return densest(root)
}

// densest is the element whose direct <p> children hold the most text.
func densest(root *node) *node {
	var best *node
	bestLen := 0
	walk(root, func(n *node) bool {
		if invisible[n.tag] || n.tag == "nav" || n.tag == "footer" || n.tag == "aside" {
			return false
		}
		if n.tag == "" {
			return false
		}
		total := 0
		for _, k := range n.kids {
			if k.tag == "p" {
				total += len(textOf(k))
			}
		}
		if total > bestLen {
			best, bestLen = n, total
		}
		return true
	})
	return best
}

// chromeTags are page furniture, not article text.
var chromeTags = map[string]bool{"nav": true, "footer": true, "aside": true, "form": true, "figure": false}

// articleText is the compact plain text of the article: one line per block,
// whitespace collapsed, page furniture and scripts removed, capped at
// MaxTextBytes on a character boundary.
func articleText(d *doc) string {
	root := d.article
	if root == nil {
		root = d.root
	}
	var b strings.Builder
	var line strings.Builder
	full := false
	flush := func() {
		s := collapse(line.String())
		line.Reset()
		if s == "" || full {
			return
		}
		if b.Len()+len(s)+1 > MaxTextBytes {
			room := MaxTextBytes - b.Len() - 1
			for room > 0 && !utf8.RuneStart(s[room]) {
				room--
			}
			if room > 0 {
				if b.Len() > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(s[:room])
			}
			full = true
			return
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s)
	}
	var visit func(n *node)
	visit = func(n *node) {
		if full || invisible[n.tag] || chromeTags[n.tag] || isChromeClass(n) {
			return
		}
		if n.tag == "" {
			if line.Len() < MaxTextBytes {
				line.WriteString(n.text)
			}
			return
		}
		block := blockTags[n.tag]
		if block {
			flush()
		}
		for _, k := range n.kids {
			visit(k)
		}
		if block {
			flush()
		}
	}
	visit(root)
	flush()
	return b.String()
}

// isChromeClass recognises share bars, related-story lists and ads inside
// an article element by their class names.
func isChromeClass(n *node) bool {
	if n.tag == "" {
		return false
	}
	c := strings.ToLower(n.attr("class") + " " + n.attr("id"))
	if strings.TrimSpace(c) == "" {
		return false
	}
	for _, w := range []string{"share", "social", "related", "newsletter", "advert", "promo", "comment", "recommend"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}
