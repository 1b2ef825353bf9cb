// Package citation owns the house-style citation line, the text after
// "[^N]: " in an article's 引文部分:
//
//	[TITLE](URL)·OUTLET·AUTHORS（PUBLISHED）·检索日期RETRIEVED
//	[TITLE](URL)·OUTLET（PUBLISHED）·检索日期RETRIEVED
//
// Parse reads such a line into fields and Format writes fields back. A line
// already in house style comes back byte for byte, and Parse(Format(c)) == c
// for every c that Parse returned, so an editor can change one field of a
// citation without disturbing the rest.
package citation

import (
	"strings"
)

// Style is the punctuation of a citation line; a site profile may change it.
type Style struct {
	Separator      string // between link, outlet, authors and the retrieval part: "·" (U+00B7)
	RetrievedLabel string // before the retrieval date: "检索日期"
	OpenParen      string // around the publication date: "（"
	CloseParen     string // "）"
	AuthorSep      string // between authors: ", "
	DateLayout     string // how Format writes dates, one of Layouts: "YYYY/M/D"
}

// DefaultStyle is the house style of the reference article.
func DefaultStyle() Style {
	return Style{
		Separator:      "·",
		RetrievedLabel: "检索日期",
		OpenParen:      "（",
		CloseParen:     "）",
		AuthorSep:      ", ",
		DateLayout:     LayoutSlash,
	}
}

// complete fills unset fields from the house style, so a zero Style works.
func (st Style) complete() Style {
	def := DefaultStyle()
	if st.Separator == "" {
		st.Separator = def.Separator
	}
	if st.RetrievedLabel == "" {
		st.RetrievedLabel = def.RetrievedLabel
	}
	if st.OpenParen == "" {
		st.OpenParen = def.OpenParen
	}
	if st.CloseParen == "" {
		st.CloseParen = def.CloseParen
	}
	if st.AuthorSep == "" {
		st.AuthorSep = def.AuthorSep
	}
	if st.DateLayout == "" {
		st.DateLayout = def.DateLayout
	}
	return st
}

// Citation is one source as its fields.
//
// Title is Markdown source text (as between the brackets). A valid date is
// held in Published/Retrieved and its text is the date in the style's layout;
// a date that cannot be read leaves the Date zero and keeps the text as
// written, so a checker can say what is wrong and a writer loses nothing.
// An empty RetrievedText means the retrieval date is missing.
type Citation struct {
	Title, URL, Outlet           string
	Authors                      []string
	Published, Retrieved         Date
	PublishedText, RetrievedText string
}

// PublishedInvalid reports a publication date that is absent, unreadable or impossible.
func (c Citation) PublishedInvalid() bool { return c.Published.IsZero() }

// RetrievedMissing reports that the line has no retrieval date at all.
func (c Citation) RetrievedMissing() bool { return c.RetrievedText == "" }

// RetrievedInvalid reports a retrieval date that is present but unreadable or impossible.
func (c Citation) RetrievedInvalid() bool { return c.RetrievedText != "" && c.Retrieved.IsZero() }

// Format writes c in house style. Valid dates are written in the style's
// layout; invalid ones as their text. The retrieval part is always written,
// with an empty date when there is none, so the line keeps its shape.
func Format(c Citation, st Style) string {
	st = st.complete()
	var b strings.Builder
	b.Grow(len(c.Title) + len(c.URL) + len(c.Outlet) + 64)
	b.WriteString("[")
	b.WriteString(c.Title)
	b.WriteString("](")
	b.WriteString(c.URL)
	b.WriteString(")")
	b.WriteString(st.Separator)
	b.WriteString(c.Outlet)
	if len(c.Authors) > 0 {
		b.WriteString(st.Separator)
		b.WriteString(strings.Join(c.Authors, st.AuthorSep))
	}
	b.WriteString(st.OpenParen)
	b.WriteString(dateText(c.Published, c.PublishedText, st))
	b.WriteString(st.CloseParen)
	b.WriteString(st.Separator)
	b.WriteString(st.RetrievedLabel)
	b.WriteString(dateText(c.Retrieved, c.RetrievedText, st))
	return b.String()
}

func dateText(d Date, text string, st Style) string {
	if d.Valid() {
		return d.Format(st.DateLayout)
	}
	return text
}
