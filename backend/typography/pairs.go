package typography

// The rules about marks that come in pairs: quotes and brackets. A pair is
// only fixed when every mark of its kind in the block pairs up, since which
// marks belong together is otherwise a guess.

// straightQuotes: "…" and '…' whose content holds Chinese become “…” and
// ‘…’. Quotes pair in order within the block. A fix is offered only when the
// pairing is unambiguous: an even number of quote marks, each opener not
// glued to a letter or digit before it and each closer not glued to one
// after it (12" is inches, Meta's an apostrophe). Pairs around Latin text
// (`"beast"`) are left: in English, straight quotes are a style, not a mistake.
func (f *finder) straightQuotes(bl block, q rune, open, close string) {
	var marks []int
	for i, u := range bl {
		if u.r != q || u.off < 0 {
			continue
		}
		if q == '\'' && isLatinLetter(at(bl, i-1)) && isLatinLetter(at(bl, i+1)) {
			continue // an apostrophe: don't, Meta's
		}
		marks = append(marks, i)
	}
	if len(marks) == 0 || len(marks)%2 != 0 {
		return
	}
	type pair struct{ a, b int }
	var fix []pair
	for k := 0; k < len(marks); k += 2 {
		a, b := marks[k], marks[k+1]
		if !hasHan(bl[a+1 : b]) {
			continue
		}
		if isLatinOrDigit(at(bl, a-1)) && a > 0 && adjacent(bl[a-1], bl[a]) ||
			isLatinOrDigit(at(bl, b+1)) && b+1 < len(bl) && adjacent(bl[b], bl[b+1]) {
			return // ambiguous: no quote in this block is touched
		}
		fix = append(fix, pair{a, b})
	}
	for _, p := range fix {
		from, to := bl[p.a].off, bl[p.b].off+bl[p.b].size
		f.add(Quotes, from, to, string(q)+"…"+string(q), open+"…"+close, []Edit{
			{From: bl[p.a].off, To: bl[p.a].off + 1, Insert: open},
			{From: bl[p.b].off, To: bl[p.b].off + 1, Insert: close},
		})
	}
}

func hasHan(bl block) bool {
	for _, u := range bl {
		if isHan(u.r) {
			return true
		}
	}
	return false
}

// brackets: half-width ( ) around Chinese text become （ ）. The parentheses of
// the block must pair up completely; otherwise none is touched, since which
// ones belong together is a guess. Parentheses around Latin text only (`(AI)`)
// are left: that is a matter of style, not of width.
func (f *finder) brackets(bl block) {
	var stack []int
	type pair struct{ a, b int }
	var pairs []pair
	for i, u := range bl {
		switch {
		case u.off < 0:
		case u.r == '(':
			stack = append(stack, i)
		case u.r == ')':
			if len(stack) == 0 {
				return
			}
			pairs = append(pairs, pair{stack[len(stack)-1], i})
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 || len(pairs) == 0 {
		return
	}
	// Han characters before each unit, so that nested pairs ((((…)))) cost
	// one pass, not one pass per pair.
	hanBefore := make([]int, len(bl)+1)
	for i, u := range bl {
		hanBefore[i+1] = hanBefore[i]
		if isHan(u.r) {
			hanBefore[i+1]++
		}
	}
	for _, p := range pairs {
		if hanBefore[p.b] == hanBefore[p.a+1] {
			continue
		}
		from, to := bl[p.a].off, bl[p.b].off+1
		f.add(BracketWidth, from, to, "(…)", "（…）", []Edit{
			{From: bl[p.a].off, To: bl[p.a].off + 1, Insert: "（"},
			{From: bl[p.b].off, To: bl[p.b].off + 1, Insert: "）"},
		})
	}
}

// unpaired: a curly double quote with no partner in its paragraph (or
// heading, table cell, front matter value), or an odd number of straight
// double quotes next to Chinese text. Which quote is missing, and where, is
// for the editor to decide: there is no fix. Single curly quotes are not
// judged: ’ is also the apostrophe (Meta’s).
func (f *finder) unpaired(bl block) {
	var open []int
	var straight []int
	nearHan := false
	for i, u := range bl {
		switch u.r {
		case '“':
			open = append(open, i)
		case '”':
			if len(open) == 0 {
				f.add(UnpairedQuote, u.off, u.off+u.size, "”", "", nil)
				continue
			}
			open = open[:len(open)-1]
		case '"':
			if u.off >= 0 {
				straight = append(straight, i)
				nearHan = nearHan || isHan(at(bl, i-1)) || isHan(at(bl, i+1))
			}
		}
	}
	for _, i := range open {
		f.add(UnpairedQuote, bl[i].off, bl[i].off+bl[i].size, "“", "", nil)
	}
	if len(straight)%2 == 1 && nearHan {
		u := bl[straight[len(straight)-1]]
		f.add(UnpairedQuote, u.off, u.off+1, `"`, "", nil)
	}
}
