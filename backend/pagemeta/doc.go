package pagemeta

import (
	"fmt"
	"net/url"
	"strings"
)

// metaTag is one <meta> with a name or property.
type metaTag struct{ key, value string }

// doc is a parsed page plus everything the rules read from it, collected
// in one pass so that every rule is a cheap lookup.
type doc struct {
	root     *node
	pageURL  string
	host     string
	opts     Options
	metas    []metaTag         // name= or property= (lower-case key) -> content, in order
	equiv    map[string]string // http-equiv (lower-case) -> content
	ld       ldGraph
	title    string // <title>
	htmlLang string
	links    []*node // <link>
	article  *node   // the element holding the article body (nil: none found)
	blocks   []string
	zh       zhLabels
	region   *node // mainRegion, computed on first use

	site        outlet // host table entry (site.name == "" when none)
	siteProfile bool   // the entry came from the profile
	warnings    []string
}

func (d *doc) warn(w ...string) {
	for _, s := range w {
		if s == "" {
			continue
		}
		dup := false
		for _, have := range d.warnings {
			dup = dup || have == s
		}
		if !dup {
			d.warnings = append(d.warnings, s)
		}
	}
}

func newDoc(src, pageURL string, opts Options) *doc {
	root, truncated := parseTree(src)
	d := &doc{root: root, pageURL: pageURL, host: hostKey(pageURL), opts: opts, equiv: map[string]string{}}
	if truncated {
		d.warn(fmt.Sprintf("the page has more than %d elements; the rest was ignored", maxNodes))
	}
	d.site, d.siteProfile, _ = lookupHost(d.host, opts.Outlets)
	var ldBlocks []string
	walk(root, func(n *node) bool {
		switch n.tag {
		case "html":
			if d.htmlLang == "" {
				d.htmlLang = firstNonEmpty(n.attr("lang"), n.attr("xml:lang"))
			}
		case "meta":
			key := strings.ToLower(strings.TrimSpace(firstNonEmpty(n.attr("property"), n.attr("name"))))
			if key != "" {
				d.metas = append(d.metas, metaTag{key, n.attr("content")})
			}
			if e := strings.ToLower(strings.TrimSpace(n.attr("http-equiv"))); e != "" {
				d.equiv[e] = n.attr("content")
			}
		case "title":
			if d.title == "" && !n.within("svg") {
				d.title = collapse(rawText(n))
			}
		case "link":
			d.links = append(d.links, n)
		case "script":
			if strings.EqualFold(strings.TrimSpace(n.attr("type")), "application/ld+json") {
				ldBlocks = append(ldBlocks, rawText(n))
			}
			return false
		}
		return true
	})
	var w []string
	d.ld, w = parseJSONLD(ldBlocks)
	d.warn(w...)
	d.ld.pageKeys = map[string]bool{}
	og, _ := d.meta("og:url")
	for _, u := range []string{pageURL, og, canonicalHref(d.links)} {
		if k := urlKey(u); k != "" {
			d.ld.pageKeys[k] = true
		}
	}
	d.article = findArticle(root)
	var h1 int
	d.blocks, h1 = textBlocks(root, 4000)
	// Bylines and datelines follow the headline; lines above it are the
	// site's header, where lists of other stories carry other dates.
	d.zh = readZhLabels(d.blocks[h1:])
	return d
}

// meta is the first non-empty content of the first key that has one.
func (d *doc) meta(keys ...string) (value, key string) {
	for _, k := range keys {
		for _, m := range d.metas {
			if m.key == k {
				if v := collapse(m.value); v != "" {
					return v, k
				}
			}
		}
	}
	return "", ""
}

// metaAll is every non-empty content of key, in page order.
func (d *doc) metaAll(key string) []string {
	var out []string
	for _, m := range d.metas {
		if m.key == key {
			if v := collapse(m.value); v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// absURL resolves ref against the page URL; "" unless the result is an
// absolute http(s) URL.
func (d *doc) absURL(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base, err := url.Parse(d.pageURL); err == nil && d.pageURL != "" {
		r = base.ResolveReference(r)
	}
	if (r.Scheme != "http" && r.Scheme != "https") || r.Host == "" {
		return ""
	}
	return r.String()
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if s := strings.TrimSpace(v); s != "" {
			return s
		}
	}
	return ""
}

// blockTags end a line of visible text.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "tr": true, "td": true, "th": true, "section": true, "article": true,
	"header": true, "footer": true, "table": true, "ul": true, "ol": true, "dl": true, "dt": true,
	"dd": true, "blockquote": true, "pre": true, "figure": true, "figcaption": true, "main": true,
	"aside": true, "nav": true, "hr": true, "address": true, "form": true, "body": true,
}

// textBlocks is the page's visible text as lines, one per block element,
// skipping navigation; at most limit lines. h1 is the index of the first line
// of the first <h1> (0 when there is none).
func textBlocks(n *node, limit int) (out []string, h1 int) {
	h1 = -1
	var b strings.Builder
	flush := func() {
		if s := collapse(b.String()); s != "" && len(out) < limit {
			out = append(out, s)
		}
		b.Reset()
	}
	var visit func(x *node)
	visit = func(x *node) {
		if len(out) >= limit || invisible[x.tag] || x.tag == "nav" {
			return
		}
		if x.tag == "" {
			if b.Len() < 1<<16 {
				b.WriteString(x.text)
			}
			return
		}
		block := blockTags[x.tag] || x.tag == "h1"
		if block {
			flush()
		}
		if x.tag == "h1" && h1 < 0 {
			h1 = len(out)
		}
		for _, k := range x.kids {
			visit(k)
		}
		if block {
			flush()
		}
	}
	visit(n)
	flush()
	return out, max(h1, 0)
}

func canonicalHref(links []*node) string {
	for _, l := range links {
		for _, r := range strings.Fields(strings.ToLower(l.attr("rel"))) {
			if r == "canonical" {
				return l.attr("href")
			}
		}
	}
	return ""
}
