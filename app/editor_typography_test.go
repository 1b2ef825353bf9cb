package app

import (
	"strings"
	"testing"
)

func TestFixTypography(t *testing.T) {
	s := newTestEditor(t, "")
	text := "---\ntitle: 标题,好\ndate: 2025-06-27T20:10:05\n---\n\n正文,在 2025 年...`a, b`“未闭合\n"
	got, err := s.FixTypography(text)
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: 标题，好\ndate: 2025-06-27T20:10:05\n---\n\n正文，在2025年……`a, b`“未闭合\n"
	if got.Text != want || got.Fixed != 5 || got.Remaining != 1 {
		t.Errorf("got %+v\nwant text %q, 5 fixed, 1 remaining", got, want)
	}
	// Only typography: the date without its offset is another code's fix.
	if !strings.Contains(got.Text, "T20:10:05\n") {
		t.Error("a non-typography fix was applied")
	}
	again, _ := s.FixTypography(got.Text)
	if again.Text != got.Text || again.Fixed != 0 {
		t.Errorf("second run: %+v", again)
	}
	// The problems the editor shows after the fix have no typography fix left.
	x, err := s.Inspect(got.Text, "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range x.Problems {
		if strings.HasPrefix(p.Code, "typography.") && p.Fix != nil {
			t.Errorf("fixable problem left: %+v", p)
		}
	}
	if _, err := s.FixTypography("bin\x00ary"); err == nil || !strings.Contains(err.Error(), "article.unreadable") {
		t.Errorf("binary text: %v", err)
	}
}
