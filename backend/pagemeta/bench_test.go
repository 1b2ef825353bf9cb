package pagemeta

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// page1MB is the NYT-style fixture grown to 1 MiB the way real pages are
// big: inline scripts, navigation, and many paragraphs.
func page1MB(b *testing.B) []byte {
	src, err := os.ReadFile(filepath.Join("testdata", "nyt_jsonld.html"))
	if err != nil {
		b.Fatal(err)
	}
	i := bytes.Index(src, []byte("</article>"))
	var filler bytes.Buffer
	for n := 0; filler.Len() < 1<<20-len(src); n++ {
		if n%10 == 0 {
			fmt.Fprintf(&filler, `<script>window.__data_%d = {"items":[%d,%d,%d],"html":"<div class=\"x\">%d</div>"};</script>`, n, n, n+1, n+2, n)
		}
		fmt.Fprintf(&filler, `<div class="css-53u6y8 StoryBodyCompanionColumn"><p class="css-at9mc1 evys1bk0" data-n="%d">Paragraph %d of the story goes on about the Senate, the House, the budget &amp; the deadline, with a <a href="https://www.nytimes.com/topic/%d">link</a> and <em>emphasis</em>.</p></div>`, n, n, n)
	}
	out := append([]byte{}, src[:i]...)
	out = append(out, filler.Bytes()...)
	return append(out, src[i:]...)
}

func BenchmarkExtract1MB(b *testing.B) {
	page := page1MB(b)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := Extract(page, "text/html; charset=utf-8", "https://www.nytimes.com/2025/06/27/us/politics/senate-stopgap-shutdown.html", Options{})
		if err != nil || p.Title == "" {
			b.Fatalf("%v %q", err, p.Title)
		}
	}
}
