package app

import "testing"

func TestUTF16Offsets(t *testing.T) {
	text := "ab中文😀x"
	// bytes: a0 b1 中2-4 文5-7 😀8-11 x12
	got := utf16Offsets(text, []int{12, 0, 2, 5, 8, 13, 99})
	want := map[int]int{0: 0, 2: 2, 5: 3, 8: 4, 12: 6, 13: 7, 99: 7}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("offset %d: got %d, want %d", k, got[k], v)
		}
	}
}
