package typography

import (
	"strings"
	"unicode"
)

func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true // the unified ideographs, nearly every Han character of a text: no table look-up
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// isLatinOrDigit: ASCII letters and digits and the accented Latin letters,
// but not the full-width forms (Ａ１), which are a finding of their own.
func isLatinOrDigit(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return r < 0x2000 && unicode.IsLetter(r) && unicode.Is(unicode.Latin, r)
}

func isLatinLetter(r rune) bool {
	return isLatinOrDigit(r) && !(r >= '0' && r <= '9')
}

// fullwidthPunct is the punctuation used only in Chinese (and Japanese) text.
// Curly quotes are not in it: English uses them too (`a “beast”`), so a rule
// that needs Chinese context never takes a curly quote as evidence of it.
// The em dash and the middle dot are not in it either: English uses the
// dash, and · is the house separator of names and citations.
const fullwidthPunct = "，。！？；：、（）《》〈〉「」『』【】〔〕〖〗…～"

func isFullwidthPunct(r rune) bool { return r >= 0x2000 && strings.ContainsRune(fullwidthPunct, r) }

func isCurlyQuote(r rune) bool { return r == '“' || r == '”' || r == '‘' || r == '’' }

// closesChinese: full-width punctuation that ends a Chinese phrase, after
// which a half-width comma or period belongs to the Chinese sentence.
func closesChinese(r rune) bool {
	return r >= 0x2000 && strings.ContainsRune("）》〉」』】〕〗", r)
}

// halfwidthToFull maps the half-width sentence punctuation to its full-width form.
var halfwidthToFull = map[rune]rune{',': '，', '.': '。', ':': '：', ';': '；', '!': '！', '?': '？'}

// isHalfwidthMark: a key of halfwidthToFull. Asked of every character of a
// text, so a switch rather than a map look-up.
func isHalfwidthMark(r rune) bool {
	switch r {
	case ',', '.', ':', ';', '!', '?':
		return true
	}
	return false
}

func isFullwidthAlnum(r rune) bool {
	return r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

// isSyntax: ASCII punctuation that can be Markdown syntax when it stands
// next to a space: an emphasis or strikethrough marker left as text (`*文 *`),
// a bracket, a backtick, an escape, an entity, a table pipe. Adding or removing
// a space beside one can turn text into markup (a space decides whether * opens
// or closes emphasis), so no space edit is made next to one.
func isSyntax(r rune) bool {
	return r >= 0 && r < 0x80 && strings.ContainsRune("*_~`[](){}<>\\&|#^=+-/@$", r)
}
