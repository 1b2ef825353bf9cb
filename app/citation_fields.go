package app

import (
	"net/url"
	"reflect"
	"strings"

	"copydesk/backend/article"
	"copydesk/backend/citation"
	"copydesk/backend/library"
	"copydesk/backend/profile"
	"copydesk/backend/render"
)

// defKey identifies a definition by label and line: a label defined twice
// is two rows, and Hugo numbers only the first.
type defKey struct {
	label string
	line  int
}

// displayNumbers gives each definition the number Hugo shows for it, from
// the renderer's own footnote list (so it is what the site will show);
// definitions Hugo drops (never cited) are absent.
func displayNumbers(doc *article.Doc, r *render.Renderer) map[defKey]int {
	out := map[defKey]int{}
	bodyLine, _ := doc.Pos(doc.BodyStart)
	if r != nil {
		if pv, err := r.Preview(doc.Body()); err == nil {
			for _, f := range pv.Footnotes {
				out[defKey{f.Label, bodyLine + f.Line - 1}] = f.Number
			}
			return out
		}
	}
	// Without a renderer: order of first citation among defined labels.
	first := map[string]int{}
	for _, d := range doc.Defs {
		if _, ok := first[d.Label]; !ok {
			line, _ := doc.Pos(d.Start)
			first[d.Label] = line
		}
	}
	n := 0
	for _, label := range doc.LabelsInOrder() {
		line, defined := first[label]
		cited := false
		for _, ref := range doc.Refs {
			if ref.Label == label {
				cited = true
				break
			}
		}
		if defined && cited {
			n++
			out[defKey{label, line}] = n
		}
	}
	return out
}

func fieldsOf(c citation.Citation) CitationFields {
	authors := c.Authors
	if authors == nil {
		authors = []string{}
	}
	return CitationFields{Title: c.Title, URL: c.URL, Outlet: c.Outlet, Authors: authors,
		Published: c.PublishedText, Retrieved: c.RetrievedText}
}

// guessFields reads what it can from a free-text definition: the link's
// title and URL when there is a Markdown link, else the first bare URL.
func guessFields(content string) CitationFields {
	f := CitationFields{Authors: []string{}}
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

// citationOf checks the form's fields and builds the citation. Every field
// is required but the authors; dates must be real days. The line written
// must read back as the same fields, or the edit is refused (a title with
// "](" in it would otherwise silently become another citation).
func citationOf(f CitationFields, st citation.Style) (citation.Citation, error) {
	invalid := func(field, reason string) error {
		return newAPIError("citation.invalid", map[string]string{"field": field, "reason": reason})
	}
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

// linkStateOf is a source's cached check as the UI shows it.
func linkStateOf(src library.Source, p *profile.Profile, today citation.Date) LinkState {
	ls := LinkState{Status: src.CheckStatus, HTTPStatus: src.HTTPStatus, FinalURL: src.FinalURL,
		ArchiveURL: src.ArchiveURL, Error: src.CheckError, CheckedAt: formatTime(src.CheckedAt)}
	if !src.CheckedAt.IsZero() {
		ls.CheckedToday = citation.DateOf(src.CheckedAt, p.Location()) == today
	}
	return ls
}

func sourceFields(src library.Source) CitationFields {
	authors := src.Authors
	if authors == nil {
		authors = []string{}
	}
	return CitationFields{Title: src.Title, URL: src.URL, Outlet: src.Outlet, Authors: authors, Published: src.Published}
}

func citesOf(cs []library.SourceCite) []SourceCite {
	out := make([]SourceCite, 0, len(cs))
	for _, c := range cs {
		out = append(out, SourceCite{DraftID: c.DraftID, Title: c.Title, Label: c.Label})
	}
	return out
}

// definitionInsertion says where a new definition line goes and the bytes to
// insert there: after the last definition under the citations heading; just
// under the heading (after a blank line) when it has none; with a new
// heading at the end of the text when there is none. Existing bytes are
// never changed.
func definitionInsertion(doc *article.Doc, heading, def string) (at int, insert string) {
	text := string(doc.Text)
	nl := doc.Newline
	if heading == "" {
		heading = profile.DefaultHeading
	}
	if !strings.HasPrefix(heading, "#") {
		heading = "## " + heading
	}
	want := headingText(heading)
	headEnd := -1 // end of the last matching heading line, before its line ending
	for ls := doc.BodyStart; ls < len(text); {
		end := len(text)
		if le := strings.IndexByte(text[ls:], '\n'); le >= 0 {
			end = ls + le
		}
		if h := headingText(text[ls:end]); h != "" && h == want {
			headEnd = len(strings.TrimRight(text[:end], "\r"))
		}
		ls = end + 1
	}
	endsWithNewline := strings.HasSuffix(text, "\n")
	if headEnd < 0 {
		var b strings.Builder
		switch {
		case text == "":
		case !endsWithNewline:
			b.WriteString(nl + nl)
		case !blankEnding(text):
			b.WriteString(nl)
		}
		b.WriteString(heading + nl + nl + def + nl)
		return len(text), b.String()
	}
	last := -1
	for _, d := range doc.Defs {
		if d.Start > headEnd {
			last = d.End
		}
	}
	if last >= 0 {
		return last, nl + def
	}
	// The first non-blank line after the heading, and whether a blank line
	// separates them.
	pos, blank := headEnd, false
	if pos < len(text) {
		pos = strings.IndexByte(text[headEnd:], '\n') + headEnd + 1
		for pos < len(text) {
			end := len(text)
			if le := strings.IndexByte(text[pos:], '\n'); le >= 0 {
				end = pos + le
			}
			if strings.TrimSpace(text[pos:end]) != "" {
				break
			}
			blank = true
			pos = min(end+1, len(text))
		}
	}
	var b strings.Builder
	if pos == len(text) && !endsWithNewline {
		b.WriteString(nl)
	}
	if !blank {
		b.WriteString(nl)
	}
	b.WriteString(def + nl)
	if pos < len(text) {
		b.WriteString(nl)
	}
	return pos, b.String()
}

// blankEnding reports whether text ends with an empty line ("…\n\n").
func blankEnding(text string) bool {
	t := strings.TrimRight(text, " \t\r")
	return strings.HasSuffix(t, "\n") && strings.HasSuffix(strings.TrimRight(strings.TrimSuffix(t, "\n"), " \t\r"), "\n")
}

// headingText is the text of an ATX heading line ("## 引文部分" gives
// "引文部分"), "" when the line is not a heading.
func headingText(line string) string {
	line = strings.TrimRight(line, " \t\r")
	trimmed := strings.TrimLeft(line, " ")
	if len(line)-len(trimmed) > 3 || !strings.HasPrefix(trimmed, "#") {
		return ""
	}
	rest := strings.TrimLeft(trimmed, "#")
	if level := len(trimmed) - len(rest); level > 6 || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return ""
	}
	rest = strings.TrimSpace(rest)
	rest = strings.TrimSpace(strings.TrimRight(rest, "#"))
	return rest
}
