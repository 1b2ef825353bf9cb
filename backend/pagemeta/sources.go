package pagemeta

import (
	"encoding/json"
	"regexp"
	"strings"
)

// The functions behind the rule tables in rules.go.

// ldString reads the first of props from the most article-like JSON-LD
// object that has it. "name" on a WebPage is skipped for titles: it
// usually carries the site suffix and the article object has a headline.
func ldString(props ...string) func(*doc) []cand {
	return func(d *doc) []cand {
		for _, prop := range props {
			for _, t := range d.ld.articles() {
				if prop == "name" && articleRank(t.types) > 1 {
					continue
				}
				if v := cleanText(str(t.obj[prop])); v != "" {
					return one(v, "json-ld "+mainType(t)+"."+prop)
				}
			}
		}
		return nil
	}
}

// parselyJSON is the JSON of the older parsely-page / parsely-metadata tags.
func (d *doc) parselyJSON() map[string]any {
	for _, k := range []string{"parsely-page", "parsely-metadata"} {
		if v, _ := d.meta(k); v != "" && len(v) < 1<<16 {
			var m map[string]any
			if json.Unmarshal([]byte(v), &m) == nil {
				return m
			}
		}
	}
	return nil
}

func parselyRule(jsonKey, metaKey string) func(*doc) []cand {
	return func(d *doc) []cand {
		if v, k := d.meta(metaKey); v != "" {
			return one(v, "meta "+k)
		}
		if m := d.parselyJSON(); m != nil {
			return one(str(m[jsonKey]), "meta parsely-page "+jsonKey)
		}
		return nil
	}
}

// itemprops are the elements whose itemprop list holds prop.
func (d *doc) itemprops(prop string) []*node {
	return findAll(d.root, func(n *node) bool {
		for _, p := range strings.Fields(n.attr("itemprop")) {
			if p == prop {
				return true
			}
		}
		return false
	})
}

// itemValue is a microdata property's value per the HTML spec's element
// rules: content, datetime, href, or the text.
func itemValue(n *node) string {
	switch {
	case n.has("content"):
		return n.attr("content")
	case n.tag == "time" && n.has("datetime"):
		return n.attr("datetime")
	}
	return textOf(n)
}

func microdataRule(prop string) func(*doc) []cand {
	return func(d *doc) []cand {
		for _, n := range d.itemprops(prop) {
			if v := itemValue(n); v != "" {
				return one(v, "microdata "+prop)
			}
		}
		return nil
	}
}

func h1Rule(d *doc) []cand {
	scope := d.article
	if scope == nil || len(findAll(scope, func(n *node) bool { return n.tag == "h1" })) == 0 {
		scope = d.root
	}
	h := findAll(scope, func(n *node) bool { return n.tag == "h1" })
	if len(h) == 0 {
		return nil
	}
	return one(textOf(h[0]), "<h1>")
}

func profileOutlet(d *doc) []cand {
	if d.siteProfile {
		return one(d.site.name, "profile outlets")
	}
	return nil
}

func ldPublisher(d *doc) []cand {
	for _, t := range d.ld.articles() {
		for _, p := range d.ld.names(t.obj["publisher"], 0) {
			return one(p.name, "json-ld "+mainType(t)+".publisher.name")
		}
	}
	// Yoast-style graphs hang the publisher on the WebSite node.
	for _, t := range d.ld.things {
		for _, ty := range t.types {
			if ty == "WebSite" {
				for _, p := range d.ld.names(t.obj["publisher"], 0) {
					return one(p.name, "json-ld WebSite.publisher.name")
				}
			}
		}
	}
	return nil
}

func zhSource(d *doc) []cand {
	s := d.zh.source
	for _, bad := range zhNotSource {
		if strings.Contains(s, bad) {
			return nil
		}
	}
	return one(s, "chinese 来源 text")
}

func hostOutlet(d *doc) []cand {
	if d.site.name != "" {
		return one(d.site.name, "host table")
	}
	return nil
}

