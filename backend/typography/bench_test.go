package typography

import (
	"os"
	"strings"
	"testing"

	"copydesk/backend/article"
	"copydesk/backend/refarticle"
)

// article7KB is the reference article (about 7 KB of house-style prose,
// footnotes and citations); without it, a generated article of the same
// size and shape.
func article7KB(b *testing.B) []byte {
	if path, err := refarticle.Path(); err == nil {
		if data, err := os.ReadFile(path); err == nil {
			return data
		}
	}
	var sb strings.Builder
	sb.WriteString("---\ntitle: Meta的AI“豪赌”\nsummary: 预计年支出将超600亿美元。\n---\n\n")
	for sb.Len() < 6500 {
		sb.WriteString("Meta计划在2025年投入超过600亿美元用于人工智能领域（如Llama 4），**算力即国力**的判断[^1], [^2]。\n\n")
	}
	sb.WriteString("## 引文部分\n\n[^1]: [Title](https://example.com/a)·Outlet（2025/6/21）·检索日期2025/6/27\n[^2]: [Title](https://example.com/b)·Outlet（2025/6/21）·检索日期2025/6/27\n")
	return []byte(sb.String())
}

// BenchmarkCheck7KB: the typography check of one article, parse of the
// article included (target: well under 1 ms).
func BenchmarkCheck7KB(b *testing.B) {
	text := article7KB(b)
	s := DefaultSettings()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpuStart := cpuTime()
	for b.Loop() {
		doc, err := article.Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		Check(doc, s, nil)
	}
	// CPU time per article: on a busy machine the wall time per op also
	// counts time spent waiting for a core.
	b.ReportMetric(float64((cpuTime()-cpuStart).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/article")
}

// BenchmarkCheck7KBAlways: the same in the always style, where the reference
// article has a finding at every Han-Latin boundary (the busiest case).
func BenchmarkCheck7KBAlways(b *testing.B) {
	text := article7KB(b)
	s := withSpacing(SpacingAlways)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpuStart := cpuTime()
	for b.Loop() {
		doc, _ := article.Parse(text)
		Check(doc, s, nil)
	}
	b.ReportMetric(float64((cpuTime()-cpuStart).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/article")
}
