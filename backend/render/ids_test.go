package render

import "testing"

func TestSanitizeAnchorName(t *testing.T) {
	for _, c := range []struct{ in, idType, want string }{
		{"激进投入：一场“超智能”豪赌", AutoIDGitHub, "激进投入一场超智能豪赌"},
		{"AI 与芯片 2025", AutoIDGitHub, "ai-与芯片-2025"},
		{"  Hello--World_x!  ", AutoIDGitHub, "hello--world_x"},
		{"Ünïcödé Äccents 中文", AutoIDGitHubASCII, "unicode-accents-"},
		{"Hello, 世界 & more", AutoIDBlackfriday, "hello-世界-more"},
	} {
		if got := SanitizeAnchorName(c.in, c.idType); got != c.want {
			t.Errorf("SanitizeAnchorName(%q, %s) = %q, want %q", c.in, c.idType, got, c.want)
		}
	}
}
