package typography

import (
	"strings"
	"testing"

	"copydesk/backend/article"
)

func TestHalfwidthPunctuation(t *testing.T) {
	runRule(t, HalfwidthPunctuation, []ruleCase{
		{"comma and period", "他说,我们走.\n", "他说，我们走。\n"},
		{"colon", "注意:模型很大\n", "注意：模型很大\n"},
		{"question and exclamation", "真的吗?是的!\n", "真的吗？是的！\n"},
		{"interrobang run", "真的吗?!\n", "真的吗？！\n"},
		{"comma after a model name", "包括Llama 4,但不限于此\n", "包括Llama 4，但不限于此\n"},
		{"spaces around are taken", "中文 , 英文\n", "中文，英文\n"},
		{"semicolon", "一是成本;二是能耗\n", "一是成本；二是能耗\n"},
		{"after a closing bracket", "（注）,然后\n", "（注），然后\n"},
		{"through emphasis", "**重要**,请注意\n", "**重要**，请注意\n"},
		{"space before an emphasis marker stays", "*级! *好\n", "*级！ *好\n"},
		{"heading", "## 标题:副标题\n", "## 标题：副标题\n"},
		{"table cell", "| 名称 | 说明 |\n|---|---|\n| 模型 | 很大,很强 |\n", "| 名称 | 说明 |\n|---|---|\n| 模型 | 很大，很强 |\n"},
		{"link text", "[中文,好](https://example.com/a,b)\n", "[中文，好](https://example.com/a,b)\n"},
		{"after a code span", "运行`go build`,然后\n", "运行`go build`，然后\n"},
		{".NET stays", "使用了.NET框架\n", ""},
		{"file name stays", "配置文件config.yaml中\n", ""},
		{"numbers stay", "增长1.5倍，版本v1.2.3，时间12:30，比例3:1\n", ""},
		{"initials stay", "一位D.A. Davidson的分析师\n", ""},
		{"abbreviation before Chinese stays", "Meta Platforms, Inc.公布财报\n", ""},
		{"English sentence stays", "他写道：Hello, world. 然后离开\n", ""},
		{"brand with ! stays", "来自Yahoo!的文档\n", ""},
		{"code span stays", "`中文,好`\n", ""},
		{"fenced code stays", "```\n中文,好\n```\n", ""},
		{"indented code stays", "段落。\n\n    中文,好\n", ""},
		{"HTML block stays", "<div>\n中文,好\n</div>\n", ""},
		{"URL stays", "网址https://example.com/中文,好 见\n", ""},
		{"escaped stays", "中文\\,好\n", ""},
		{"dots are the ellipsis rule's", "等等...然后\n", ""},
		{"footnote list stays", "正文[^4], [^2]。\n\n[^4]: 甲,乙\n[^2]: 丙\n", ""},
		{"front matter title", "---\ntitle: 标题,副标题\ndate: 2025-06-27T20:10:05+08:00\n---\n正文\n", "---\ntitle: 标题，副标题\ndate: 2025-06-27T20:10:05+08:00\n---\n正文\n"},
		{"tagged value stays", "---\ntitle: !!str 标题,副标题\n---\n", ""},
		{"front matter key and other values stay", "---\n标题,a: 中文,好\ntags: [中文,好]\n---\n", ""},
	})
}

func TestCJKLatinSpace(t *testing.T) {
	cases := []struct{ name, in, none, always string }{
		{"year", "在 2025 年投入", "在2025年投入", ""},
		{"year unspaced", "在2025年投入", "", "在 2025 年投入"},
		{"company", "Meta 首席执行官", "Meta首席执行官", ""},
		{"reference style", "（如Llama 4）", "", "（如 Llama 4）"},
		{"model number", "iPhone15发布", "", "iPhone15 发布"},
		{"chapter", "第 3 章", "第3章", ""},
		{"two spaces", "中文  English", "中文English", ""},
		{"percent", "有50% 的用户", "有50%的用户", "有 50% 的用户"},
		{"brand with !", "来自Yahoo! 的文档", "来自Yahoo!的文档", "来自 Yahoo! 的文档"},
		{"latin only", "Hello World 2025", "", ""},
		{"next to emphasis stays", "使用 **GPT** 模型", "", ""},
		{"next to code stays", "运行 `go build` 命令", "", ""},
		{"next to a link stays", "访问 [OpenAI](https://openai.com) 官网", "", ""},
		{"URL stays", "访问 https://example.com 获取", "", ""},
		{"e-mail stays", "写信给a@example.com询问", "", ""},
		{"spaced e-mail stays", "写信给 a@example.com 询问", "", ""},
		{"between Han only", "甲 乙", "", ""},
		{"accented Latin", "在Café里", "", "在 Café 里"},
		{"full-width letters are another rule's", "型号Ａ１", "", ""},
	}
	for _, tc := range cases {
		for _, sp := range []Spacing{SpacingNone, SpacingAlways, SpacingIgnore} {
			t.Run(tc.name+"/"+string(sp), func(t *testing.T) {
				want := map[Spacing]string{SpacingNone: tc.none, SpacingAlways: tc.always}[sp]
				if want == "" {
					want = tc.in
				}
				s := only(CJKLatinSpace, sp)
				if got := fix(t, tc.in+"\n", s); got != want+"\n" {
					t.Errorf("%q: got %q, want %q", tc.in, got, want+"\n")
				}
				for _, f := range findings(t, tc.in+"\n", s) {
					if f.Code != CJKLatinSpace || (f.Variant != "insert" && f.Variant != "remove") {
						t.Errorf("finding %+v", f)
					}
				}
			})
		}
	}
}

