package pagemeta

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// checkHTML refuses bodies that are not HTML at all: binary formats (PDF,
// images, archives) and declared non-HTML types whose bytes show no markup.
// Anything that might be HTML is accepted: a saved page often has no type.
func checkHTML(body []byte, contentType string) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return fmt.Errorf("pagemeta: the body is empty, not an HTML page")
	}
	if hasUnicodeBOM(body) {
		return nil
	}
	sniffed := http.DetectContentType(body)
	sniffedType, _, _ := mime.ParseMediaType(sniffed)
	switch {
	case strings.HasPrefix(sniffedType, "text/"):
	case sniffedType == "application/octet-stream" && looksLikeHTML(body):
		// Stray control bytes in an otherwise HTML page: read what is there.
	case sniffedType == "application/octet-stream":
		return fmt.Errorf("pagemeta: the body is binary data, not an HTML page")
	default:
		return fmt.Errorf("pagemeta: the body is %s, not an HTML page", sniffedType)
	}
	declared := ""
	if contentType != "" {
		declared, _, _ = mime.ParseMediaType(contentType)
	}
	switch {
	case declared == "", declared == "text/html", declared == "application/xhtml+xml",
		strings.HasSuffix(declared, "+xml"), declared == "text/xml", declared == "application/xml",
		declared == "text/plain", declared == "application/octet-stream":
		return nil
	}
	if looksLikeHTML(body) {
		return nil
	}
	return fmt.Errorf("pagemeta: the body is %s (no HTML markup in it), not an HTML page", declared)
}

// looksLikeHTML reports whether the start of body has the tags every HTML
// page has near its top.
func looksLikeHTML(body []byte) bool {
	head := bytes.ToLower(body[:min(len(body), 4096)])
	for _, m := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>"} {
		if bytes.Contains(head, []byte(m)) {
			return true
		}
	}
	return false
}

func hasUnicodeBOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// decode turns the body into UTF-8 text. The declared encoding is honoured
// in the order browsers use (byte order mark, HTTP header, <meta>), with two
// corrections for declarations that lie, both common on Chinese sites:
//   - a legacy encoding declared for bytes that are valid UTF-8 with
//     multibyte sequences: the bytes win (a legacy-encoded Chinese page is
//     practically never valid UTF-8 by chance);
//   - an HTTP header saying UTF-8 (a server default) for bytes that are not
//     UTF-8 while the page's own <meta> names another encoding: the page
//     wins.
//
// gb2312 and gbk are decoded as GB18030, their superset, so characters
// outside GB2312 that real pages contain anyway come out right.
func decode(body []byte, contentType string) (text, name string, warnings []string) {
	if enc, n := bomEncoding(body); enc != nil {
		out, _ := enc.NewDecoder().Bytes(body)
		return strings.ToValidUTF8(string(out), "\uFFFD"), n, nil
	}
	header := charsetParam(contentType)
	meta := metaCharset(body)
	declared, from := header, "HTTP header"
	if declared == "" {
		declared, from = meta, "<meta>"
	}
	validUTF8 := utf8.Valid(body)
	if declared == "" {
		if validUTF8 {
			return string(body), "utf-8", nil
		}
		// No declaration and not UTF-8: guess from the declared language,
		// the only hint left; windows-1252 is what browsers assume.
		declared = guessByLang(body)
		warnings = append(warnings, fmt.Sprintf("no charset declared and the bytes are not UTF-8; decoded as %s", declared))
		from = ""
	}
	enc, canon := lookupEncoding(declared)
	if enc == nil {
		warnings = append(warnings, fmt.Sprintf("unknown charset %q in the %s; decoded as UTF-8", declared, from))
		return strings.ToValidUTF8(string(body), "\uFFFD"), "utf-8", warnings
	}
	if canon != "utf-8" && validUTF8 && hasMultibyte(body) {
		warnings = append(warnings, fmt.Sprintf("the %s declares %s but the bytes are UTF-8; decoded as UTF-8", from, declared))
		return string(body), "utf-8", warnings
	}
	if canon == "utf-8" && !validUTF8 && from == "HTTP header" && meta != "" {
		if menc, mcanon := lookupEncoding(meta); menc != nil && mcanon != "utf-8" {
			warnings = append(warnings, fmt.Sprintf("the HTTP header declares %s but the bytes are not UTF-8; decoded as %s as the page's <meta> says", declared, mcanon))
			enc, canon = menc, mcanon
		}
	}
	if canon == "utf-8" && !validUTF8 && enc != nil {
		// Declared UTF-8 but mostly not: an old page saved in a legacy
		// encoding under a UTF-8 label. A few stray bytes in real UTF-8
		// text are replaced instead.
		if good, bad := utf8Stats(body); bad > good {
			guess := guessByLang(body)
			if genc, gcanon := lookupEncoding(guess); genc != nil {
				if out, err := genc.NewDecoder().Bytes(body); err == nil {
					warnings = append(warnings, fmt.Sprintf("the %s declares %s but the bytes are not UTF-8; decoded as %s", from, declared, gcanon))
					return strings.ToValidUTF8(string(out), "\uFFFD"), gcanon, warnings
				}
			}
		}
	}
	if canon == "utf-8" {
		if !validUTF8 {
			warnings = append(warnings, "the body is not valid UTF-8; invalid bytes were replaced")
		}
		return strings.ToValidUTF8(string(body), "\uFFFD"), "utf-8", warnings
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		warnings = append(warnings, fmt.Sprintf("decoding as %s failed (%v); decoded as UTF-8", canon, err))
		return strings.ToValidUTF8(string(body), "\uFFFD"), "utf-8", warnings
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), canon, warnings
}

