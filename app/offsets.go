package app

import "unicode/utf8"

// utf16Index converts byte offsets of a UTF-8 text into the UTF-16 code unit
// offsets the editor (CodeMirror, JavaScript strings) uses. The backend speaks
// bytes; only the boundary to the UI converts.
type utf16Index struct {
	text string
}

func newUTF16Index(text string) *utf16Index { return &utf16Index{text: text} }

// converter returns a function mapping increasing byte offsets cheaply; offsets
// given out of order are still answered correctly (it restarts).
func (x *utf16Index) converter() func(int) int {
	lastByte, lastUnit := 0, 0
	return func(b int) int {
		if b < lastByte {
			lastByte, lastUnit = 0, 0
		}
		if b > len(x.text) {
			b = len(x.text)
		}
		for lastByte < b {
			r, size := utf8.DecodeRuneInString(x.text[lastByte:])
			if r >= 0x10000 {
				lastUnit += 2
			} else {
				lastUnit++
			}
			lastByte += size
		}
		return lastUnit
	}
}
