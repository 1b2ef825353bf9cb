package pagemeta

import (
	"strings"
	"unicode/utf8"
)

// findArticle picks the element that holds the article body, in the order
// of how explicitly the page says so: [itemprop=articleBody], the <article>
// with the most text, <main>, else the element with the most paragraph
// text among its own <p> children (the "densest block" rule that readers
// use for pages without semantic markup). Text lengths are computed in one
// bottom-up pass, so nested articles or paragraphs cost no more than flat
// ones.
func findArticle(root *node) *node {
	var body, main, marked, bestArticle, dense *node
	bestArticleLen, denseLen := -1, 0
	var visit func(n *node) int
	visit = func(n *node) int {
		if n.tag == "" {
			return len(n.text)
		}
		if invisible[n.tag] {
			return 0
		}
		switch {
		case marked == nil && strings.EqualFold(n.attr("itemprop"), "articleBody"):
			marked = n
		case n.tag == "main" && main == nil:
			main = n
		case n.tag == "body" && body == nil:
			body = n
		}
		total, paragraphs := 0, 0
		for _, k := range n.kids {
			l := visit(k)
			total += l
			if k.tag == "p" {
				paragraphs += l
			}
		}
		if paragraphs > denseLen && n.tag != "nav" && n.tag != "footer" && n.tag != "aside" {
			dense, denseLen = n, paragraphs
		}
		if n.tag == "article" && total > bestArticleLen && !n.within("aside", "nav", "footer") {
			bestArticle, bestArticleLen = n, total
		}
		return total
	}
	visit(root)
	switch {
	case marked != nil:
		return marked
	case bestArticle != nil:
		return bestArticle
	case main != nil:
		return main
	}
	return dense
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
	if n.attr("role") == "complementary" {
		return true
	}
	c := strings.ToLower(n.attr("class") + " " + n.attr("id") + " " + n.attr("data-area") + " " + n.attr("data-component") + " " + n.attr("data-gu-name"))
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
