package pagemeta

import "testing"

func TestCollapse(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"plain":              "plain",
		"  lead and trail  ": "lead and trail",
		"a\n\tb   c":         "a b c",
		"中文\u3000全角\u00a0空格": "中文 全角 空格",
		"one two":            "one two",
		"x\u200by":           "x y",
		"\n\n":               "",
		"trailing ":          "trailing",
	} {
		if got := collapse(in); got != want {
			t.Errorf("collapse(%q) = %q, want %q", in, got, want)
		}
	}
}
