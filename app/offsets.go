package app

import (
	"sort"
	"unicode/utf8"
)

// utf16Offsets maps byte offsets of a UTF-8 text to the UTF-16 code unit
// offsets the editor (CodeMirror, JavaScript strings) uses. The backend
// speaks bytes; only the boundary to the UI converts. One pass over the text
// answers all the offsets asked for.
func utf16Offsets(text string, offsets []int) map[int]int {
	sorted := append([]int(nil), offsets...)
	sort.Ints(sorted)
	out := make(map[int]int, len(sorted))
	b, u := 0, 0
	for _, want := range sorted {
		if want > len(text) {
			want = len(text)
		}
		for b < want {
			r, size := utf8.DecodeRuneInString(text[b:])
			if r >= 0x10000 {
				u += 2
			} else {
				u++
			}
			b += size
		}
		out[want] = u
	}
	for _, o := range offsets {
		if o > len(text) {
			out[o] = out[len(text)]
		}
		if o < 0 {
			out[o] = 0
		}
	}
	return out
}
