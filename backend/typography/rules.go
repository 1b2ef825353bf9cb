package typography

import (
	"strings"
)

// finder collects the findings of one article.
type finder struct {
	s    Settings
	text []byte
	out  []Finding
}

func (f *finder) add(code string, from, to int, text, suggestion string, edits []Edit) {
	f.out = append(f.out, Finding{Code: code, From: from, To: to, Text: text, Suggestion: suggestion, Edits: edits})
}

// check runs every switched-on rule over one block.
func (f *finder) check(bl block) {
	if f.s.on(HalfwidthPunctuation) {
		f.halfwidth(bl)
	}
	if f.s.on(CJKLatinSpace) {
		f.cjkLatinSpace(bl)
	}
	if f.s.on(Quotes) {
		f.straightQuotes(bl, '"', "“", "”")
		f.straightQuotes(bl, '\'', "‘", "’")
	}
	if f.s.on(Ellipsis) {
		f.ellipsis(bl)
	}
	if f.s.on(RepeatedPunctuation) {
		f.repeated(bl)
	}
	if f.s.on(BracketWidth) {
		f.brackets(bl)
	}
	if f.s.on(UnpairedQuote) {
		f.unpaired(bl)
	}
	if f.s.on(FullwidthAlnum) {
		f.fullwidthAlnum(bl)
	}
	if f.s.on(SpaceAroundFullwidth) {
		f.spaceAroundFullwidth(bl)
	}
}

// run returns the end (exclusive) of the run of units from i on that
// satisfy ok and follow each other directly in the file.
func run(bl block, i int, ok func(rune) bool) int {
	j := i + 1
	for j < len(bl) && ok(bl[j].r) && adjacent(bl[j-1], bl[j]) {
		j++
	}
	return j
}

// spacesBefore returns the index of the first of the spaces directly before
// unit i (i itself when there are none); spacesAfter the index after the
// spaces that directly follow unit i-1, starting at i.
func spacesBefore(bl block, i int) int {
	for i > 0 && bl[i-1].r == ' ' && adjacent(bl[i-1], bl[i]) {
		i--
	}
	return i
}

func spacesAfter(bl block, i int) int {
	for i < len(bl) && bl[i].r == ' ' && i > 0 && adjacent(bl[i-1], bl[i]) {
		i++
	}
	return i
}

// linkLike reports whether the word around units [i, j) (the characters
// glued to them up to a space, Han character or full-width punctuation)
// would read as an e-mail address or a web address once it is ASCII.
func linkLike(bl block, i, j int) bool {
	word := func(r rune) bool { return r != barrier && r != ' ' && !isHan(r) && !isFullwidthPunct(r) }
	for i > 0 && word(bl[i-1].r) && adjacent(bl[i-1], bl[i]) {
		i--
	}
	for j < len(bl) && word(bl[j].r) && adjacent(bl[j-1], bl[j]) {
		j++
	}
	w := strings.ToLower(strings.Map(func(r rune) rune {
		if isFullwidthAlnum(r) {
			return r - '０' + '0'
		}
		return r
	}, str(bl, i, j)))
	return strings.Contains(w, "@") || strings.Contains(w, "://") || strings.Contains(w, "www.")
}