func ldAuthors(d *doc) []cand {
	for _, t := range d.ld.articles() {
		people := d.ld.names(t.obj["author"], 0)
		if len(people) == 0 {
			people = d.ld.names(t.obj["creator"], 0)
		}
		if len(people) == 0 {
			continue
		}
		c := cand{evidence: "json-ld " + mainType(t) + ".author"}
		for _, p := range people {
			c.names = append(c.names, p.name)
		}
		return []cand{c}
	}
	return nil
}

func citationAuthors(d *doc) []cand {
	var names []string
	for _, v := range d.metaAll("citation_author") {
		names = append(names, reverseLastFirst(v))
	}
	if len(names) == 0 {
		return nil
	}
	return []cand{{names: names, evidence: "meta citation_author"}}
}

func parselyAuthors(d *doc) []cand {
	if v := d.metaAll("parsely-author"); len(v) > 0 {
		return []cand{{names: v, evidence: "meta parsely-author"}}
	}
	if m := d.parselyJSON(); m != nil {
		var names []string
		for _, k := range []string{"authors", "author"} {
			switch x := m[k].(type) {
			case string:
				names = append(names, x)
			case []any:
				for _, e := range x {
					names = append(names, str(e))
				}
			}
			if len(names) > 0 {
				return []cand{{names: names, evidence: "meta parsely-page " + k}}
			}
		}
	}
	return nil
}

// metaNames reads names from meta tags; URLs are left out here (see
// profileURLAuthors).
func metaNames(keys ...string) func(*doc) []cand {
	return func(d *doc) []cand {
		for _, k := range keys {
			var names []string
			for _, v := range d.metaAll(k) {
				if !isURL(v) {
					names = append(names, v)
				}
			}
			if len(names) > 0 {
				return []cand{{names: names, evidence: "meta " + k}}
			}
		}
		return nil
	}
}

func microdataAuthors(d *doc) []cand {
	var names []string
	for _, n := range d.itemprops("author") {
		if n.has("itemscope") {
			for _, nm := range findAll(n, func(x *node) bool { return strings.Contains(x.attr("itemprop"), "name") }) {
				names = append(names, itemValue(nm))
				break
			}
			continue
		}
		names = append(names, itemValue(n))
	}
	if len(names) == 0 {
		return nil
	}
	return []cand{{names: names, evidence: "microdata author", visible: true}}
}

// bylineAuthors reads the visible byline: rel=author links first, then the
// first element whose class/id says byline or author. Elements in
// navigation, asides and footers are skipped (lists of other stories carry
// other authors), and long ones are bios, not bylines.
func bylineAuthors(d *doc) []cand {
	// The story's own region first: teaser cards before it carry other
	// stories' bylines.
	if r := d.mainRegion(); r != d.root {
		if c := bylineIn(d, r); c != nil {
			return c
		}
	}
	return bylineIn(d, d.root)
}

func bylineIn(d *doc, scope *node) []cand {
	var names []string
	for _, n := range findAll(scope, func(n *node) bool { return strings.EqualFold(n.attr("rel"), "author") && n.tag == "a" }) {
		if !n.within("nav", "aside", "footer") && !isChromeAncestor(n) {
			names = append(names, textOf(n))
		}
	}
	if len(names) > 0 {
		return []cand{{names: names, evidence: "byline text", visible: true}}
	}
	// Links to author pages in the article's header ("Von <a
	// href=/impressum/autor-...>"), outside lists of other stories.
	for _, n := range findAll(scope, func(n *node) bool { return n.tag == "a" && authorLinkRE.MatchString(n.attr("href")) }) {
		if n.within("article", "main") && !n.within("nav", "aside", "footer") && !isChromeAncestor(n) {
			if t := textOf(n); t != "" && len([]rune(t)) <= 60 {
				names = append(names, t)
			}
		}
	}
	if len(names) > 0 {
		return []cand{{names: names, evidence: "byline text", visible: true}}
	}
	for _, n := range findAll(scope, func(n *node) bool {
		return n.tag != "meta" && n.tag != "link" && n.tag != "img" && (classHas(n, "byline") || classHas(n, "author") || classHas(n, "contributor"))
	}) {
		if n.within("nav", "aside", "footer") || classHas(n, "bio") || classHas(n, "avatar") || classHas(n, "image") || isChromeAncestor(n) {
			continue
		}
		t := textOf(n)
		if t == "" || len([]rune(t)) > 150 {
			continue
		}
		t = cutBylineDate(t)
		return []cand{{names: []string{t}, evidence: "byline text", visible: true}}
	}
	return nil
}

