package render

import (
	"fmt"
	"strings"
	"testing"
)

// syntheticArticle builds a house-style body of about size bytes: lead quote, ### sections with
// footnote citations, bold, a table now and then, and the citation list.
func syntheticArticle(size int) []byte {
	var b strings.Builder
	b.WriteString("> Meta首席执行官马克·扎克伯格正大幅提升公司在AI领域的投入，预计年支出将超600亿美元，以期在激烈的“超智能”竞争中抢占先机。\n\n")
	n := 0
	for section := 1; b.Len() < size-1200; section++ {
		fmt.Fprintf(&b, "### 第%d部分：一场“超智能”豪赌\n\n", section)
		for p := 0; p < 3 && b.Len() < size-1200; p++ {
			n++
			fmt.Fprintf(&b, "根据最新的报道，Meta计划在2025年投入超过600亿美元用于**人工智能**领域，其年度资本支出范围更是被上调至640亿至720亿美元之间[^%d]。"+
				"这不仅仅是简单的研发投入，更是一场旨在彻底改变公司核心业务、重塑整个AI产业格局的宏大赌注，正如 *The New York Times* 所说的“beast”[^%d]。\n\n", n%5+1, (n+2)%5+1)
		}
		if section%4 == 0 {
			b.WriteString("| 公司 | 2024 | 2025 |\n|:--|--:|--:|\n| Meta | 390 | 640 |\n| 微软 | 550 | 800 |\n\n")
		}
	}
	b.WriteString("## 引文部分\n\n")
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(&b, "[^%d]: [Mark Zuckerberg Ramps Up Meta's A.I. Spending as Competition Heats Up](https://www.nytimes.com/2025/06/27/technology/mark-zuckerberg-meta-ai-%d.html)·The New York Times·Mike Isaac, Cade Metz（2025/6/27）·检索日期2025/6/27\n", i, i)
	}
	return []byte(b.String())
}

func benchmarkRender(b *testing.B, size int) {
	body := syntheticArticle(size)
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
	body := syntheticArticle(7 << 10)
	r := New(Default())
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := r.Preview(body); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFindCJKEmphasis7KB(b *testing.B) {
	body := syntheticArticle(7 << 10)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		FindCJKEmphasis(body, Default())
	}
}

func BenchmarkFindCJKEmphasis200KBWithIssues(b *testing.B) {
	body := []byte(strings.Repeat("扎克伯格的**“AI工程师”**计划，", 50) + "\n\n" + string(syntheticArticle(200<<10)))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if len(FindCJKEmphasis(body, Default())) != 50 {
			b.Fatal("expected 50 issues")
		}
	}
}

func TestSyntheticArticleSizes(t *testing.T) {
	for _, size := range []int{7 << 10, 200 << 10} {
		n := len(syntheticArticle(size))
		if n < size*9/10 || n > size*11/10 {
			t.Errorf("synthetic article of %d bytes asked, got %d", size, n)
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
