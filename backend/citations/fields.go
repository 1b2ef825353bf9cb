package citations

import (
	"net/url"
	"reflect"
	"strings"
	"time"

	"copydesk/backend/citation"
	"copydesk/backend/library"
	"copydesk/backend/store"
)

// Fields are the parts of a house-style citation line, dates as written
// ("2025/6/27").
type Fields struct {
	Title     string   `json:"title"`
	URL       string   `json:"url"`
	Outlet    string   `json:"outlet"`
	Authors   []string `json:"authors"`
	Published string   `json:"published"`
	Retrieved string   `json:"retrieved"`
}

// LinkState is the cached outcome of the last check of a URL. Status is ""
// when the URL was never checked.
type LinkState struct {
	Status     string `json:"status"` // ok, redirected, dead, unverifiable, error
	HTTPStatus int    `json:"httpStatus"`
	FinalURL   string `json:"finalUrl"`
	ArchiveURL string `json:"archiveUrl"`
	Error      string `json:"error"`
	CheckedAt  string `json:"checkedAt"` // RFC 3339, "" when never checked
	// CheckedToday: the check ran today in the profile's zone, so a verified
	// result may set 检索日期 to today.
	CheckedToday bool `json:"checkedToday"`
	// Captured: the page was captured when it was cited (its fields, text
	// and retrieval instant are kept). The last link check compared the
	// live page with the capture: ChangedHeadline when the title differs
	// (CapturedTitle then, PageTitle now), ChangedText when the text is
	// largely different.
	Captured        bool   `json:"captured"`
	ChangedHeadline bool   `json:"changedHeadline"`
	ChangedText     bool   `json:"changedText"`
	CapturedTitle   string `json:"capturedTitle"`
	PageTitle       string `json:"pageTitle"`
}

// SourceCite is one draft citing a source.
type SourceCite struct {
	DraftID int64  `json:"draftId"`
	Title   string `json:"title"`
	Label   string `json:"label"`
}

func fieldsOf(c citation.Citation) Fields {
	authors := c.Authors
	if authors == nil {
		authors = []string{}
	}
	return Fields{Title: c.Title, URL: c.URL, Outlet: c.Outlet, Authors: authors,
		Published: c.PublishedText, Retrieved: c.RetrievedText}
}

// guessFields reads what it can from a free-text definition: the link's
// title and URL when there is a Markdown link, else the first bare URL.
func guessFields(content string) Fields {
	f := Fields{Authors: []string{}}
	if i := strings.Index(content, "]("); i > 0 && strings.HasPrefix(content, "[") {
		if j := strings.IndexByte(content[i+2:], ')'); j > 0 {
			f.Title, f.URL = content[1:i], content[i+2:i+2+j]
			return f
		}
	}
	for _, scheme := range []string{"https://", "http://"} {
		if i := strings.Index(content, scheme); i >= 0 {
			end := strings.IndexAny(content[i:], " \t)>]）\"'，。")
			if end < 0 {
				end = len(content) - i
			}
			f.URL = content[i : i+end]
			return f
		}
	}
	return f
}

// Citation checks a form's fields and builds the citation. Every field is
// required but the authors; dates must be real days. The line written must
// read back as the same fields, or the edit is refused (a title with "](" in
// it would otherwise silently become another citation).
func Citation(f Fields, st citation.Style) (citation.Citation, error) {
	c := citation.Citation{Title: strings.TrimSpace(f.Title), URL: strings.TrimSpace(f.URL), Outlet: strings.TrimSpace(f.Outlet)}
	for _, a := range f.Authors {
		if a = strings.TrimSpace(a); a != "" {
			c.Authors = append(c.Authors, a)
		}
	}
	all := append([]string{c.Title, c.URL, c.Outlet, f.Published, f.Retrieved}, c.Authors...)
	for _, s := range all {
		if strings.ContainsAny(s, "\r\n") {
			return c, invalid("", "newline")
		}
	}
	if c.Title == "" {
		return c, invalid("title", "required")
	}
	if u, err := url.Parse(c.URL); c.URL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		strings.ContainsAny(c.URL, " \t()") {
		return c, invalid("url", "url")
	}
	if c.Outlet == "" {
		return c, invalid("outlet", "required")
	}
	layout := layoutOf(st)
	var ok bool
	if c.Published, ok = citation.ParseDate(f.Published); !ok {
		return c, invalid("published", "date")
	}
	c.PublishedText = c.Published.Format(layout)
	if c.Retrieved, ok = citation.ParseDate(f.Retrieved); !ok {
		return c, invalid("retrieved", "date")
	}
	c.RetrievedText = c.Retrieved.Format(layout)
	back, err := citation.Parse(citation.Format(c, st), st)
	if err != nil || !reflect.DeepEqual(back, c) {
		return c, invalid("", "unreadable")
	}
	return c, nil
}

// sourceCitation checks the sources form's fields for a citation of url.
// The form has no retrieval date (each citation keeps its own), so a
// placeholder day stands in for the check.
func sourceCitation(fields Fields, url string, st citation.Style) (citation.Citation, error) {
	fields.URL, fields.Retrieved = url, "2000/1/1"
	return Citation(fields, st)
}

// linkStateOf is a source's cached check (and the comparison with its
// capture, when it has one) as the UI shows it.
func linkStateOf(src library.Source, captured *store.Capture, loc *time.Location, today citation.Date) LinkState {
	ls := LinkState{Status: src.CheckStatus, HTTPStatus: src.HTTPStatus, FinalURL: src.FinalURL,
		ArchiveURL: src.ArchiveURL, Error: src.CheckError, CheckedAt: FormatTime(src.CheckedAt)}
	if !src.CheckedAt.IsZero() {
		ls.CheckedToday = citation.DateOf(src.CheckedAt, loc) == today
	}
	if captured != nil {
		ls.Captured, ls.CapturedTitle = true, captured.Title
		if ch := changeOf(*captured); ch != nil {
			ls.ChangedHeadline, ls.ChangedText, ls.PageTitle = ch.Headline, ch.Text, ch.NewTitle
		}
	}
	return ls
}

func sourceFields(src library.Source) Fields {
	authors := src.Authors
	if authors == nil {
		authors = []string{}
	}
	return Fields{Title: src.Title, URL: src.URL, Outlet: src.Outlet, Authors: authors, Published: src.Published}
}

func citesOf(cs []library.SourceCite) []SourceCite {
	out := make([]SourceCite, 0, len(cs))
	for _, c := range cs {
		out = append(out, SourceCite{DraftID: c.DraftID, Title: c.Title, Label: c.Label})
	}
	return out
}

func layoutOf(st citation.Style) string {
	if st.DateLayout == "" {
		return citation.LayoutSlash
	}
	return st.DateLayout
}

// FormatTime is t in RFC 3339, "" for the zero time (never happened).
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}
