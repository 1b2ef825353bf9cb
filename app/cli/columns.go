package cli

import (
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// displayWidth is how many terminal columns s takes: East Asian Wide and
// Fullwidth characters (Chinese, Japanese, Korean, most emoji) take two,
// combining marks and zero-width characters none, everything else one.
// Ambiguous-width characters (e.g. “ ” ·) count as one, as in the terminals
// editors use with a Chinese locale by default.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF:
		return 0 // zero-width space, joiners, word joiner, BOM
	case unicode.In(r, unicode.Mn, unicode.Me):
		return 0 // combining marks sit on the previous character
	case unicode.IsControl(r):
		return 0 // cellText has replaced them; never count them
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// cellText makes one table cell of s: tabs, line breaks and other control
// characters (a title may hold any of them) would break the row, so each
// becomes a space.
func cellText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// writeColumns writes rows as left-aligned columns separated by two spaces,
// aligned by display width; the last column is not padded.
func writeColumns(w io.Writer, rows [][]string) error {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cellText(cell)))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		b.Reset()
		for i, cell := range row {
			cell = cellText(cell)
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
			}
		}
		if _, err := io.WriteString(w, strings.TrimRight(b.String(), " ")+"\n"); err != nil {
			return err
		}
	}
	return nil
}
