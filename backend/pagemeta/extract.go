package pagemeta

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// extract runs the rule tables over the parsed page. The order matters:
// the outlet and the authors are known before the title, so that a title
// suffix naming either can be recognised and removed.
func (d *doc) extract() *Page {
	p := &Page{}
	p.Language, p.Evidence.Language = d.pickLanguage()
	if c := firstCand(d, canonicalRules); c != nil {
		p.Canonical, p.Evidence.Canonical = c.value, c.evidence
	}
	p.Outlet, p.Evidence.Outlet = d.pickOutlet()
	names := d.siteNames(p.Outlet)
	p.Authors, p.Evidence.Authors = d.pickAuthors(names)
	p.Title, p.Evidence.Title = d.pickTitle(titleNames{sites: names, authors: p.Authors})
	if day, raw, ev := d.pickDate(publishedRules, "published", true); day != nil {
		p.Published, p.PublishedAt, p.Evidence.Published = day, raw, ev
	}
	if day, _, ev := d.pickDate(modifiedRules, "modified", false); day != nil {
		p.Modified, p.Evidence.Modified = day, ev
		if p.Published != nil && daysBefore(*day, *p.Published) {
			d.warn(fmt.Sprintf("modified: %s gives %s, before the published day %s", ev, day.Format("YYYY-MM-DD"), p.Published.Format("YYYY-MM-DD")))
		}
	}
	p.Text = articleText(d)
	p.Wall = d.wall(p.Text)
	p.Warnings = d.warnings
	return p
}

func firstCand(d *doc, rules []rule) *cand {
	for _, r := range rules {
		for _, c := range r.find(d) {
			if c.value != "" {
				return &c
			}
		}
	}
	return nil
}

var langRE = regexp.MustCompile(`^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$`)

func (d *doc) pickLanguage() (string, string) {
	for _, r := range languageRules {
		for _, c := range r.find(d) {
			v := strings.ReplaceAll(strings.TrimSpace(c.value), "_", "-")
			if i := strings.IndexByte(v, ','); i >= 0 { // "zh-CN, en": the first is the page's
				v = strings.TrimSpace(v[:i])
			}
			if langRE.MatchString(v) {
				return v, c.evidence
			}
		}
	}
	return "", ""
}

// pickOutlet takes the first rule's value, normalised by the host table
// when it is one of the table's spellings for this host.
func (d *doc) pickOutlet() (string, string) {
	for _, r := range outletRules {
		for _, c := range r.find(d) {
			v := c.value
			// A URL is not a name; the host table or a later rule names the site.
			if v == "" || utf8.RuneCountInString(v) > 100 || isURL(v) {
				continue
			}
			if d.site.name != "" && !d.siteProfile && v != d.site.name {
				// "人民网－观点频道": the site's name and a channel.
				head := v
				if pos, _ := firstSeparator(v); pos > 0 {
					head = v[:pos]
				}
				if d.isTableSpelling(v) || d.isTableSpelling(head) || d.isTableSpelling(withoutCompanySuffix(v)) {
					return d.site.name, c.evidence + " (normalised by host table)"
				}
			}
			return stripLegalForm(v), c.evidence
		}
	}
	return "", ""
}

// isTableSpelling: v names the host's table entry (its name, an alias, or
// the host itself).
func (d *doc) isTableSpelling(v string) bool {
	k := siteKey(v)
	if k == siteKey(d.site.name) || k == siteKey(d.host) || k == siteKey(siteLabel(d.host)) {
		return true
	}
	for _, a := range d.site.aliases {
		if k == siteKey(a) {
			return true
		}
	}
	return false
}

// siteNames are every name the site goes by on this page, for recognising
// it in titles and among authors.
func (d *doc) siteNames(outlet string) []string {
	names := []string{outlet, d.site.name, d.host, siteLabel(d.host)}
	names = append(names, d.site.aliases...)
	for _, k := range []string{"og:site_name", "application-name", "twitter:site", "citation_journal_title", "citation_publisher"} {
		if v, _ := d.meta(k); v != "" {
			names = append(names, strings.TrimPrefix(v, "@"))
		}
	}
	for _, c := range ldPublisher(d) {
		names = append(names, c.value)
	}
	if o, _, ok := lookupHost(d.host, nil); ok {
		names = append(names, o.name)
		names = append(names, o.aliases...)
	}
	return names
}