func zhAuthors(d *doc) []cand {
	if len(d.zh.authors) == 0 {
		return nil
	}
	return []cand{{names: d.zh.authors, evidence: d.zh.byRule, visible: true}}
}

func profileURLAuthors(d *doc) []cand {
	var names []string
	for _, v := range d.metaAll("article:author") {
		if isURL(v) {
			if n := nameFromProfileURL(v); n != "" {
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 {
		return nil
	}
	return []cand{{names: names, evidence: "article:author profile URL"}}
}

// bylineDateRE finds where a byline's date part starts: after a bar or
// bullet, at a "Published/Updated" label, or at the date itself.
var bylineDateRE = regexp.MustCompile(`(?i)\s*(?:[|·•｜]|\b(?:published|updated|posted|mis à jour|publié|veröffentlicht|aktualisiert|stand)\b|\d{4}[-/.年]|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|oct|okt|nov|dec|dez|janv|févr|avr|juin|juil|août|déc)[a-zéû]*\b)`)

// cutBylineDate drops the date part of a byline ("By Jane Doe | June 27").
func cutBylineDate(t string) string {
	if loc := bylineDateRE.FindStringIndex(t); loc != nil && loc[0] > 0 {
		return strings.TrimSpace(t[:loc[0]])
	}
	return t
}

// authorLinkRE matches the paths of author pages.
var authorLinkRE = regexp.MustCompile(`(?i)/(?:authors?|autor(?:en|in)?|profiles?|journalists?|signataires|by|people|staff|contributors?|writers?|columnists?|reporters?|impressum/autor)(?:/|-)[^/]+`)

// isChromeAncestor reports whether n sits in a related-stories, share or
// comments block.
func isChromeAncestor(n *node) bool {
	for p := n.parent; p != nil; p = p.parent {
		if isChromeClass(p) {
			return true
		}
	}
	return false
}

// titleHostOutlet finds a title segment (first or last) that spells the
// host's name: the page's own words for the site, confirmed by the host.
func titleHostOutlet(d *doc) []cand {
	og, _ := d.meta("og:title")
	want := siteKey(siteLabel(d.host))
	if len(want) < 3 {
		return nil
	}
	for _, t := range []string{d.title, og} {
		t = cleanText(t)
		if pos, sep := lastSeparator(t); pos > 0 {
			if seg := strings.TrimSpace(t[pos+len(sep):]); siteKey(seg) == want {
				return one(seg, "title suffix naming the host")
			}
		}
		if pos, _ := firstSeparator(t); pos > 0 {
			if seg := strings.TrimSpace(t[:pos]); siteKey(seg) == want {
				return one(seg, "title prefix naming the host")
			}
		}
	}
	return nil
}

// mainRegion is the element that holds the story: the <article> or <main>
// around the first <h1>, else around the article body, else the page.
func (d *doc) mainRegion() *node {
	if d.region != nil {
		return d.region
	}
	d.region = d.root
	var from *node
	if h := findAll(d.root, func(n *node) bool { return n.tag == "h1" && !n.within("nav", "header", "footer", "aside") }); len(h) > 0 {
		from = h[0]
	} else {
		from = d.article
	}
	for p := from; p != nil; p = p.parent {
		if p.tag == "article" || p.tag == "main" {
			d.region = p
			break
		}
	}
	return d.region
}
