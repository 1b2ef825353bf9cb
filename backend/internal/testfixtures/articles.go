// Package testfixtures holds what several packages' tests and benchmarks share: generated article
// texts (a house-style article of a given size, every shape of emphasis next to CJK punctuation;
// generated so a case is easy to add on every axis at once) and the Hugo site configurations of the
// parity test. Only tests import it.
package testfixtures

import (
	"fmt"
	"strings"
)

// Synthetic builds a house-style body of about size bytes: lead quote, ### sections with
// footnote citations, bold, a table now and then, and the citation list.
func Synthetic(size int) []byte {
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

// EmphasisCases generates paragraphs around one emphasis span: every combination of what sits
// outside and just inside the markers.
func EmphasisCases() []string {
	outerLeft := []string{"", "的", " ", "，", "a", "（", "“"}
	innerLeft := []string{"", "“", "「", "（", "《", "\"", "'", "【"}
	content := []string{"超级智能", "AI工程师", "GPT-4"}
	innerRight := []string{"", "”", "」", "）", "：", "。", "\"", "》", "！"}
	outerRight := []string{"", "展开", "。", " ", "x", "）", "的"}
	var out []string
	for _, marker := range []string{"**", "*"} {
		for _, ol := range outerLeft {
			for _, il := range innerLeft {
				for ci, c := range content {
					for _, ir := range innerRight {
						for oi, or := range outerRight {
							if (ci+oi)%2 == 1 && c != "超级智能" {
								continue // keep the set varied but not cubic in every axis
							}
							out = append(out, "前文"+ol+marker+il+c+ir+marker+or+"后文")
						}
					}
				}
			}
		}
	}
	return out
}

// TwoSpanCases joins generated cases two by two in one paragraph, where a broken span can steal
// its neighbour's marker.
func TwoSpanCases() []string {
	cases := EmphasisCases()
	var out []string
	for i := 0; i+1 < len(cases); i += 7 {
		out = append(out, cases[i]+cases[(i*13+5)%len(cases)])
	}
	return out
}
