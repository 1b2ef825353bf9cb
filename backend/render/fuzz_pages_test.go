package render_test

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
)

// randomTokens are the pieces random parity pages are made of: Markdown syntax that interacts
// (emphasis, links, code, footnotes, tables, HTML, line starts) mixed with Chinese and English text.
var randomTokens = []string{
	"超级智能", "算力", "的", "。", "，", "：", "“", "”", "「", "」", "（", "）", "《", "》", "、", "！", "？",
	"AI", "Meta", " ", " ", " ", "2025", "GPT-4", "'", "\"", "--", "...", "&", "&amp;", "<", ">",
	"*", "**", "*", "**", "_", "__", "~~", "`", "``", "\\", "\\*", "[", "]", "(", ")", "](https://example.com/a_b)",
	"[链接](https://example.com/路径?q=1&r=2 \"标题\")", "![图](images/a.png)", "<span>", "</span>", "<!-- 注释 -->", "<br>",
	"www.example.com", "https://example.org/x", "[^1]", "[^2]", "[^x]", "{#id}", "{.cls}",
	"\n", "\n", "\n", "\n\n", "\n\n", "\n# ", "\n## ", "\n### ", "\n- ", "\n1. ", "\n> ", "\n    ", "\n- [ ] ", "\n: ",
	"\n| a | b |\n|:--|--:|\n| ", " | ", "\n```\n", "\n```go\n", "\n---\n", "\n***\n", "\n<div>\n", "\n</div>\n",
	"\n[^1]: 来源一 **加粗**", "\n[^2]: [来源二](https://example.com/2)·示例新闻（2025/6/20）·检索日期2025/6/27",
	"\t", "  \n", "\r\n",
	"\n  - ", "\n   1. ", "\n> - ", "\n>> ", "\n~~~\n", "$x$", "\\ ", "&nbsp;", "\u3000", "…", "——", "·", "😀",
	"\n\t", "[ref]", "\n[ref]: https://example.com/ref\n", "<https://a.example>", "a@b.example", "_斜体_", "***",
	"\n<details>\n", "\n</details>\n", "\n<!-- 块注释 -->\n", "\n| --- |\n",
}

// randomParityPages returns n deterministic random articles. COPYDESK_PARITY_PAGES and
// COPYDESK_PARITY_SEED change how many and which, for a longer hunt by hand.
func randomParityPages(n int) []parityFixture {
	seed := int64(20250627)
	if v, err := strconv.ParseInt(os.Getenv("COPYDESK_PARITY_SEED"), 10, 64); err == nil {
		seed = v
	}
	if v, err := strconv.Atoi(os.Getenv("COPYDESK_PARITY_PAGES")); err == nil && v >= 0 {
		n = v
	}
	rng := rand.New(rand.NewSource(seed))
	var pages []parityFixture
	for i := 0; i < n; i++ {
		var b strings.Builder
		b.WriteString("---\ntitle: 随机测试\ndate: 2025-06-27T20:10:05+08:00\ndraft: false\n---\n\n")
		for k := 0; k < 40+rng.Intn(80); k++ {
			b.WriteString(randomTokens[rng.Intn(len(randomTokens))])
		}
		if rng.Intn(10) == 0 {
			b.WriteString("\n\n<!--more-->\n\n后文。")
		}
		b.WriteString("\n")
		pages = append(pages, parityFixture{name: fmt.Sprintf("random-%03d", i), text: []byte(b.String())})
	}
	return pages
}
