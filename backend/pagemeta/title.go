package pagemeta

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleSeps join a headline to the site's name, section or author in
// <title> and og:title. A colon is not one: in headlines it is part of the
// sentence ("Exclusive: ...").
var titleSeps = []string{" - ", " | ", " – ", " — ", " :: ", "｜", "——", "_", " · ", " » ", " ‹ ", "|", "--", "－"}

// cleanText decodes entities left in the value (pages often escape twice:
// "&amp;amp;"), and collapses white space.
func cleanText(s string) string {
	for i := 0; i < 2 && strings.Contains(s, "&"); i++ {
		s = html.UnescapeString(s)
	}
	return collapse(s)
}

// titleNames is what a title segment is compared with to decide that it
// names the site, not the story.
type titleNames struct {
	sites   []string // outlet, site_name, application-name, table name and aliases, host label, host
	authors []string
}

// stripTitle removes the site's suffix or prefix from a title: segments
// after (or before) a separator that name the site, an author of the page,
// or, next to a site segment, a short section name ("_科技_腾讯网",
// " | World news | The Guardian"). It removes nothing it cannot identify,
// so separators that belong to the headline stay. removed says what went
// ("site name", "author", "section"), for the evidence.
func stripTitle(t string, names titleNames) (string, []string) {
	t = cleanText(t)
	var removed []string
	note := func(what string) {
		for _, r := range removed {
			if r == what {
				return
			}
		}
		removed = append(removed, what)
	}
	lastSep := ""
	for {
		pos, sep := lastSeparator(t)
		if pos <= 0 {
			break
		}
		head, seg := strings.TrimSpace(t[:pos]), strings.TrimSpace(t[pos+len(sep):])
		if head == "" {
			break
		}
		if names.isSite(seg) {
			note("site name")
		} else if names.isAuthor(seg) {
			note("author")
		} else if len(removed) > 0 && sep == lastSep && isSection(seg) && utf8.RuneCountInString(head) >= 8 {
			note("section")
		} else {
			break
		}
		t, lastSep = head, sep
	}
	if pos, sep := firstSeparator(t); pos > 0 {
		seg, rest := strings.TrimSpace(t[:pos]), strings.TrimSpace(t[pos+len(sep):])
		if rest != "" && names.isSite(seg) {
			t = rest
			note("site name")
		}
	}
	return t, removed
}

// hanDash finds "-" between two Han characters: Chinese has no hyphenated
// words, so there it separates a headline from its channel and site
// ("降准0.25个百分点-财经频道-和讯网"). last picks the last one.
func hanDash(t string, last bool) int {
	found := -1
	for i := 1; i < len(t)-1; i++ {
		if t[i] != '-' {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(t[:i])
		after, _ := utf8.DecodeRuneInString(t[i+1:])
		if (isHanRune(before) || unicode.IsDigit(before) || before == '）') && isHanRune(after) || isHanRune(before) && unicode.IsDigit(after) {
			found = i
			if !last {
				return i
			}
		}
	}
	return found
}

func lastSeparator(t string) (int, string) {
	best, bestSep := -1, ""
	for _, s := range titleSeps {
		if i := strings.LastIndex(t, s); i > best {
			best, bestSep = i, s
		}
	}
	if i := hanDash(t, true); i > best {
		best, bestSep = i, "-"
	}
	return best, bestSep
}

func firstSeparator(t string) (int, string) {
	best, bestSep := -1, ""
	for _, s := range titleSeps {
		if i := strings.Index(t, s); i >= 0 && (best < 0 || i < best) {
			best, bestSep = i, s
		}
	}
	if i := hanDash(t, false); i >= 0 && (best < 0 || i < best) {
		best, bestSep = i, "-"
	}
	return best, bestSep
}

// isSection: a section name is short (a few words, or a few Han
// characters) and has no digits.
func isSection(seg string) bool {
	if seg == "" || digitsRE.MatchString(seg) {
		return false
	}
	if hasHan(seg) && !hasLatin(seg) {
		return utf8.RuneCountInString(seg) <= 6
	}
	return len(strings.Fields(seg)) <= 3 && len(seg) <= 25
}

func (n titleNames) isSite(seg string) bool {
	k := siteKey(seg)
	if k == "" {
		return false
	}
	// "澎湃新闻-The Paper": a segment made only of the site's names.
	rest := k
	for _, s := range n.sites {
		if sk := siteKey(s); len(sk) >= 2 {
			rest = strings.ReplaceAll(rest, sk, "")
		}
	}
	if rest == "" {
		return true
	}
	for _, s := range n.sites {
		sk := siteKey(s)
		if sk == "" {
			continue
		}
		if k == sk {
			return true
		}
		// "BBC News" for BBC, "新浪新闻中心" for 新浪: the site's name plus
		// a short word, never a long phrase that merely starts with it.
		// Short keys ("ft", "bbc") only match whole: as prefixes they
		// would swallow names.
		if len(sk) >= 4 && strings.HasPrefix(k, sk) && utf8.RuneCountInString(k)-utf8.RuneCountInString(sk) <= 6 && len(strings.Fields(seg)) <= 4 {
			return true
		}
	}
	return false
}

func (n titleNames) isAuthor(seg string) bool {
	k := nameKey(strings.TrimPrefix(strings.TrimPrefix(seg, "By "), "by "))
	if k == "" {
		return false
	}
	for _, a := range n.authors {
		if nameKey(a) == k {
			return true
		}
	}
	return false
}

// siteKey compares site names: case, spacing, punctuation, a leading "the"
// and a trailing ".com"-like suffix do not matter.
func siteKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "www.")
	for _, suf := range []string{".com.cn", ".co.uk", ".com", ".cn", ".net", ".org", ".fr", ".de", ".co.jp", ".jp"} {
		s = strings.TrimSuffix(s, suf)
	}
	s = strings.TrimPrefix(s, "the ")
	return nameKey(s)
}

// truncated reports a headline cut short, like a JSON-LD headline cut to Google's old 110-character limit
// ("…" or "..." at the end): a full title that starts the same way wins.
func truncated(t string) bool {
	return strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...")
}
