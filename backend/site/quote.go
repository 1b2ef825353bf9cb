package site

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Quote makes a file name safe to print on a terminal: a name of printable
// characters (Chinese included) and plain spaces is returned as it is; any
// other name is Go-quoted, so control characters (an ESC sequence that
// rewrites a terminal's title), bidirectional overrides and invalid UTF-8
// show as escapes instead of acting. Every message naming a file uses it.
func Quote(name string) string {
	if !utf8.ValidString(name) {
		return strconv.Quote(name)
	}
	for _, r := range name {
		if r != ' ' && !unicode.IsPrint(r) {
			return strconv.Quote(name)
		}
	}
	return name
}
