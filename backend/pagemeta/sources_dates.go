package pagemeta

import "strings"

// Date and link rules of the tables in rules.go. Date rules return every
// value they see (not only the first) so that disagreements can be reported.

func dateCand(raw, evidence string) cand {
	st, _ := parseStamp(raw)
	return cand{value: collapse(raw), st: st, evidence: evidence}
}

func ldDate(prop string) func(*doc) []cand {
	return func(d *doc) []cand {
		for _, t := range d.ld.articles() {
			if v := str(t.obj[prop]); v != "" {
				return []cand{dateCand(v, "json-ld "+mainType(t)+"."+prop)}
			}
		}
		return nil
	}
}

func metaDate(keys ...string) func(*doc) []cand {
	return func(d *doc) []cand {
		for _, k := range keys {
			if v, _ := d.meta(k); v != "" {
				return []cand{dateCand(v, "meta "+k)}
			}
		}
		return nil
	}
}

func parselyDate(d *doc) []cand {
	if v, _ := d.meta("parsely-pub-date"); v != "" {
		return []cand{dateCand(v, "meta parsely-pub-date")}
	}
	if m := d.parselyJSON(); m != nil {
		if v := str(m["pub_date"]); v != "" {
			return []cand{dateCand(v, "meta parsely-page pub_date")}
		}
	}
	return nil
}

func microdataDate(prop string) func(*doc) []cand {
	return func(d *doc) []cand {
		for _, n := range d.itemprops(prop) {
			if v := itemValue(n); v != "" {
				return []cand{dateCand(v, "microdata "+prop)}
			}
		}
		return nil
	}
}

// timeElementDate: a <time datetime> inside the article. One marked as the
// publication time (pubdate attribute, a class or itemprop saying
// publish/posted) first; one marked as an update is never used.
func timeElementDate(d *doc) []cand {
	isTime := func(n *node) bool {
		return n.tag == "time" && n.has("datetime") && (n.within("article", "main") || (d.article != nil && isUnder(n, d.article)))
	}
	// The story's own <time> before any in teaser cards around it.
	times := findAll(d.mainRegion(), isTime)
	if len(times) == 0 {
		times = findAll(d.root, isTime)
	}
	var plain *node
	for _, n := range times {
		if classHas(n, "modif") || classHas(n, "updat") || n.within("aside", "nav", "footer") {
			continue
		}
		if n.has("pubdate") || classHas(n, "publish") || classHas(n, "posted") || classHas(n, "pubdate") {
			return []cand{dateCand(n.attr("datetime"), "time[datetime] in article")}
		}
		if plain == nil {
			plain = n
		}
	}
	if plain != nil {
		return []cand{dateCand(plain.attr("datetime"), "time[datetime] in article")}
	}
	return nil
}

func isUnder(n, ancestor *node) bool {
	for p := n.parent; p != nil; p = p.parent {
		if p == ancestor {
			return true
		}
	}
	return false
}

func zhDate(d *doc) []cand {
	if d.zh.date == "" {
		return nil
	}
	return []cand{dateCand(d.zh.date, d.zh.dateRule)}
}

func urlDateRule(d *doc) []cand {
	day, ok := urlDate(d.pageURL)
	if !ok {
		return nil
	}
	return []cand{{value: day.Format("YYYY-MM-DD"), st: stamp{day: day, raw: day.Format("YYYY-MM-DD")}, evidence: "url date path"}}
}

// visibleDateline is the date a reader sees under the headline: the text of
// a <time> in the article, or the Chinese dateline. It is compared with the
// published day to catch metadata that is a day off.
func (d *doc) visibleDateline() (stamp, string, bool) {
	isTime := func(n *node) bool { return n.tag == "time" && n.within("article", "main") }
	times := findAll(d.mainRegion(), isTime)
	if len(times) == 0 {
		times = findAll(d.root, isTime)
	}
	for _, n := range times {
		if classHas(n, "modif") || classHas(n, "updat") {
			continue
		}
		if st, ok := parseStamp(textOf(n)); ok {
			return st, "the visible date", true
		}
	}
	if d.zh.date != "" {
		if st, ok := parseStamp(d.zh.date); ok {
			return st, "the visible dateline", true
		}
	}
	return stamp{}, "", false
}

func canonicalLink(d *doc) []cand {
	for _, l := range d.links {
		for _, r := range strings.Fields(strings.ToLower(l.attr("rel"))) {
			if r == "canonical" {
				if u := d.absURL(l.attr("href")); u != "" {
					return []cand{{value: u, evidence: "link rel=canonical"}}
				}
			}
		}
	}
	return nil
}

// dateElementDate reads the visible date of pages without date markup: a
// short element in the story's region whose class or id says date,
// publish or posted (never update or modified).
func dateElementDate(d *doc) []cand {
	isDate := func(n *node) bool {
		if n.tag == "time" || n.tag == "meta" || n.tag == "script" || n.tag == "" {
			return false
		}
		if !(classHas(n, "date") || classHas(n, "publish") || classHas(n, "posted") || classHas(n, "dateline")) {
			return false
		}
		return !classHas(n, "updat") && !classHas(n, "modif") && !n.within("nav", "aside", "footer") && !isChromeAncestor(n)
	}
	for _, scope := range []*node{d.mainRegion(), d.root} {
		for _, n := range findAll(scope, isDate) {
			t := textOf(n)
			if t == "" || len(t) > 120 {
				continue
			}
			if _, ok := parseStamp(t); ok {
				return []cand{dateCand(t, "date element text")}
			}
		}
		if scope == d.root {
			break
		}
	}
	return nil
}
