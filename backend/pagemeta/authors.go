package pagemeta

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// byPrefixes introduce a byline in the languages of the outlets cited:
// "By", "Par", "Von", "Por", "Di", and the Chinese 文/ and 作者：.
// Italian "di" is matched only before at least two more words, so that a
// surname such as "Di Maio" survives.
var byPrefixRE = regexp.MustCompile(`^(?:(?i:by|par|von|por|door|written by|words by|reporting by)\s+|(?i:text|texte|texto)\s*:\s*|作者\s*[:：]?|文\s*[/｜|:：]|撰文\s*[:：]?|本报记者|特约记者|记者)\s*`)

// nameSeparators split a list of authors. A comma splits too, except before
// a suffix that belongs to the name ("Smith, Jr.").
var nameSepRE = regexp.MustCompile(`\s*(?:,\s*(?:and|und|et|&)\s+|,|，|;|；|、|/|\||｜|\s+and\s+|\s+und\s+|\s+et\s+|\s*&\s*|\s+with\s+)\s*`)

var nameSuffixes = map[string]bool{"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true}

// credentials follow a name in bylines but are not part of it.
var credentials = map[string]bool{"phd": true, "ph.d.": true, "ph.d": true, "md": true, "m.d.": true, "m.d": true, "mba": true, "esq": true, "esq.": true}

// jobTitles are roles that bylines carry beside names; a piece that is one
// of them (or ends with one) is not a name.
var jobTitleRE = regexp.MustCompile(`(?i)(?:^|\s)(?:senior\s+|chief\s+|special\s+|staff\s+|contributing\s+|national\s+|foreign\s+|political\s+|economics\s+|business\s+|technology\s+|white house\s+|deputy\s+|associate\s+|managing\s+|executive\s+)*(?:staff writer|writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|photographer|analyst|bureau chief|(?:policy |research |senior |visiting )?fellow|researcher|rédacteur|rédactrice|journaliste|korrespondent(?:in)?|redakteur(?:in)?|autor(?:in)?)s?$`)

// rolePhraseRE is a role after a comma: "Laura Bicker, China
// correspondent", "Jane Doe, Senior Economics Editor". Only after a comma,
// because a name can end with such a word.
var rolePhraseRE = regexp.MustCompile(`(?i),\s*(?:[\p{L}'-]+\s+){0,3}(?:correspondent|editor|reporter|writer|columnist|contributor|journalist|analyst|producer|photographer|bureau chief|rédact(?:eur|rice)|journaliste|korrespondent(?:in)?|redakteur(?:in)?)s?\b\.?`)

var hanRoleRE = regexp.MustCompile(`^(?:特约记者|记者|实习生|通讯员|见习记者|编译|综合|摄影|摄)$`)

var (
	emailRE  = regexp.MustCompile(`\S+@\S+\.\S+`)
	handleRE = regexp.MustCompile(`(?:^|\s)@\w+`)
	digitsRE = regexp.MustCompile(`\d`)
	// "Jane Doe in Beijing": a place after the name (visible bylines only).
	inPlaceRE = regexp.MustCompile(`\s+(?:in|aus|à|en|from|reporting from)\s+\p{Lu}[\p{L} .'-]*$`)
)

// splitNames splits a byline into pieces, keeping name suffixes attached.
func splitNames(s string) []string {
	raw := nameSepRE.Split(strings.TrimSpace(s), -1)
	// Han names joined by 和: split only when both sides are short Han names.
	var parts []string
	for _, p := range raw {
		if strings.Contains(p, "和") && hasHan(p) && !hasLatin(p) {
			sides := strings.Split(p, "和")
			ok := true
			for _, side := range sides {
				if n := utf8.RuneCountInString(strings.TrimSpace(side)); n < 2 || n > 4 {
					ok = false
				}
			}
			if ok {
				parts = append(parts, sides...)
				continue
			}
		}
		parts = append(parts, p)
	}
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if credentials[strings.ToLower(p)] && len(out) > 0 {
			continue
		}
		if nameSuffixes[strings.ToLower(p)] && len(out) > 0 {
			out[len(out)-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	return out
}

// cleanNames turns raw author values into names: prefixes, roles, dates,
// handles, e-mail addresses and "and others" removed; URLs refused;
// duplicates (case-insensitive) dropped. visible says the values come from
// page text, where a trailing place ("in Beijing") is also stripped.
func cleanNames(values []string, visible bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range values {
		v = collapse(v)
		if v == "" || isURL(v) {
			continue
		}
		v = byPrefixRE.ReplaceAllString(v, "")
		v = rolePhraseRE.ReplaceAllStringFunc(v, func(m string) string {
			rest := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(m, ",")))
			for _, conj := range []string{"and ", "und ", "et ", "& "} {
				if strings.HasPrefix(rest, conj) {
					return m // ", and Tom Writer": the next name
				}
			}
			return ""
		})
		if (strings.HasPrefix(v, "di ") || strings.HasPrefix(v, "Di ")) && len(strings.Fields(v)) >= 3 {
			v = v[3:]
		}
		pieces := splitNames(v)
		multiWord := false
		for _, piece := range pieces {
			multiWord = multiWord || len(strings.Fields(piece)) > 1
		}
		// Chinese bylines separate names and roles with spaces:
		// "澎湃新闻记者 孙婷 实习生 郭子涵".
		var spread []string
		for _, piece := range pieces {
			if hasHan(piece) && !hasLatin(piece) {
				spread = append(spread, joinPaddedNames(strings.FieldsFunc(piece, isSpace))...)
			} else {
				spread = append(spread, piece)
			}
		}
		pieces = spread
		for _, piece := range pieces {
			// In a visible byline a lone Latin word beside full names
			// is a place or a desk ("Von Anna Schmidt, Berlin").
			if visible && multiWord && hasLatin(piece) && len(strings.Fields(piece)) == 1 {
				continue
			}
			name := cleanName(piece, visible)
			if name == "" {
				continue
			}
			key := nameKey(name)
			if !seen[key] {
				seen[key] = true
				out = append(out, name)
			}
		}
	}
	return out
}

func cleanName(s string, visible bool) string {
	s = emailRE.ReplaceAllString(s, "")
	s = handleRE.ReplaceAllString(s, "")
	s = byPrefixRE.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.Trim(collapse(s), " -–—|·•:：()（）[]")
	lower := strings.ToLower(s)
	switch lower {
	case "", "and others", "others", "et al", "et al.", "staff", "admin", "administrator", "editor", "editors", "unknown",
		"anonymous", "guest", "n/a", "null", "none", "编辑部", "本报", "本站":
		return ""
	}
	for _, suf := range []string{" and others", " et al.", " et al"} {
		if strings.HasSuffix(lower, suf) && len(lower) == len(s) {
			s = strings.TrimSpace(s[:len(s)-len(suf)])
		}
	}
	// A piece that is only a role ("Staff Writer" after a comma) is not
	// a name. A role run into a name without a comma is left alone: it
	// may be the surname.
	if m := jobTitleRE.FindStringIndex(s); m != nil && strings.TrimSpace(s[:m[0]]) == "" {
		return ""
	}
	if visible {
		s = inPlaceRE.ReplaceAllString(s, "")
	}
	// Korean and Japanese bylines put the role after the name:
	// "김철수 기자", "山田太郎 編集委員".
	for _, role := range []string{"선임기자", "기자", "특파원", "特派員", "編集委員", "論説委員"} {
		if t := strings.TrimSpace(strings.TrimSuffix(s, role)); t != s && t != "" {
			s = t
			break
		}
	}
	if hasHan(s) && !hasLatin(s) {
		if hanRoleRE.MatchString(s) {
			return ""
		}
		s = cleanHanName(s)
	}
	if s == "" || isURL(s) || digitsRE.MatchString(s) {
		return ""
	}
	if _, ok := parseStamp(s); ok {
		return ""
	}
	if utf8.RuneCountInString(s) > 60 || len(strings.Fields(s)) > 6 {
		return ""
	}
	if !hasLetter(s) {
		return ""
	}
	return unshout(s)
}

// unshout writes an all-capitals Latin name ("JANE Q. REPORTER", as older
// bylines print them) in title case; a one-word name may be an acronym and
// is left alone.
func unshout(s string) string {
	if !hasLatin(s) || strings.ToUpper(s) != s || len(strings.Fields(s)) < 2 {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(strings.ToLower(w))
		if len(r) > 0 {
			r[0] = unicode.ToUpper(r[0])
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// nameKey compares names: case, spacing and dots do not matter.
func nameKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isURL(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "//") || strings.HasPrefix(l, "www.")
}

// nameFromProfileURL reads a name from an author page's slug:
// https://www.example.com/profile/jane-doe -> Jane Doe. Used only when no
// rule gave a name, because slugs lose accents and capitals.
func nameFromProfileURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return ""
	}
	segs := strings.Split(strings.Trim(p.Path, "/"), "/")
	slug := segs[len(segs)-1]
	if slug == "" || digitsRE.MatchString(slug) || len(segs) < 2 {
		return ""
	}
	words := strings.FieldsFunc(slug, func(r rune) bool { return r == '-' || r == '_' || r == '+' || r == '.' })
	if len(words) < 2 || len(words) > 4 {
		return ""
	}
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

// reverseLastFirst turns Highwire's "Doe, Jane" into "Jane Doe".
func reverseLastFirst(s string) string {
	parts := strings.Split(s, ",")
	if len(parts) == 3 && nameSuffixes[strings.ToLower(strings.TrimSpace(parts[2]))] {
		return reverseLastFirst(parts[0]+","+parts[1]) + " " + strings.TrimSpace(parts[2])
	}
	if len(parts) != 2 {
		return s
	}
	last, first := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
	if last == "" || first == "" || nameSuffixes[strings.ToLower(first)] {
		return s
	}
	return first + " " + last
}