// pickAuthors takes the first rule that yields a person. Names that are
// the site itself are kept only when no rule names a person; the page's
// editors (责任编辑 and the like) are never authors.
func (d *doc) pickAuthors(siteNames []string) ([]string, string) {
	// Wire agencies credited beside a reporter ("By Jane Doe, Associated
	// Press") are organisations like the site itself: kept only alone.
	sites := titleNames{sites: append(append([]string{}, siteNames...), wireAgencies...)}
	var chosen, orgOnly []string
	var chosenEv, orgEv string
	for _, r := range authorRules {
		if r.Name == "article:author profile URL" && (chosen != nil || orgOnly != nil) {
			break
		}
		for _, c := range r.find(d) {
			names := d.dropEditors(cleanNames(c.names, c.visible), c.evidence)
			var people []string
			for _, n := range names {
				if !sites.isSite(n) {
					people = append(people, n)
				}
			}
			switch {
			case len(people) == 0 && len(names) > 0 && orgOnly == nil:
				orgOnly, orgEv = names, c.evidence
			case len(people) > 0 && chosen == nil:
				chosen, chosenEv = people, c.evidence
			case len(people) > 0 && !c.visible:
				// A second structured source: it must agree with the first.
				if !overlap(chosen, people) {
					d.warn(fmt.Sprintf("authors: %s gives %s but %s gives %s; the first was used",
						chosenEv, strings.Join(chosen, ", "), c.evidence, strings.Join(people, ", ")))
				}
				return chosen, chosenEv
			}
		}
	}
	if chosen != nil {
		return chosen, chosenEv
	}
	return orgOnly, orgEv
}

// dropEditors removes the page's editors from a list of names, with a
// warning: Chinese portals put the 责任编辑 in meta author.
func (d *doc) dropEditors(names []string, evidence string) []string {
	if len(d.zh.editors) == 0 {
		return names
	}
	var out []string
	for _, n := range names {
		editor := false
		for _, e := range d.zh.editors {
			editor = editor || nameKey(e) == nameKey(n)
		}
		if editor {
			d.warn(fmt.Sprintf("authors: %s names %s, who is the page's editor (责任编辑), not an author; dropped", evidence, n))
			continue
		}
		out = append(out, n)
	}
	return out
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if nameKey(x) == nameKey(y) {
				return true
			}
		}
	}
	return false
}

// pickTitle takes the first rule's title with the site's suffix or prefix
// removed. A headline cut short ("…") gives way to a later rule's full
// title that starts the same way.
func (d *doc) pickTitle(names titleNames) (string, string) {
	var all []cand
	for _, r := range titleRules {
		all = append(all, r.find(d)...)
	}
	for i, c := range all {
		t, removed := stripTitle(c.value, names)
		// A title that is only the site's name ("Reuters" as og:title on
		// some pages) names no story.
		if t == "" || names.isSite(t) {
			continue
		}
		ev := c.evidence
		if truncated(t) {
			stem := strings.TrimRight(strings.TrimSuffix(t, "…"), ". ")
			for _, later := range all[i+1:] {
				if full, r2 := stripTitle(later.value, names); strings.HasPrefix(full, stem) && len(full) > len(stem)+1 && !truncated(full) {
					t, removed, ev = full, r2, later.evidence
					break
				}
			}
		}
		// A section label before the headline ("Opinion | ...") or an
		// unknown site name after it goes when another rule (the <h1>,
		// another meta tag) gives the headline without it.
		if part := confirmedPart(t, all); part != "" {
			t = part
			removed = append(removed, "a part other rules omit")
		}
		if len(removed) > 0 {
			ev += " (removed: " + strings.Join(removed, ", ") + ")"
		}
		return t, ev
	}
	return "", ""
}

