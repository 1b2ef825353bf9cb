package linkcheck

import (
	"strings"
	"time"

	"copydesk/backend/article"
	"copydesk/backend/citation"
)

// Cited is the URL one footnote definition cites, with what the checker and
// the archive look-up need from it.
type Cited struct {
	Label     string
	Line      int    // 1-based line of the definition in the whole file
	URL       string //
	Retrieved citation.Date
	// HouseStyle is false when the definition's fields could not be read and
	// the URL was taken from the first "(http…)" in it.
	HouseStyle bool
}

// Target is the check request for c.
func (c Cited) Target() Target {
	t := Target{URL: c.URL}
	if c.Retrieved.Valid() {
		t.Retrieved = time.Date(c.Retrieved.Year, time.Month(c.Retrieved.Month), c.Retrieved.Day, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// CitedURLs lists the URLs cited by the footnote definitions of an article,
// in text order. A definition that is not in house style but holds a URL in
// parentheses is still listed, so that a malformed line does not hide a dead
// link; a definition without any URL is not. The error is the article's
// *article.ReadError when text is not an article at all.
func CitedURLs(text []byte, st citation.Style) ([]Cited, error) {
	doc, err := article.Parse(text)
	if err != nil {
		return nil, err
	}
	var out []Cited
	for _, def := range doc.Defs {
		line, _ := doc.Pos(def.Start)
		c := Cited{Label: def.Label, Line: line}
		if parsed, err := citation.Parse(def.Content, st); err == nil && strings.TrimSpace(parsed.URL) != "" {
			c.URL, c.Retrieved, c.HouseStyle = strings.TrimSpace(parsed.URL), parsed.Retrieved, true
		} else if u := urlInParens(def.Content); u != "" {
			c.URL = u
		} else {
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

// urlInParens finds the first "(http://…)" or "(https://…)" in s and returns
// the URL, keeping balanced parentheses inside it (Wikipedia-style URLs).
func urlInParens(s string) string {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], "(http")
		if i < 0 {
			return ""
		}
		start := from + i + 1
		rest := s[start:]
		if strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") {
			depth := 0
			for j, r := range rest {
				switch {
				case r == '(':
					depth++
				case r == ')' && depth == 0:
					return rest[:j]
				case r == ')':
					depth--
				case r == ' ' || r == '\t' || r == '<' || r == '>' || r == '）':
					return ""
				}
			}
			return ""
		}
		from = start
	}
	return ""
}
