package check

import "testing"

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
