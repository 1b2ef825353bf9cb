package check

import (
	"net/url"
	"strconv"
	"strings"

	"copydesk/backend/citation"
)

func (c *checker) footnotes() {
	d := c.doc
	firstDef := make(map[string]int, len(d.Defs)) // label -> index in Defs
	for i, def := range d.Defs {
		if first, dup := firstDef[def.Label]; dup {
			line, _ := d.Pos(d.Defs[first].Start)
			c.emit(FootnoteDuplicate, "", def.Start, def.LabelEnd+1, def.Label, "",
				map[string]string{"first_line": strconv.Itoa(line)}, nil)
			continue
		}
		firstDef[def.Label] = i
	}
	cited := make(map[string]bool, len(d.Refs))
	for _, ref := range d.Refs {
		cited[ref.Label] = true
		if _, ok := firstDef[ref.Label]; !ok {
			c.emit(FootnoteUndefined, "", ref.Start, ref.End, ref.Label, "",
				map[string]string{"heading": strings.TrimLeft(c.p.CitationsHeading, "# ")}, nil)
		}
	}
	for i, def := range d.Defs {
		if firstDef[def.Label] == i && !cited[def.Label] {
			c.emit(FootnoteUnused, "", def.Start, def.LabelEnd+1, def.Label, "", nil, nil)
		}
	}
}

// citations reads every definition as a house-style citation line and
// checks its URL and dates. Positions are the definition's line (column 1),
// which is what an editor looks for in a list of sources.
func (c *checker) citations() {
	st := c.p.Style
	layout := st.DateLayout
	if layout == "" {
		layout = citation.LayoutSlash
	}
	urls := map[string]string{} // normalized URL -> first label
	for _, def := range c.doc.Defs {
		from, to, label := def.Start, def.End, def.Label
		emit := func(code, msgKey string, params map[string]string) {
			if params == nil {
				params = map[string]string{}
			}
			c.emit(code, msgKey, from, to, label, "", params, nil)
		}
		cit, err := citation.Parse(def.Content, st)
		if err != nil {
			problem := "link"
			if fe, ok := err.(*citation.FormatError); ok {
				problem = string(fe.Problem)
			}
			emit(CitationFormat, "", map[string]string{"problem": problem, "example": c.exampleCitation()})
			continue
		}
		if !isWebURL(cit.URL) {
			emit(CitationURL, "", map[string]string{"url": cit.URL})
		} else {
			key := normalizeURL(cit.URL)
			if first, dup := urls[key]; dup && first != label {
				emit(CitationDuplicateURL, "", map[string]string{"other_label": first, "url": cit.URL})
			} else if !dup {
				urls[key] = label
			}
		}
		pub, ret := cit.Published, cit.Retrieved
		dates := map[string]string{
			"published": cit.PublishedText, "retrieved": cit.RetrievedText, "layout": layout,
			"today": c.today.Format(layout), "retrieved_label": st.RetrievedLabel,
		}
		if !c.articleDay.IsZero() {
			dates["article_date"] = c.articleDay.Format(layout)
		}
		switch {
		case cit.PublishedText == "":
			emit(CitationPublishedInvalid, CitationPublishedInvalid+":empty", dates)
		case pub.IsZero():
			emit(CitationPublishedInvalid, "", dates)
		case !c.articleDay.IsZero() && pub.After(c.articleDay):
			emit(CitationPublishedAfterArticle, "", dates)
		}
		switch {
		case cit.RetrievedMissing():
			emit(CitationRetrievedMissing, "", dates)
			continue
		case cit.RetrievedInvalid():
			emit(CitationRetrievedInvalid, "", dates)
			continue
		}
		if ret.After(c.today) {
			emit(CitationRetrievedFuture, "", dates)
		}
		if !pub.IsZero() && ret.Before(pub) {
			emit(CitationRetrievedBeforePublished, "", dates)
		}
		if c.articleDay.IsZero() {
			continue
		}
		if ret.After(c.articleDay) {
			emit(CitationRetrievedAfterArticle, "", dates)
		}
		if days := ret.DaysUntil(c.articleDay); days > c.p.StaleDays {
			dates["days"] = strconv.Itoa(days)
			dates["limit"] = strconv.Itoa(c.p.StaleDays)
			emit(CitationRetrievedStale, "", dates)
		}
	}
}

// exampleCitation shows the house style in the profile's own punctuation.
func (c *checker) exampleCitation() string {
	ex := citation.Citation{
		Title: c.title("title", "标题"), URL: "https://…", Outlet: c.title("outlet", "媒体"),
		Authors:   []string{c.title("author", "作者")},
		Published: citation.Date{Year: 2025, Month: 6, Day: 27}, Retrieved: citation.Date{Year: 2025, Month: 6, Day: 27},
	}
	return citation.Format(ex, c.p.Style)
}

// bareURL drops the <…> of CommonMark's bracketed link destination.
func bareURL(s string) string {
	if len(s) >= 2 && s[0] == '<' && s[len(s)-1] == '>' {
		return s[1 : len(s)-1]
	}
	return s
}

func isWebURL(s string) bool {
	u, err := url.Parse(bareURL(s))
	if err != nil || u.Host == "" {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return scheme == "http" || scheme == "https"
}

// normalizeURL makes two spellings of one address compare equal: scheme and
// host case, a trailing slash, a fragment. It does not guess further (www.,
// http vs https, query order), because those can be different pages.
func normalizeURL(s string) string {
	s = bareURL(s)
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawPath = strings.TrimSuffix(u.RawPath, "/")
	return u.String()
}
