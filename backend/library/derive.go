package library

import (
	"strings"
	"time"

	"copydesk/backend/article"
	"copydesk/backend/check"
	"copydesk/backend/citation"
	"copydesk/backend/store"
)

// derive computes everything the store keeps beside a draft's text. It never
// fails: a text that cannot be read as an article (binary, invalid UTF-8,
// too large) is kept with an empty title and one error.
func (l *Library) derive(text []byte) store.Derived {
	doc, err := article.Parse(text)
	if err != nil {
		return store.Derived{Errors: 1}
	}
	return l.deriveDoc(doc)
}

func (l *Library) deriveDoc(doc *article.Doc) store.Derived {
	var d store.Derived
	d.Title, _ = doc.String("title")
	d.Date, _ = doc.String("date")
	d.DateSort = sortableDate(d.Date, l.profile.TimeZone)
	d.Draft = draftFlagOf(doc)
	d.Slug = Slug(d.Title)
	d.Tags, _ = doc.List("tags")
	d.Topics, _ = doc.List("main_topics")
	d.Errors, d.Warnings = l.problemCounts(doc)
	d.Citations = l.citations(doc)
	return d
}

// draftFlagOf is what Hugo makes of the draft key: a draft only when it is
// true; "yes", a missing key or anything else publishes.
func draftFlagOf(doc *article.Doc) bool {
	flag, _ := doc.String("draft")
	return strings.EqualFold(flag, "true")
}

// problemCounts counts the check's errors and warnings for the list badges.
// "Today" is the day of the library's clock in the profile's time zone, as
// for the checks the editor sees.
func (l *Library) problemCounts(doc *article.Doc) (errors, warnings int) {
	return check.Counts(check.Doc(doc, l.profile, check.Options{Now: l.now(), Render: l.render}))
}

func (l *Library) citations(doc *article.Doc) []store.Citation {
	if len(doc.Defs) == 0 {
		return nil
	}
	style := l.profile.Style
	out := make([]store.Citation, 0, len(doc.Defs))
	for i, def := range doc.Defs {
		line, _ := doc.Pos(def.Start)
		c := store.Citation{Position: i, Label: def.Label, Line: line, Content: def.Content}
		if parsed, err := citation.Parse(def.Content, style); err == nil {
			c.HouseStyle = true
			c.URL = parsed.URL
			c.Title = parsed.Title
			c.Outlet = parsed.Outlet
			c.Authors = parsed.Authors
			c.Published = parsed.PublishedText
			c.Retrieved = parsed.RetrievedText
		} else {
			c.URL = firstURL(def.Content)
		}
		c.NormURL = NormalizeURL(c.URL)
		out = append(out, c)
	}
	return out
}

// firstURL finds an http(s) URL in a line that is not in house style, so
// its source is still known.
func firstURL(s string) string {
	i := strings.Index(s, "http://")
	if j := strings.Index(s, "https://"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return ""
	}
	end := strings.IndexAny(s[i:], " \t)>]）\"'")
	if end < 0 {
		return s[i:]
	}
	return s[i : i+end]
}

// sortableDate turns a front matter date into UTC RFC 3339 so dates sort as
// text. A date without an offset is read in the profile's zone (for
// ordering only; the check reports the missing offset). Unreadable: "".
func sortableDate(s string, loc *time.Location) string {
	if s == "" {
		return ""
	}
	if loc == nil {
		loc = time.UTC
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		var t time.Time
		var err error
		if layout == time.RFC3339Nano {
			t, err = time.Parse(layout, s)
		} else {
			t, err = time.ParseInLocation(layout, s, loc)
		}
		if err == nil {
			return t.UTC().Format("2006-01-02T15:04:05Z")
		}
	}
	return ""
}
