package check

import (
	"testing"
	"unicode/utf8"

	"copydesk/backend/cjkemphasis"
	"copydesk/backend/render"
)

func TestMarkerTouchesPunctuation(t *testing.T) {
	for body, want := range map[string]bool{
		"没有星号": false,
		"国产芯片的**软件生态**仍是短板": false,
		"是**公平**吗":          false,
		"时代，**算力即国力**的":     true,
		"的**“超级智能”**展开":     true,
		"**注意：**正文":         true,
		"列表\n* 一项\n":        false,
		"结尾*":               false,
		"*":                 false,
		"a*(b)*":            true,
	} {
		if got := markerTouchesPunctuation([]byte(body)); got != want {
			t.Errorf("%q: %v", body, got)
		}
	}
}

func TestMayPairAcrossPunctuation(t *testing.T) {
	for body, want := range map[string]bool{
		"时代，**算力即国力**的。\n":                false, // pairs cleanly: no need to parse
		"是**公平、透明和可控**？\n":                false,
		"的**“超级智能”**展开\n":                 true,
		"**注意：**正文\n":                     true,
		"甲**乙\n丙**丁\n":                    true, // a pair across lines: leave it to the detector
		"`**“代码”**` 之外\n":                 true,
		"见 [链接**“文字”**](https://e.com)\n": true,
		"引用[^1]，**重点**在此。\n":              false,
		"* 列表项 **重点**\n":                  false,
	} {
		if got := mayPairAcrossPunctuation([]byte(body)); got != want {
			t.Errorf("%q: %v", body, got)
		}
	}
}

// FuzzEmphasisPrecheck: whenever the pre-check says the detector has nothing
// to find, the detector indeed finds nothing.
func FuzzEmphasisPrecheck(f *testing.F) {
	for _, s := range []string{
		"时代，**算力即国力**的。\n", "的**“超级智能”**展开\n", "**注意：**正文\n", "甲**乙\n\n丙**丁\n",
		"> 引文，**重点**。\n- 项目，*强调*。\n", "**「刻舟求剑」**的\n", "是**公平、透明和可控**？\n",
		"* **甲**，**乙**\n", "***“三”***\n", "一**二**三**四**\n", "# 标题**（注）**\n",
	} {
		f.Add([]byte(s))
	}
	cfg := render.Default()
	f.Fuzz(func(t *testing.T, body []byte) {
		if !utf8.Valid(body) || len(body) > 4096 {
			return
		}
		if !mayPairAcrossPunctuation(body) {
			if issues := cjkemphasis.Find(body, cfg); len(issues) != 0 {
				t.Fatalf("pre-check skipped %q but the detector found %+v", body, issues)
			}
		}
	})
}
