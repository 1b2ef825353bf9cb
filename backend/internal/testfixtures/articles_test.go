package testfixtures

import "testing"

func TestSyntheticSizes(t *testing.T) {
	for _, size := range []int{7 << 10, 200 << 10} {
		n := len(Synthetic(size))
		if n < size*9/10 || n > size*11/10 {
			t.Errorf("synthetic article of %d bytes asked, got %d", size, n)
		}
	}
}
