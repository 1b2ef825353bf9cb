package citations

import (
	"strings"
	"testing"
)

// Comparing a page with its capture runs once per captured source in every
// link check, after a network fetch that takes far longer: two 64 KiB texts
// (the extractor's cap) should take a few milliseconds (3.8 ms measured on
// a shared 2-core machine).
func BenchmarkCompare64KiB(b *testing.B) {
	para := "今年上半年，国产算力芯片出货量同比增长一倍以上，数据中心仍是最大的买家。Cloud providers will have to verify customers. "
	old := strings.Repeat(para, (64<<10)/len(para))
	now := strings.Replace(old, "五", "六", 3) + "更新：补充了一段说明。"
	b.SetBytes(int64(len(old) + len(now)))
	b.ReportAllocs()
	for b.Loop() {
		Compare("标题", old, "标题", now)
	}
}

// Listing the citations of an article on every pause in typing.
func BenchmarkListSampleArticle(b *testing.B) {
	s, _ := newTestService(b)
	text := sampleText("https://a.example/1", "https://b.example/2", "https://c.example/3")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.List(text); err != nil {
			b.Fatal(err)
		}
	}
}
