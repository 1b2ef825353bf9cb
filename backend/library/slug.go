package library

import (
	"strings"
	"unicode"
)

const maxSlugRunes = 60

// Slug makes a file name from a title: letters and digits of any script
// (Chinese stays Chinese, so a Chinese title never gives an empty slug),
// Latin lower-cased, every other run of characters one "-". An empty result
// (a title of punctuation only, or none) is "" and the caller falls back to
// an id-based name.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range title {
		if n >= maxSlugRunes {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
				n++
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			n++
			continue
		}
		dash = true
	}
	return b.String()
}
