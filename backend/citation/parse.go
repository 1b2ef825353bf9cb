package citation

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem names what kept a line from being read, for a checker's message.
type Problem string

const (
	ProblemEmpty     Problem = "empty"      // nothing after "[^N]: "
	ProblemLink      Problem = "link"       // does not start with a Markdown link [title](url)
	ProblemSeparator Problem = "separator"  // no separator right after the link
	ProblemPublished Problem = "published"  // no （date） before the retrieval part
	ProblemOutlet    Problem = "outlet"     // no outlet between the link and the date
	ProblemLineBreak Problem = "line_break" // a definition is one line
)

// FormatError says why a line is not a house-style citation. Offset is the
// byte offset in the content given to Parse where reading stopped.
type FormatError struct {
	Problem Problem
	Offset  int
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("not a house-style citation (%s at byte %d)", e.Problem, e.Offset)
}

// Parse reads content (the text after "[^N]: ") in style st. The error is a
// *FormatError when the line's fields cannot be told apart. Dates that are
// missing or invalid are not errors: see Citation.
//
// Reading rules, chosen so that the fields of any accepted line write back
// unchanged:
//   - the link follows CommonMark: the title may hold balanced [brackets] and
//     backslash escapes, the URL balanced (parentheses) and no spaces;
//   - the outlet runs to the first separator, everything after it up to the
//     date is authors (so a name like 马克·扎克伯格 stays one author);
//   - authors are split on the author separator, "，" and "、", trimmed;
//   - the publication date is the last （…） before the retrieval part;
//   - the retrieval part is the last 检索日期 after that.
func Parse(content string, st Style) (Citation, error) {
	st = st.complete()
	lead := len(content) - len(strings.TrimLeftFunc(content, unicode.IsSpace))
	s := strings.TrimSpace(content)
	fail := func(p Problem, at int) (Citation, error) {
		return Citation{}, &FormatError{Problem: p, Offset: lead + at}
	}
	if s == "" {
		return fail(ProblemEmpty, 0)
	}
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return fail(ProblemLineBreak, i)
	}
	var c Citation
	titleEnd, urlEnd, ok := scanLink(s)
	if !ok {
		return fail(ProblemLink, 0)
	}
	c.Title = s[1:titleEnd]
	c.URL = s[titleEnd+2 : urlEnd]
	pos := urlEnd + 1
	if !strings.HasPrefix(s[pos:], st.Separator) {
		return fail(ProblemSeparator, pos)
	}
	pos += len(st.Separator)
	tail := s[pos:]

	mid := tail
	if i := strings.LastIndex(tail, st.RetrievedLabel); i >= 0 {
		before := strings.TrimSuffix(tail[:i], st.Separator)
		if strings.HasSuffix(before, st.CloseParen) {
			mid = before
			c.RetrievedText = tail[i+len(st.RetrievedLabel):]
		}
	}
	if !strings.HasSuffix(mid, st.CloseParen) {
		return fail(ProblemPublished, pos+len(mid))
	}
	open := strings.LastIndex(mid, st.OpenParen)
	if open < 0 || open+len(st.OpenParen) > len(mid)-len(st.CloseParen) {
		return fail(ProblemPublished, pos+len(mid))
	}
	c.PublishedText = mid[open+len(st.OpenParen) : len(mid)-len(st.CloseParen)]
	head := mid[:open]

	outlet, authors, hasAuthors := strings.Cut(head, st.Separator)
	if strings.TrimSpace(outlet) == "" {
		return fail(ProblemOutlet, pos)
	}
	c.Outlet = outlet
	if hasAuthors {
		c.Authors = splitAuthors(authors, st)
	}
	c.Published, c.PublishedText = readDate(c.PublishedText, st)
	c.Retrieved, c.RetrievedText = readDate(c.RetrievedText, st)
	return c, nil
}

// readDate returns a valid date with its text in the style's layout, or a
// zero Date with the text as written.
func readDate(text string, st Style) (Date, string) {
	if d, ok := ParseDate(text); ok {
		return d, d.Format(st.DateLayout)
	}
	return Date{}, text
}

func splitAuthors(s string, st Style) []string {
	seps := []string{"，", "、"}
	if sep := strings.TrimSpace(st.AuthorSep); sep != "" {
		seps = append(seps, sep)
	}
	for _, sep := range seps[1:] {
		s = strings.ReplaceAll(s, sep, seps[0])
	}
	var out []string
	for _, a := range strings.Split(s, seps[0]) {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// scanLink reads "[title](url)" at the start of s the way CommonMark does for
// an inline link with a bare destination and no link title. It returns the
// index of the closing "]" and of the closing ")".
func scanLink(s string) (titleEnd, urlEnd int, ok bool) {
	if !strings.HasPrefix(s, "[") {
		return 0, 0, false
	}
	depth := 1
	i := 1
	for ; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				i++
			}
			continue
		case '[':
			depth++
			continue
		case ']':
			depth--
		default:
			continue
		}
		if depth == 0 {
			break
		}
	}
	if depth != 0 || i+1 >= len(s) || s[i+1] != '(' {
		return 0, 0, false
	}
	titleEnd = i
	depth = 0
	for j := i + 2; j < len(s); j++ {
		b := s[j]
		switch {
		case b == '\\' && j+1 < len(s) && isASCIIPunct(s[j+1]):
			j++
		case b == '(':
			depth++
		case b == ')':
			if depth == 0 {
				return titleEnd, j, true
			}
			depth--
		case b <= ' ' || b == 0x7f:
			return 0, 0, false
		case b >= utf8.RuneSelf:
			r, _ := utf8.DecodeRuneInString(s[j:])
			if r == '\u3000' || r == utf8.RuneError {
				return 0, 0, false
			}
		}
	}
	return 0, 0, false
}

func isASCIIPunct(b byte) bool {
	return (b >= '!' && b <= '/') || (b >= ':' && b <= '@') || (b >= '[' && b <= '`') || (b >= '{' && b <= '~')
}
