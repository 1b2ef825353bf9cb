package typography

import (
	"os"
	"testing"

	"copydesk/backend/article"
	"copydesk/backend/refarticle"
)

// proseMask marks the bytes of text that are prose (units of the blocks).
func proseMask(t *testing.T, text []byte, s Settings) ([]bool, *article.Doc) {
	doc, err := article.Parse(text)
	if err != nil {
		return nil, nil
	}
	mask := make([]bool, len(text))
	for _, bl := range blocks(doc, s, nil) {
		for _, u := range bl {
			for i := u.off; u.off >= 0 && i < u.off+u.size; i++ {
				mask[i] = true
			}
		}
	}
	return mask, doc
}

// outsideProse is text with the prose removed: what a fix must never change.
func outsideProse(mask []bool, text []byte) string {
	out := make([]byte, 0, len(text))
	for i, b := range text {
		if !mask[i] {
			out = append(out, b)
		} else if i == 0 || !mask[i-1] {
			out = append(out, 0) // where a prose run was: runs may shrink, never vanish or merge
		}
	}
	return string(out)
}

var fuzzSeeds = []string{
	"他说,\"你好\"...真的！！(如Ａ１) 中文 English 2025 年\n",
	"---\ntitle: 标题,好 \"是\"\nsummary: '它''s 中文,好'\ndate: 2025-06-27T20:10:05+08:00\n---\n正文\n",
	"`code, 中文` 中文,`x` [中文 (注)](http://a.b/c,d) **中文** ,好 <span>中文,好</span>\n",
	"| 名称 | 说明 |\n|---|---|\n| 模型 (注) | 很大 ,很强 |\n\n> 引用 \"中文\"\n\n- 列表 , 项\n",
	"中文[^4], [^2]。\n\n## 引文部分\n\n[^4]: [标题,好](https://a.com)·媒体（2025/6/21）·检索日期2025/6/27\n[^2]: b\n",
	"```\n中文,好\n```\n\n    缩进,代码\n\n<div>\n中文,好\n</div>\n",
	"**“超级智能”**的 *强调 , 中文* ~~删除 , 线~~ \\*转义,号 &amp;实体,号\n",
	"访问https://example.com/中文,好 或 www.example.com/a,b 中文 ,好\n",
	"前文<!--more-->后文 , 中文\n",
	"中文，  \n硬换行 ,好\n",
	"见下图,说明{{< figure src=\"a (1).png\" caption=\"图一,\"中文\"\" >}}之后,继续\n\n{{% note %}}\n内容,好\n{{% /note %}}\n",
}

// FuzzFix: a fix never changes a byte outside prose (code, URLs, HTML,
// markup, front matter keys, footnote labels and citations keep every byte),
// never changes the Markdown structure around the prose, and fixing is
// idempotent: fixing the fixed text changes nothing.
func FuzzFix(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, always bool) {
		s := withSpacing(SpacingNone)
		if always {
			s.Spacing = SpacingAlways
		}
		mask, doc := proseMask(t, []byte(text), s)
		if doc == nil {
			return // not an article at all (binary, invalid UTF-8): refused, not fixed
		}
		for _, fd := range Check(doc, s, nil) {
			for _, e := range fd.Edits {
				if !editInProse(mask, e) {
					t.Fatalf("%s edit %+v reaches outside prose in %q", fd.Code, e, text)
				}
			}
		}
		fixed, err := Fix([]byte(text), s, nil)
		if err != nil {
			t.Fatal(err)
		}
		fixedMask, _ := proseMask(t, fixed, s)
		if fixedMask == nil {
			t.Fatalf("fixed text is no longer an article: %q", fixed)
		}
		if a, b := outsideProse(mask, []byte(text)), outsideProse(fixedMask, fixed); a != b {
			t.Fatalf("bytes outside prose changed:\n in: %q\nout: %q\n%q\n%q", text, fixed, a, b)
		}
		again, err := Fix(fixed, s, nil)
		if err != nil || string(again) != string(fixed) {
			t.Fatalf("not idempotent:\n in: %q\n1st: %q\n2nd: %q", text, fixed, again)
		}
	})
}

// editInProse: a replaced byte is prose; an insertion sits between two prose bytes.
func editInProse(mask []bool, e Edit) bool {
	if e.From < 0 || e.To > len(mask) || e.From > e.To {
		return false
	}
	if e.From == e.To {
		return e.From > 0 && e.From < len(mask) && mask[e.From-1] && mask[e.From]
	}
	for i := e.From; i < e.To; i++ {
		if !mask[i] {
			return false
		}
	}
	return true
}

// TestReferenceArticleIsClean: the reference article defines the house
// style, so the built-in settings find nothing in it.
func TestReferenceArticleIsClean(t *testing.T) {
	path, err := refarticle.Path()
	if err != nil {
		t.Skip("reference article not available:", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if fs := findings(t, string(data), DefaultSettings()); len(fs) != 0 {
		t.Errorf("%d findings in the reference article: %+v", len(fs), fs)
	}
	if got := fix(t, string(data), DefaultSettings()); got != string(data) {
		t.Error("fixing the reference article changed it")
	}
	// In the always style the same article needs spaces, and only spaces.
	always := fix(t, string(data), withSpacing(SpacingAlways))
	fs := findings(t, string(data), withSpacing(SpacingAlways))
	if len(fs) == 0 || always == string(data) {
		t.Fatal("always style found nothing in an article without Han-Latin spaces")
	}
	for _, f := range fs {
		if f.Code != CJKLatinSpace {
			t.Errorf("always style: unexpected %s %q", f.Code, f.Text)
		}
	}
}