func TestQuotes(t *testing.T) {
	runRule(t, Quotes, []ruleCase{
		{"double", "他说\"你好\"。\n", "他说“你好”。\n"},
		{"single", "所谓'重要'的事\n", "所谓‘重要’的事\n"},
		{"two pairs", "他说\"你好\"又说\"再见\"\n", "他说“你好”又说“再见”\n"},
		{"Chinese and Latin pairs", "他说\"你好\"，又说\"world\"\n", "他说“你好”，又说\"world\"\n"},
		{"quoted mixed text", "称之为\"AI工程师\"\n", "称之为“AI工程师”\n"},
		{"apostrophe is not a quote", "Meta's '超级智能'计划\n", "Meta's ‘超级智能’计划\n"},
		{"Latin only stays", "一个\"beast\"模型\n", ""},
		{"odd count stays", "12\" 显示器\"很大\"\n", ""},
		{"glued to a letter stays", "a\"中文\"b\n", ""},
		{"code span stays", "`\"中文\"`\n", ""},
		{"escaped stays", "他说\\\"你好\\\"\n", ""},
		{"title in single-quoted YAML", "---\ntitle: '他说\"你好\"'\n---\n", "---\ntitle: '他说“你好”'\n---\n"},
		{"title in double-quoted YAML stays", "---\ntitle: \"他说\\\"你好\\\"\"\n---\n", ""},
		{"across lines of a paragraph", "他说\"你\n好\"\n", "他说“你\n好”\n"},
	})
}

func TestEllipsis(t *testing.T) {
	runRule(t, Ellipsis, []ruleCase{
		{"three dots", "等等...然后\n", "等等……然后\n"},
		{"six dots", "等等......然后\n", "等等……然后\n"},
		{"three 。", "等等。。。然后\n", "等等……然后\n"},
		{"lone …", "还有…\n", "还有……\n"},
		{"after a quote, before Chinese", "“好的”...他说\n", "“好的”……他说\n"},
		{"after a curly quote alone stays", "“OK”...\n", ""},
		{"already right", "还有……\n", ""},
		{"English stays", "wait... and see\n", ""},
		{"English … stays", "wait…\n", ""},
		{"version stays", "版本 1.2...\n", ""},
		{"code stays", "`等等...`\n", ""},
		{"two dots stay", "等等..然后\n", ""},
	})
}

func TestRepeatedPunctuation(t *testing.T) {
	runRule(t, RepeatedPunctuation, []ruleCase{
		{"exclamations", "真的！！！\n", "真的！\n"},
		{"questions", "什么？？\n", "什么？\n"},
		{"commas", "好，，然后\n", "好，然后\n"},
		{"enumeration commas", "甲、、乙\n", "甲、乙\n"},
		{"mixed stays", "什么？！\n", ""},
		{"two 。 stay", "好。。\n", ""},
		{"code stays", "`！！`\n", ""},
		{"summary", "---\nsummary: 太好了！！\n---\n", "---\nsummary: 太好了！\n---\n"},
	})
}

