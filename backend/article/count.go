package article

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// Counts measures the prose of a body.
type Counts struct {
	Han            int // Han characters, each counted alone (CJK, Ext A–, compatibility ideographs)
	LatinWords     int // runs of letters and digits from other scripts
	ReadingMinutes int // at 400 Han characters and 200 words a minute, rounded up; at least 1 when not empty
}

// Reading speeds used for ReadingMinutes.
const (
	HanPerMinute   = 400
	WordsPerMinute = 200
)

// Count counts what a reader reads in body (the text after the front matter).
// Words are not split on spaces, which undercounts Chinese: every Han
// character counts on its own, and a word is a run of letters, digits and
// combining marks of other scripts, joined across ' ’ and - between
// letters, and . , between digits ("state-of-the-art", "1,000", "3.5" are one
// word each). Not counted, because a reader does not read them as prose:
// footnote definition lines (the citations list), footnote reference
// markers, link destinations, bare URLs, and HTML comments. Link text,
// headings and code are counted.
func Count(body []byte) Counts {
	skip := skippedRanges(body)
	var c Counts
	inWord := false
	var prev rune
	for i := 0; i < len(body); {
		if len(skip) > 0 && i >= skip[0][0] {
			if i < skip[0][1] {
				i = skip[0][1]
				inWord = false
			}
			skip = skip[1:]
			continue
		}
		r, size := utf8.DecodeRune(body[i:])
		switch {
		case unicode.Is(unicode.Han, r):
			c.Han++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || (inWord && unicode.Is(unicode.Mn, r)):
			if !inWord {
				c.LatinWords++
				inWord = true
			}
		case inWord && isJoiner(r, prev) && i+size < len(body):
			next, _ := utf8.DecodeRune(body[i+size:])
			if !(unicode.IsLetter(next) || unicode.IsDigit(next)) || unicode.Is(unicode.Han, next) ||
				(r == '.' || r == ',') && !unicode.IsDigit(next) {
				inWord = false
			}
		default:
			inWord = false
		}
		prev = r
		i += size
	}
	units := c.Han*WordsPerMinute + c.LatinWords*HanPerMinute // minutes × 400×200
	perMinute := HanPerMinute * WordsPerMinute
	c.ReadingMinutes = (units + perMinute - 1) / perMinute
	return c
}

func isJoiner(r, prev rune) bool {
	switch r {
	case '\'', '’', '-':
		return unicode.IsLetter(prev) || unicode.IsDigit(prev)
	case '.', ',':
		return unicode.IsDigit(prev)
	}
	return false
}

// skippedRanges lists, in order and without overlap, the byte ranges of body
// that Count leaves out.
func skippedRanges(body []byte) [][2]int {
	refs, defs := scanFootnotes(body, 0)
	var ranges [][2]int
	for _, df := range defs {
		ranges = append(ranges, [2]int{lineStartIn(body, df.Start), df.End})
	}
	for _, r := range refs {
		ranges = append(ranges, [2]int{r.Start, r.End})
	}
	failedUntil := 0 // a destination search that failed scanned up to here
	for i := 0; i < len(body); i++ {
		switch {
		case body[i] == ']' && i+1 < len(body) && body[i+1] == '(' && i+2 >= failedUntil:
			end, scanned := linkDestinationEnd(body, i+2)
			if end > 0 {
				ranges = append(ranges, [2]int{i + 2, end})
				i = end - 1
			} else {
				failedUntil = scanned
			}
		case body[i] == '<' && i+3 < len(body) && string(body[i:i+4]) == "<!--":
			end := len(body)
			if j := indexFrom(body, i+4, "-->"); j >= 0 {
				end = j + 3
			}
			ranges = append(ranges, [2]int{i, end})
			i = end - 1
		case body[i] == 'h' || body[i] == 'w':
			if end := bareURLEnd(body, i); end > 0 {
				ranges = append(ranges, [2]int{i, end})
				i = end - 1
			}
		}
	}
	return mergeRanges(ranges)
}

func lineStartIn(b []byte, i int) int {
	for i > 0 && b[i-1] != '\n' {
		i--
	}
	return i
}

func indexFrom(b []byte, from int, s string) int {
	for i := from; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return i
		}
	}
	return -1
}

// linkDestinationEnd finds the ")" closing a link destination that starts
// at i, allowing balanced parentheses; a destination (with an optional
// "title") stays on one line. It returns 0 and how far it looked when there
// is none, so that the caller does not look again (keeping Count linear).
func linkDestinationEnd(b []byte, i int) (end, scanned int) {
	depth := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '\n':
			return 0, j
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return j, j
			}
			depth--
		}
	}
	return 0, len(b)
}

// bareURLEnd is the end of an http(s):// or www. URL starting at i (not in
// the middle of a word), or 0. A URL ends at a blank, a non-ASCII character
// (Chinese punctuation follows URLs directly) or markup.
func bareURLEnd(b []byte, i int) int {
	if i > 0 && b[i-1] < utf8.RuneSelf && (unicode.IsLetter(rune(b[i-1])) || unicode.IsDigit(rune(b[i-1]))) {
		return 0
	}
	rest := string(b[i:min(len(b), i+8)])
	var n int
	switch {
	case len(rest) >= 8 && rest[:8] == "https://":
		n = 8
	case len(rest) >= 7 && rest[:7] == "http://":
		n = 7
	case len(rest) >= 4 && rest[:4] == "www.":
		n = 4
	default:
		return 0
	}
	j := i + n
	for j < len(b) && b[j] > ' ' && b[j] < utf8.RuneSelf && b[j] != '<' && b[j] != '>' && b[j] != '"' && b[j] != ')' && b[j] != ']' {
		j++
	}
	return j
}

func mergeRanges(r [][2]int) [][2]int {
	if len(r) == 0 {
		return nil
	}
	sortRanges(r)
	out := r[:1]
	for _, x := range r[1:] {
		last := &out[len(out)-1]
		if x[0] <= last[1] {
			last[1] = max(last[1], x[1])
			continue
		}
		out = append(out, x)
	}
	return out
}

func sortRanges(r [][2]int) {
	sort.Slice(r, func(i, j int) bool { return r[i][0] < r[j][0] })
}