// listMarkerLike reports whether units [i, j) are part of digits (ASCII or
// full-width) that start a line and are followed by . or ): once ASCII, they
// would make the line an ordered list item.
func listMarkerLike(bl block, i, j int) bool {
	digit := func(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
	for i > 0 && digit(bl[i-1].r) {
		i--
	}
	for j < len(bl) && digit(bl[j].r) {
		j++
	}
	return (i == 0 || bl[i-1].r == barrier) && (at(bl, j) == '.' || at(bl, j) == ')')
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func at(bl block, i int) rune {
	if i < 0 || i >= len(bl) {
		return barrier
	}
	return bl[i].r
}

func span(bl block, i, j int) (from, to int) { return bl[i].off, bl[j-1].off + bl[j-1].size }

func str(bl block, i, j int) string {
	var b strings.Builder
	for _, u := range bl[i:j] {
		b.WriteRune(u.r)
	}
	return b.String()
}

// halfwidth: , . : ; ! ? in a Chinese sentence. The mark belongs to the
// Chinese sentence when a Han character (or a closing full-width bracket)
// comes before it, spaces aside; or, for , ; and : only, when a Han character
// follows it directly (`Llama 4,但`). A period before Chinese text can end an
// abbreviation (`Inc.公布`) and ! or ? a name (`来自Yahoo!的文档`), so those
// need Chinese before them. A period followed directly by a letter or digit
// is part of a name (`.NET`, `配置文件.yaml`); runs of dots are the ellipsis
// rule's; only single marks and runs of ! and ? (`!?`) are converted, one to
// one. The fix also takes the spaces around the mark, since full-width
// punctuation carries its own space.
func (f *finder) halfwidth(bl block) {
	for i := 0; i < len(bl); i++ {
		if !isHalfwidthMark(bl[i].r) || bl[i].off < 0 {
			continue
		}
		j := run(bl, i, isHalfwidthMark)
		start, end := i, j
		i = j - 1
		if end-start > 1 && strings.Trim(str(bl, start, end), "!?") != "" {
			continue
		}
		before := spacesBefore(bl, start)
		after := spacesAfter(bl, end)
		prev, next := at(bl, before-1), at(bl, after)
		if before < start && (before == 0 || !adjacent(bl[before-1], bl[before])) {
			before = start // spaces after markup stay
		}
		if after > end && isSyntax(next) {
			after = end // a space before * or [ may be what makes it syntax
		}
		left := isHan(prev) || closesChinese(prev)
		right := strings.ContainsRune(",;:", bl[start].r) && isHan(at(bl, end)) && end < len(bl) && adjacent(bl[end-1], bl[end])
		if !left && !right {
			continue
		}
		if bl[start].r == '.' && isLatinOrDigit(at(bl, end)) {
			continue
		}
		if !left {
			before = start
		}
		if after >= len(bl) || next == barrier || after == end || !adjacent(bl[after-1], bl[after]) {
			after = end // spaces before a line end or markup (an emphasis marker) stay
		}
		var full strings.Builder
		for _, u := range bl[start:end] {
			full.WriteRune(halfwidthToFull[u.r])
		}
		from, to := span(bl, before, after)
		f.add(HalfwidthPunctuation, from, to, str(bl, start, end), full.String(),
			[]Edit{{From: from, To: to, Insert: full.String()}})
	}
}

// cjkLatinSpace enforces the profile's spacing between a Han character and a
// Latin letter or digit. Only spaces between two characters that follow each
// other in the file are judged: a space next to an emphasis marker or a link
// bracket is part of the Markdown, and removing it can change what is bold.
// Nor is a space beside an e-mail or web address: whether Hugo links
// `文a@b.com` depends on what stands before the address.
func (f *finder) cjkLatinSpace(bl block) {
	switch f.s.Spacing {
	case SpacingAlways:
		for i := 0; i+1 < len(bl); i++ {
			a, b := bl[i].r, bl[i+1].r
			if adjacent(bl[i], bl[i+1]) && (isHan(a) && isLatinOrDigit(b) && !linkLike(bl, i+1, i+2) ||
				endsLatin(bl, i) && isHan(b) && !tagName(bl, i) && !linkLike(bl, i, i+1)) {
				at := bl[i+1].off
				f.add(CJKLatinSpace, bl[i].off, at+bl[i+1].size, string(a)+string(b), string(a)+" "+string(b),
					[]Edit{{From: at, To: at, Insert: " "}})
				f.out[len(f.out)-1].Variant = "insert"
			}
		}
	case SpacingNone, "":
		for i := 0; i+1 < len(bl); i++ {
			if bl[i+1].r != ' ' || !adjacent(bl[i], bl[i+1]) {
				continue
			}
			j := spacesAfter(bl, i+1)
			if j >= len(bl) || !adjacent(bl[j-1], bl[j]) {
				continue
			}
			a, b := bl[i].r, bl[j].r
			if isHan(a) && isLatinOrDigit(b) && !linkLike(bl, j, j+1) || endsLatin(bl, i) && isHan(b) && !tagName(bl, i) && !linkLike(bl, i, i+1) {
				from, to := span(bl, i+1, j)
				f.add(CJKLatinSpace, from, to, str(bl, i, j+1), string(a)+string(b),
					[]Edit{{From: from, To: to}})
				f.out[len(f.out)-1].Variant = "remove"
			}
			i = j - 1
		}
	}
}

// endsLatin reports whether unit i ends a Latin word or number for spacing:
// a letter or digit, the % of a number (`50% 的`) or the ! or ? a name or
// word ends with (`Yahoo! 的`), as autocorrect treats them.
func endsLatin(bl block, i int) bool {
	r := bl[i].r
	if isLatinOrDigit(r) {
		return true
	}
	if i == 0 || !adjacent(bl[i-1], bl[i]) {
		return false
	}
	p := bl[i-1].r
	return r == '%' && p >= '0' && p <= '9' || (r == '!' || r == '?') && isLatinLetter(p)
}

// tagName reports whether the Latin word ending at unit i follows < or </ or
// &: a space after `<div` starts an HTML block, so it is left as written.
func tagName(bl block, i int) bool {
	for i >= 0 && isLatinOrDigit(bl[i].r) {
		i--
	}
	return i >= 0 && (bl[i].r == '<' || bl[i].r == '/' || bl[i].r == '&')
}

// ellipsis: three or more dots or 。 (`...`, `......`, `。。。`) or a lone … in
// Chinese text is written ……. Dots count as Chinese when a Han character or
// full-width punctuation is next to them; 。 always is; a lone … only beside Chinese
// too (`wait…` is English).
func (f *finder) ellipsis(bl block) {
	for i := 0; i < len(bl); i++ {
		r := bl[i].r
		if (r != '.' && r != '。' && r != '…') || bl[i].off < 0 {
			continue
		}
		j := run(bl, i, func(x rune) bool { return x == r })
		start, end := i, j
		i = j - 1
		n := end - start
		if r == '…' && n != 1 || r != '…' && n < 3 {
			continue
		}
		chinese := func(x rune) bool { return isHan(x) || isFullwidthPunct(x) && x != '…' }
		if r != '。' && !chinese(at(bl, start-1)) && !chinese(at(bl, end)) {
			continue
		}
		from, to := span(bl, start, end)
		f.add(Ellipsis, from, to, str(bl, start, end), "……", []Edit{{From: from, To: to, Insert: "……"}})
	}
}

// repeated: the same full-width ！？，、；： twice or more in a row is written
// once. Different marks (`？！`) are an intended combination and stay; 。 is
// left to the ellipsis rule (。。。 is a mistyped ellipsis, not a repeat).
func (f *finder) repeated(bl block) {
	for i := 0; i < len(bl); i++ {
		r := bl[i].r
		if !isRepeatable(r) || bl[i].off < 0 {
			continue
		}
		j := run(bl, i, func(x rune) bool { return x == r })
		if j-i >= 2 {
			from, to := span(bl, i, j)
			f.add(RepeatedPunctuation, from, to, str(bl, i, j), string(r), []Edit{{From: from, To: to, Insert: string(r)}})
		}
		i = j - 1
	}
}

// isRepeatable: the full-width marks that repeated says are written once.
func isRepeatable(r rune) bool {
	switch r {
	case '！', '？', '，', '、', '；', '：':
		return true
	}
	return false
}

// fullwidthAlnum: full-width letters and digits (Ａ１) are written in ASCII;
// they are a typing slip of the Chinese input method, never a style.
func (f *finder) fullwidthAlnum(bl block) {
	for i := 0; i < len(bl); i++ {
		if !isFullwidthAlnum(bl[i].r) || bl[i].off < 0 {
			continue
		}
		j := run(bl, i, isFullwidthAlnum)
		if listMarkerLike(bl, i, j) || linkLike(bl, i, j) ||
			j < len(bl) && bl[j].r == barrier && j > 0 && bl[j-1].off+bl[j-1].size < len(f.text) && !isSpaceByte(f.text[bl[j-1].off+bl[j-1].size]) {
			// １. at a line's start would become the list marker 1.,
			// １@example.com an e-mail link and １www.example.com a web
			// link: glued to such text, the ASCII digit or letter would
			// change how the parser reads it.
			i = j - 1
			continue
		}
		var b strings.Builder
		for _, u := range bl[i:j] {
			b.WriteRune(u.r - '０' + '0')
		}
		from, to := span(bl, i, j)
		f.add(FullwidthAlnum, from, to, str(bl, i, j), b.String(), []Edit{{From: from, To: to, Insert: b.String()}})
		i = j - 1
	}
}

// spaceAroundFullwidth: full-width punctuation carries its own spacing, so a
// space next to it is removed (`中文， 英文`, `模型 （如`). A space beside a curly
// quote is removed only when the other side is Chinese too: `a “beast”` is
// English and keeps its space. Spaces at a line's start or end, or next to
// markup, are not judged.
func (f *finder) spaceAroundFullwidth(bl block) {
	for i := 1; i < len(bl); i++ {
		if bl[i].r != ' ' || !adjacent(bl[i-1], bl[i]) {
			continue
		}
		j := spacesAfter(bl, i)
		if j >= len(bl) || !adjacent(bl[j-1], bl[j]) {
			i = j
			continue
		}
		a, b := bl[i-1].r, bl[j].r
		chinese := func(x rune) bool { return isHan(x) || isFullwidthPunct(x) }
		if isSyntax(a) || isSyntax(b) {
			i = j - 1
			continue
		}
		if isFullwidthPunct(a) || isFullwidthPunct(b) ||
			isCurlyQuote(a) && chinese(b) || isCurlyQuote(b) && chinese(a) {
			from, to := span(bl, i, j)
			f.add(SpaceAroundFullwidth, from, to, str(bl, i-1, j+1), string(a)+string(b), []Edit{{From: from, To: to}})
		}
		i = j - 1
	}
}
