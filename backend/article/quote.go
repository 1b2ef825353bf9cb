package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// yaml11Words read as booleans or null to YAML 1.1 tools; a new plain value
// that looks like one is quoted so that no reader takes it for anything but
// text.
var yaml11Words = map[string]bool{
	"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	"true": true, "false": true, "null": true, "~": true,
}

// plainTag is the tag yaml.v3 gives s written as a plain scalar, or "" when
// s cannot be written plain at all (in flow context also not inside [ ] { }).
func plainTag(s string, flow bool) string {
	if s == "" || s != strings.TrimSpace(s) || strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") {
		return ""
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") || strings.Contains(s, "\t") {
		return ""
	}
	if flow && strings.ContainsAny(s, ",[]{}") {
		return ""
	}
	for _, r := range s {
		if r < ' ' || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff || !unicode.IsPrint(r) && r != ' ' && !unicode.Is(unicode.Co, r) {
			return ""
		}
	}
	// Read it back where it will stand: as a mapping value, or a flow item.
	src := "k: " + s
	if flow {
		src = "[" + s + "]"
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(src), &n); err != nil || len(n.Content) != 1 {
		return ""
	}
	top := n.Content[0]
	if len(top.Content) != 1 && !(top.Kind == yaml.MappingNode && len(top.Content) == 2) {
		return ""
	}
	c := top.Content[len(top.Content)-1]
	if c.Kind != yaml.ScalarNode || c.Value != s || c.Style != 0 {
		return ""
	}
	return c.Tag
}

// canPlainString: s written plain reads back as the string s, also to YAML 1.1 readers.
func canPlainString(s string, flow bool) bool {
	return plainTag(s, flow) == "!!str" && !yaml11Words[strings.ToLower(s)]
}

// doubleQuote writes s as a YAML double-quoted scalar. Only what YAML needs
// is escaped; Chinese and other printable text stays as written.
func doubleQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case 0x85:
			b.WriteString(`\N`)
		case 0x2028:
			b.WriteString(`\L`)
		case 0x2029:
			b.WriteString(`\P`)
		default:
			switch {
			case r < ' ' || r == 0x7f:
				b.WriteString(`\x`)
				b.WriteByte("0123456789abcdef"[r>>4])
				b.WriteByte("0123456789abcdef"[r&15])
			case r == 0xfeff || (!unicode.IsPrint(r) && r > 0x7f):
				writeUnicodeEscape(&b, r)
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func writeUnicodeEscape(b *strings.Builder, r rune) {
	const hex = "0123456789abcdef"
	digits, prefix := 4, `\u`
	if r > 0xffff {
		digits, prefix = 8, `\U`
	}
	b.WriteString(prefix)
	for shift := 4 * (digits - 1); shift >= 0; shift -= 4 {
		b.WriteByte(hex[(r>>uint(shift))&15])
	}
}

// singleQuote writes s single-quoted, or reports that it cannot (line breaks
// fold and control characters have no escape there).
func singleQuote(s string) (string, bool) {
	for _, r := range s {
		if r < ' ' && r != '\t' || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff || !utf8.ValidRune(r) || (!unicode.IsPrint(r) && r != ' ' && r != '\t') {
			return "", false
		}
	}
	if s != strings.TrimSpace(s) {
		return "", false // leading or trailing blanks survive, but a tab there is fragile; double quotes are clearer
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'", true
}

// renderNewString picks the simplest form for a new string value: plain when
// that reads back as the same string, double-quoted otherwise.
func renderNewString(s string, flow bool) string {
	if canPlainString(s, flow) {
		return s
	}
	return doubleQuote(s)
}

// renderInStyle writes s keeping the quoting style of an existing scalar
// where that style can carry s. A plain value stays plain when the new text
// resolves to the same type as the old (a plain date stays a plain date).
func renderInStyle(s string, old *yaml.Node, flow bool) string {
	if old == nil || old.Kind != yaml.ScalarNode || old.Style&yaml.TaggedStyle != 0 {
		return renderNewString(s, flow)
	}
	switch {
	case old.Style&yaml.DoubleQuotedStyle != 0:
		return doubleQuote(s)
	case old.Style&yaml.SingleQuotedStyle != 0:
		if q, ok := singleQuote(s); ok {
			return q
		}
		return doubleQuote(s)
	case old.Style == 0 && old.Tag != "!!null":
		if tag := plainTag(s, flow); tag != "" && tag == old.Tag && (tag != "!!str" || !yaml11Words[strings.ToLower(s)]) {
			return s
		}
	}
	return renderNewString(s, flow)
}