func TestBracketWidth(t *testing.T) {
	runRule(t, BracketWidth, []ruleCase{
		{"model", "模型(如Llama 4)很强\n", "模型（如Llama 4）很强\n"},
		{"nested", "见(注(1))说明\n", "见（注(1)）说明\n"},
		{"Latin only stays", "人工智能(AI)\n", ""},
		{"function stays", "函数f(x)\n", ""},
		{"unclosed stays", "一个(未闭合\n", ""},
		{"unbalanced stays", "笑:)然后(哭\n", ""},
		{"link destination stays", "[链接](https://a.com/(中文))\n", ""},
		{"featured image path stays", "---\nfeatured_image: images/default (13).png\ntitle: 标题(草稿)\n---\n", "---\nfeatured_image: images/default (13).png\ntitle: 标题（草稿）\n---\n"},
	})
}

func TestFullwidthAlnum(t *testing.T) {
	runRule(t, FullwidthAlnum, []ruleCase{
		{"model number", "型号Ａ１００\n", "型号A100\n"},
		{"lower case", "ｉＰｈｏｎｅ手机\n", "iPhone手机\n"},
		{"full-width hyphen stays", "ＧＰＴ－４\n", "GPT－4\n"},
		{"time", "时间１２:３０\n", "时间12:30\n"},
		{"e-mail stays", "联系１@example.com\n", ""},
		{"web address stays", "见ｗｗｗ.example.com\n", ""},
		{"list marker stays", "１. 第一\n", ""},
		{"code stays", "`Ａ１`\n", ""},
	})
}

func TestSpaceAroundFullwidth(t *testing.T) {
	runRule(t, SpaceAroundFullwidth, []ruleCase{
		{"after comma", "中文， 英文\n", "中文，英文\n"},
		{"before bracket", "模型 （如Llama 4）\n", "模型（如Llama 4）\n"},
		{"before a quote", "他说 “你好”\n", "他说“你好”\n"},
		{"after period before Latin", "结束。 Next\n", "结束。Next\n"},
		{"around enumeration comma", "例如 Firefox 、 Dropbox\n", "例如 Firefox、Dropbox\n"},
		{"English quote stays", "一个“猛兽”（a “beast”）\n", ""},
		{"dash stays", "“你好” ——他说\n", ""},
		{"middle dot stays", "马克 · 扎克伯格\n", ""},
		{"line end stays", "中文，  \n下一行\n", ""},
		{"next to code stays", "测试， `code` 测试\n", ""},
	})
}

func TestUnpairedQuote(t *testing.T) {
	cases := []struct {
		name, in string
		want     int
	}{
		{"open", "他说“你好\n", 1},
		{"paired", "他说“你好”\n", 0},
		{"reversed", "他说”你好“\n", 2},
		{"straight odd", "他说\"你好\n", 1},
		{"straight odd in English", "a 12\" screen\n", 0},
		{"apostrophe", "Meta’s plan\n", 0},
		{"one paragraph over lines", "“第一行\n第二行”\n", 0},
		{"two paragraphs", "“第一段\n\n第二段”\n", 2},
		{"code", "`“`\n", 0},
		{"title", "---\ntitle: 他说“你好\n---\n", 1},
	}
	for _, tc := range cases {
		for _, sp := range []Spacing{SpacingNone, SpacingAlways} {
			fs := findings(t, tc.in, only(UnpairedQuote, sp))
			if len(fs) != tc.want {
				t.Errorf("%s/%s: %d findings, want %d: %+v", tc.name, sp, len(fs), tc.want, fs)
			}
			for _, f := range fs {
				if f.Edits != nil || f.Code != UnpairedQuote {
					t.Errorf("%s: %+v", tc.name, f)
				}
			}
		}
		if got := fix(t, tc.in, only(UnpairedQuote, SpacingNone)); got != tc.in {
			t.Errorf("%s: an unpaired quote has no fix, but the text changed: %q", tc.name, got)
		}
	}
}

func TestRulesSwitchOff(t *testing.T) {
	in := "他说,\"你好\"...真的！！(如Ａ) 中文 English\n"
	s := DefaultSettings()
	s.Spacing = SpacingIgnore
	s.Off = map[string]bool{}
	for _, c := range Codes {
		s.Off[RuleName(c)] = true
	}
	if fs := findings(t, in, s); len(fs) != 0 {
		t.Errorf("all rules off: %+v", fs)
	}
	s.FrontMatter = nil
	s.Off = nil
	if got := fix(t, "---\ntitle: 标题,好\n---\n", s); got != "---\ntitle: 标题,好\n---\n" {
		t.Errorf("no front matter keys: %q", got)
	}
}

