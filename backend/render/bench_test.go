package render

import (
	"strings"
	"testing"

	"copydesk/backend/internal/testfixtures"
)

func benchmarkRender(b *testing.B, size int) {
	body := testfixtures.Synthetic(size)
	r := New(Default())
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.Render(body); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender7KB(b *testing.B)   { benchmarkRender(b, 7<<10) }
func BenchmarkRender200KB(b *testing.B) { benchmarkRender(b, 200<<10) }

func BenchmarkPreview7KB(b *testing.B) {
	body := testfixtures.Synthetic(7 << 10)
	r := New(Default())
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := r.Preview(body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPreviewManyParagraphs guards the pairing of blocks with HTML
// elements: a search per block made 20,000 paragraphs cost 190 ms and a
// 10 MB file of short paragraphs minutes.
func BenchmarkPreviewManyParagraphs(b *testing.B) {
	body := []byte(strings.Repeat("段落。\n\n", 20000))
	r := New(Default())
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := r.Preview(body); err != nil {
			b.Fatal(err)
		}
	}
}