func bomEncoding(b []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8BOM, "utf-8"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	}
	return nil, ""
}

// lookupEncoding resolves a charset label the way browsers do (WHATWG
// labels), except that the GB family decodes as GB18030.
func lookupEncoding(label string) (encoding.Encoding, string) {
	enc, canon := charset.Lookup(label)
	if enc == nil {
		return nil, ""
	}
	canon = strings.ToLower(canon)
	switch canon {
	case "gbk", "gb2312", "gb18030":
		return simplifiedchinese.GB18030, "gb18030"
	case "utf-16le", "utf-16be":
		// A UTF-16 label without a BOM on an ASCII-compatible page is
		// always a mistake (browsers treat it as UTF-8 too).
		return encoding.Nop, "utf-8"
	}
	return enc, canon
}

func charsetParam(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(strings.Trim(params["charset"], `"'`))
}

// metaCharset finds <meta charset> or <meta http-equiv=content-type> in the
// first 4 KiB (browsers prescan 1 KiB; pages with a long comment first still
// mean their declaration).
func metaCharset(body []byte) string {
	z := html.NewTokenizer(bytes.NewReader(body[:min(len(body), 4096)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var cs, equiv, content string
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					equiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
				if !more {
					break
				}
			}
			if cs != "" {
				return strings.TrimSpace(cs)
			}
			if equiv == "content-type" {
				if c := charsetParam(content); c != "" {
					return c
				}
			}
		}
	}
}

func hasMultibyte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// guessByLang picks a legacy encoding for an undeclared, non-UTF-8 page
// from its <html lang>.
func guessByLang(body []byte) string {
	head := strings.ToLower(string(body[:min(len(body), 4096)]))
	i := strings.Index(head, "lang=")
	if i < 0 {
		return "windows-1252"
	}
	lang := strings.Trim(head[i+5:min(len(head), i+16)], `"' `)
	switch {
	case strings.HasPrefix(lang, "zh-tw"), strings.HasPrefix(lang, "zh-hk"), strings.HasPrefix(lang, "zh-hant"):
		return "big5"
	case strings.HasPrefix(lang, "zh"):
		return "gb18030"
	case strings.HasPrefix(lang, "ja"):
		return "shift_jis"
	case strings.HasPrefix(lang, "ko"):
		return "euc-kr"
	}
	return "windows-1252"
}

// utf8Stats counts the valid multibyte characters and the invalid bytes.
func utf8Stats(b []byte) (good, bad int) {
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			bad++
			i++
			continue
		}
		good++
		i += size
	}
	return good, bad
}
