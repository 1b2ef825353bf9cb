package cjkemphasis_test

import (
	"strings"
	"testing"

	"copydesk/backend/cjkemphasis"
	"copydesk/backend/internal/testfixtures"
	"copydesk/backend/render"
)

func BenchmarkFindCJKEmphasis7KB(b *testing.B) {
	body := testfixtures.Synthetic(7 << 10)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		cjkemphasis.Find(body, render.Default())
	}
}

func BenchmarkFindCJKEmphasis200KBWithIssues(b *testing.B) {
	body := []byte(strings.Repeat("扎克伯格的**“AI工程师”**计划，", 50) + "\n\n" + string(testfixtures.Synthetic(200<<10)))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if len(cjkemphasis.Find(body, render.Default())) != 50 {
			b.Fatal("expected 50 issues")
		}
	}
}
