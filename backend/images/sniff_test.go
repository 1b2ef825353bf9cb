package images

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSniffByMagicBytes(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want Kind
	}{
		{"png", pngBytes(t, 3, 2, 1), PNG},
		{"jpeg", jpegBytes(t), JPEG},
		{"gif", gifBytes(t), GIF},
		{"webp", webpBytes(), WebP},
		{"avif major brand", avifBytes("avif", "mif1", "miaf"), AVIF},
		{"avif compatible brand", avifBytes("mif1", "miaf", "avif"), AVIF},
		{"avif sequence", avifBytes("avis", "msf1"), AVIF},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>`), SVG},
		{"svg with prolog", []byte("\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- 图 -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg viewBox=\"0 0 1 1\"></svg>"), SVG},
		{"svg prefixed", []byte(`<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>`), SVG},
	}
	for _, c := range cases {
		got, err := Sniff(c.data)
		if err != nil || got != c.want {
			t.Errorf("%s: %v, %v (want %v)", c.name, got, err, c.want)
		}
	}
	bad := map[string][]byte{
		"empty":              nil,
		"text":               []byte("这不是图片"),
		"html":               []byte("<!doctype html><html><body><svg></svg></body></html>"),
		"xml other root":     []byte(`<?xml version="1.0"?><rss><svg/></rss>`),
		"text then svg":      []byte("hello <svg/>"),
		"truncated png":      []byte("\x89PNG\r\n"),
		"riff not webp":      []byte("RIFF\x00\x00\x00\x00WAVEfmt "),
		"mp4 not avif":       avifBytes("isom", "iso2", "mp41"),
		"ftyp box too large": append([]byte{0, 0, 0x40, 0, 'f', 't', 'y', 'p'}, "avifavifavifavif"...),
		"pdf":                []byte("%PDF-1.7\n"),
	}
	for name, data := range bad {
		if k, err := Sniff(data); !errors.Is(err, ErrNotImage) {
			t.Errorf("%s: accepted as %v", name, k)
		}
	}
}

// Whatever name an image comes with, its slug is a safe file name stem:
// never empty, valid UTF-8, no separator, space, dot or control character.
func FuzzSlug(f *testing.F) {
	for _, seed := range []string{"Screen Shot.png", "截图（1）.PNG", "../../x", "C:\\a\\CON.jpg", "\x00\u202e", "", ".", "a.b.c"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, name string) {
		s := Slug(name)
		if s == "" || !utf8.ValidString(s) || strings.ContainsAny(s, "/\\ .:\t\r\n\x00") || strings.HasPrefix(s, "-") {
			t.Fatalf("Slug(%q) = %q", name, s)
		}
	})
}