func TestAllRulesTogether(t *testing.T) {
	in := "据报道 , Meta 在 2025 年投入\"超过 600 亿美元\"...真的！！(如 Llama 4) 。\n"
	none := "据报道，Meta在2025年投入“超过600亿美元”……真的！（如Llama 4）。\n"
	always := "据报道，Meta 在 2025 年投入“超过 600 亿美元”……真的！（如 Llama 4）。\n"
	if got := fix(t, in, withSpacing(SpacingNone)); got != none {
		t.Errorf("none:\n got %q\nwant %q", got, none)
	}
	if got := fix(t, in, withSpacing(SpacingAlways)); got != always {
		t.Errorf("always:\n got %q\nwant %q", got, always)
	}
}

func TestFrontMatterFixIsProven(t *testing.T) {
	doc, err := article.Parse([]byte("---\ntitle: 标题\nsummary: 摘要\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := DefaultSettings()
	at := strings.Index(string(doc.Text), "标题")
	if !keepsFrontMatter(doc, s, []Edit{{From: at, To: at + len("标题"), Insert: "标题，好"}}) {
		t.Error("a harmless edit was refused")
	}
	// An edit that makes the title a mapping, or breaks the YAML, is refused.
	for _, insert := range []string{"a: b", "[x", "{", "标题\nsummary: 又一个"} {
		if keepsFrontMatter(doc, s, []Edit{{From: at, To: at + len("标题"), Insert: insert}}) {
			t.Errorf("edit to %q was accepted", insert)
		}
	}
}

// TestHostileInputIsLinear: deeply nested brackets, long runs of marks and
// spaces are checked in one pass each (a 256 KB file of them must not hang).
func TestHostileInputIsLinear(t *testing.T) {
	n := 60000
	for name, text := range map[string]string{
		"nested brackets": strings.Repeat("(", n) + "中" + strings.Repeat(")", n),
		"quotes":          strings.Repeat("\"中\"", n/3),
		"spaces":          "中" + strings.Repeat(" ", n) + "a",
		"marks":           "中" + strings.Repeat("！", n/3) + strings.Repeat(",", n),
		"latin run":       strings.Repeat("a中", n/4) + strings.Repeat("<a", n/4),
	} {
		for _, sp := range []Spacing{SpacingNone, SpacingAlways} {
			fs := findings(t, text+"\n", withSpacing(sp))
			if name == "nested brackets" && len(fs) != n {
				t.Errorf("%s: %d findings, want %d", name, len(fs), n)
			}
			if len(Choose(fs)) == 0 && len(fs) > 0 {
				t.Errorf("%s: nothing chosen", name)
			}
		}
	}
}

func TestEditSet(t *testing.T) {
	set := NewEditSet(20)
	for _, tc := range []struct {
		e    Edit
		fits bool
	}{
		{Edit{From: 5, To: 8}, true},
		{Edit{From: 7, To: 9}, false},  // overlaps 5..8
		{Edit{From: 8, To: 10}, true},  // touches 5..8: replacements may
		{Edit{From: 8, To: 8}, false},  // an insertion at a replacement's edge
		{Edit{From: 12, To: 12}, true}, // an insertion alone
		{Edit{From: 12, To: 12}, false},
		{Edit{From: 10, To: 12}, false}, // a replacement ending at an insertion
		{Edit{From: 13, To: 14}, true},
		{Edit{From: 3, To: 30}, false}, // beyond the text
	} {
		if got := set.Fits(tc.e); got != tc.fits {
			t.Errorf("Fits(%+v) = %v", tc.e, got)
		}
		if tc.fits {
			set.Add(tc.e)
		}
	}
}

func TestHugoShortcodesAreNotProse(t *testing.T) {
	in := "见下图,说明{{< figure src=\"a (1).png\" caption=\"图一,\"中文\"说明\" >}}之后,继续\n\n" +
		"{{% note title=\"注意,这里\" %}}\n内容,好\n{{% /note %}}\n\n{{</* 示例,不展开 */>}}\n"
	want := "见下图，说明{{< figure src=\"a (1).png\" caption=\"图一,\"中文\"说明\" >}}之后，继续\n\n" +
		"{{% note title=\"注意,这里\" %}}\n内容，好\n{{% /note %}}\n\n{{</* 示例,不展开 */>}}\n"
	for _, sp := range []Spacing{SpacingNone, SpacingAlways} {
		if got := fix(t, in, withSpacing(sp)); got != want {
			t.Errorf("%s:\n got %q\nwant %q", sp, got, want)
		}
	}
}
