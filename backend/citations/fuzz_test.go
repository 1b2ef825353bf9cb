package citations

import (
	"testing"
	"unicode/utf8"
)

// Compare never panics, its similarity is a share (or -1 without text), it
// does not depend on which text is the old one, and a text compared with
// itself is unchanged.
func FuzzCompare(f *testing.F) {
	f.Add("标题", "今年上半年，国产算力芯片出货量同比增长一倍以上。", "新标题", "央行宣布下调存款准备金率。")
	f.Add("", "", "", "")
	f.Add("A", "abcd", "a", "ABCDE")
	f.Add("t", "\xff\xfe invalid \x00 bytes", "t", "😀😀😀😀😀😀")
	f.Fuzz(func(t *testing.T, oldTitle, oldText, newTitle, newText string) {
		c := Compare(oldTitle, oldText, newTitle, newText)
		if c.Similarity != -1 && (c.Similarity < 0 || c.Similarity > 1) {
			t.Fatalf("similarity %v", c.Similarity)
		}
		if back := Compare(newTitle, newText, oldTitle, oldText); back.Similarity != c.Similarity || back.Headline != c.Headline {
			t.Fatalf("not symmetric: %+v vs %+v", c, back)
		}
		if same := Compare(oldTitle, oldText, oldTitle, oldText); same.Changed() {
			t.Fatalf("a text differs from itself: %+v", same)
		}
		if utf8.ValidString(oldText) && len(shingles(oldText)) > len(oldText) {
			t.Fatalf("more shingles than bytes")
		}
	})
}
