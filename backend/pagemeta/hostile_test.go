package pagemeta

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
)

// allocated runs f and returns the bytes it allocated.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func mustExtract(t *testing.T, body []byte, ct, u string) *Page {
	t.Helper()
	p, err := Extract(body, ct, u, Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return p
}

func TestHostileDeepNesting(t *testing.T) {
	const depth = 100_000
	var b bytes.Buffer
	b.WriteString(`<html><head><title>Deep - Example</title></head><body>`)
	for i := 0; i < depth; i++ {
		b.WriteString(`<div class="byline">`)
	}
	b.WriteString(`By Someone Real`)
	for i := 0; i < depth; i++ {
		b.WriteString(`</div>`)
	}
	b.WriteString(`</body></html>`)
	var p *Page
	mem := allocated(func() { p = mustExtract(t, b.Bytes(), "text/html", "https://example.com/x") })
	if p.Title != "Deep" {
		t.Errorf("title %q", p.Title)
	}
	if mem > 400<<20 {
		t.Errorf("allocated %d MB for a %d KB page", mem>>20, b.Len()>>10)
	}
}

func TestHostileMisnestedFormatting(t *testing.T) {
	// The adoption-agency corner of HTML5 tree building: a tokenizer tree
	// stays linear.
	body := []byte("<html><body>" + strings.Repeat("<b><i><a href=x><p>", 50_000) + "text" + strings.Repeat("</b></i></a>", 50_000))
	mustExtract(t, body, "text/html", "https://example.com/y")
}

func TestHostileHugeBodyIsCapped(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`<html><head><title>Big page</title><meta property="og:site_name" content="Big"></head><body><article><p>`)
	chunk := strings.Repeat("lorem ipsum dolor sit amet ", 40) + "</p><p>"
	for b.Len() < 50<<20 {
		b.WriteString(chunk)
	}
	var p *Page
	mem := allocated(func() { p = mustExtract(t, b.Bytes(), "text/html", "https://example.com/big") })
	if p.Title != "Big page" || p.Outlet != "Big" {
		t.Errorf("title %q outlet %q", p.Title, p.Outlet)
	}
	if !hasWarning(p, "only the first") {
		t.Errorf("no truncation warning: %q", p.Warnings)
	}
	if len(p.Text) > MaxTextBytes {
		t.Errorf("text is %d bytes, cap %d", len(p.Text), MaxTextBytes)
	}
	if mem > 600<<20 {
		t.Errorf("allocated %d MB for a 50 MB body capped at %d MB", mem>>20, DefaultMaxBytes>>20)
	}
}

func TestHostileHugeAttribute(t *testing.T) {
	body := []byte(`<html><head><title>Attr</title><meta name="description" content="` + strings.Repeat("x", 6<<20) + `"></head><body><p data-x="` + strings.Repeat("&amp;", 200_000) + `">hi</p></body></html>`)
	p := mustExtract(t, body, "", "https://example.com/attr")
	if p.Title != "Attr" {
		t.Errorf("title %q", p.Title)
	}
}

func TestHostileJSONLD(t *testing.T) {
	giant := `{"@type":"NewsArticle","headline":"` + strings.Repeat("a", maxJSONLDBytes) + `"}`
	deep := strings.Repeat("[", 200_000) + strings.Repeat("]", 200_000)
	body := []byte(`<html><head><title>Real headline | Example</title>
<script type="application/ld+json">` + giant + `</script>
<script type="application/ld+json">` + deep[:min(len(deep), maxJSONLDBytes-1)] + `</script>
<script type="application/ld+json">{"@type":"NewsArticle","author":{"@id":"#a"},"publisher":{"@id":"#a"}}</script>
</head><body></body></html>`)
	p := mustExtract(t, body, "text/html", "https://example.com/j")
	if p.Title != "Real headline" {
		t.Errorf("title %q (the giant block must be skipped)", p.Title)
	}
	if !hasWarning(p, "bytes (cap") || !hasWarning(p, "JSON-LD block 2 is not valid JSON") {
		t.Errorf("warnings %q", p.Warnings)
	}
}

func TestHostileTooManyElements(t *testing.T) {
	body := []byte("<html><head><title>Many</title></head><body>" + strings.Repeat("<i>", maxNodes+10) + "</body></html>")
	p := mustExtract(t, body, "text/html", "https://example.com/m")
	if !hasWarning(p, "elements; the rest was ignored") {
		t.Errorf("warnings %q", p.Warnings)
	}
}

func TestBrokenEncodings(t *testing.T) {
	cases := []struct {
		name, ct string
		body     []byte
	}{
		{"invalid UTF-8 declared UTF-8", "text/html; charset=utf-8", []byte("<html><title>caf\xe9 \xff\xfe</title></html>")},
		{"random high bytes declared GBK", "text/html; charset=gbk", []byte("<html><title>\x81\x30\xff\xfe\x80\x80</title></html>")},
		{"odd-length UTF-16", "", append([]byte{0xFF, 0xFE}, []byte("<\x00h\x00t\x00m\x00l\x00>")[:9]...)},
		{"unknown charset label", "text/html; charset=x-klingon", []byte("<html><title>Plain</title></html>")},
		{"Shift_JIS truncated mid-character", "text/html; charset=shift_jis", []byte("<html><title>\x93\xfa\x96\x7b\x8c</title></html>")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := mustExtract(t, c.body, c.ct, "https://example.com/e")
			if !strings.Contains(p.Title+"x", "") || p.Charset == "" {
				t.Errorf("charset %q", p.Charset)
			}
		})
	}
}

func TestNotHTML(t *testing.T) {
	cases := []struct {
		name, ct string
		body     []byte
		want     string
	}{
		{"empty", "text/html", nil, "empty"},
		{"pdf", "", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "application/pdf"},
		{"png", "image/png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "image/png"},
		{"json", "application/json", []byte(`{"headline":"not a page"}`), "application/json"},
		{"binary", "", []byte{0, 1, 2, 3, 4, 5, 0, 0, 9}, "binary"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Extract(c.body, c.ct, "https://example.com/f", Options{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err %v, want one naming %q", err, c.want)
			}
		})
	}
	// A saved page with no type and no doctype is still a page.
	if _, err := Extract([]byte("<p>just a fragment</p>"), "", "", Options{}); err != nil {
		t.Errorf("fragment refused: %v", err)
	}
}

func hasWarning(p *Page, s string) bool {
	for _, w := range p.Warnings {
		if strings.Contains(w, s) {
			return true
		}
	}
	return false
}