// pickDate takes the first rule with a parseable date, computes its day
// in the outlet's zone, and warns when other rules, the URL's date path or
// the visible dateline disagree.
func (d *doc) pickDate(rules []rule, field string, checkURL bool) (*Day, string, string) {
	loc := zoneOf(d.site.zone)
	var chosen *cand
	var day Day
	var ev string
	for _, r := range rules {
		if chosen != nil && layoutDateRules[r.Name] {
			continue
		}
		for _, c := range r.find(d) {
			if c.st.day.IsZero() {
				d.warn(fmt.Sprintf("%s: %s value %q is not a date; ignored", field, c.evidence, c.value))
				continue
			}
			cd, note := dayIn(c.st, loc, d.site.zone)
			if loc == nil && c.st.utc {
				if off, ok := d.statedOffset(c.st); ok {
					t := c.st.at.In(off)
					cd = Day{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
					note = "UTC, day in the offset the page states elsewhere (" + t.Format("-07:00") + ")"
				}
			}
			if chosen == nil {
				c := c
				chosen, day, ev = &c, cd, c.evidence
				if note != "" {
					ev += " (" + note + ")"
				}
				continue
			}
			if c.evidence != "url date path" && daysApart(cd, day) > 1 {
				d.warn(fmt.Sprintf("%s: %s gives %s but %s gives %s; the first was used",
					field, chosen.evidence, day.Format("YYYY-MM-DD"), c.evidence, cd.Format("YYYY-MM-DD")))
			}
		}
	}
	if chosen == nil {
		return nil, "", ""
	}
	if checkURL && chosen.evidence != "url date path" {
		if ud, ok := urlDate(d.pageURL); ok && daysApart(ud, day) >= 1 {
			d.warn(fmt.Sprintf("%s: the URL's date path says %s but %s gives %s", field, ud.Format("YYYY-MM-DD"), chosen.evidence, day.Format("YYYY-MM-DD")))
		}
		if st, what, ok := d.visibleDateline(); ok && !strings.Contains(chosen.evidence, "text") {
			if vd, _ := dayIn(st, loc, d.site.zone); daysApart(vd, day) >= 1 {
				d.warn(fmt.Sprintf("%s: %s on the page says %s but %s gives %s", field, what, vd.Format("YYYY-MM-DD"), chosen.evidence, day.Format("YYYY-MM-DD")))
			}
		}
	}
	dd := day
	return &dd, chosen.st.formatRaw(), ev
}

// legalFormRE matches the company form after a publisher's name: a
// citation names the publication, not the company that owns it.
var legalFormRE = regexp.MustCompile(`(?i),?\s+(?:ltd\.?|limited|inc\.?|llc|l\.l\.c\.|gmbh|plc|s\.a\.|co\.,? ltd\.?|corp\.?|corporation|ag)$|(?:股份)?有限(?:责任)?公司$`)

func stripLegalForm(v string) string {
	if s := strings.TrimSpace(legalFormRE.ReplaceAllString(v, "")); s != "" {
		return s
	}
	return v
}

// statedOffset finds the page's own offset for an instant given in UTC: a
// date elsewhere on the page (another rule, a <time> element) naming the
// same instant with a non-zero offset. Without a host-table zone this is
// the best evidence of the newsroom's day.
func (d *doc) statedOffset(st stamp) (*time.Location, bool) {
	var raws []string
	for _, rules := range [][]rule{publishedRules, modifiedRules} {
		for _, r := range rules {
			for _, c := range r.find(d) {
				raws = append(raws, c.value)
			}
		}
	}
	for _, n := range findAll(d.root, func(n *node) bool { return n.tag == "time" && n.has("datetime") }) {
		raws = append(raws, n.attr("datetime"))
	}
	for _, raw := range raws {
		o, ok := parseStamp(raw)
		if !ok || !o.zoned || o.utc || o.at.IsZero() {
			continue
		}
		if diff := o.at.Sub(st.at); diff < time.Minute && diff > -time.Minute {
			return o.at.Location(), true
		}
	}
	return nil, false
}

// confirmedPart is the longest separator-delimited start or end of t that
// another candidate gives as the whole title; "" when none does.
func confirmedPart(t string, all []cand) string {
	others := map[string]bool{}
	for _, c := range all {
		if v := cleanText(c.value); v != t {
			others[v] = true
		}
	}
	best := ""
	for _, sep := range titleSeps {
		for from := 0; ; {
			i := strings.Index(t[from:], sep)
			if i < 0 {
				break
			}
			pos := from + i
			for _, part := range []string{strings.TrimSpace(t[:pos]), strings.TrimSpace(t[pos+len(sep):])} {
				if others[part] && len(part) > len(best) {
					best = part
				}
			}
			from = pos + len(sep)
		}
	}
	return best
}

// withoutCompanySuffix drops a company word from a publisher's name
// ("朝日新聞社", "Guardian Media Group"), for comparing with the host table
// only: "新华社" itself is a name, so the word is never dropped blindly.
func withoutCompanySuffix(v string) string {
	for _, suf := range []string{"株式会社", "有限公司", "集团", "公司", "社", " Media Group", " Group", " Company", " Co."} {
		if t := strings.TrimSpace(strings.TrimSuffix(v, suf)); t != v && t != "" {
			return t
		}
	}
	return v
}
