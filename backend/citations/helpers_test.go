package citations

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/backend/library"
	"copydesk/backend/linkcheck"
	"copydesk/backend/profile"
)

// testNow is 2025/7/8 10:00 in Shanghai (the built-in profile's zone).
var testNow = time.Date(2025, 7, 8, 2, 0, 0, 0, time.UTC)

// newTestService gives a service over a fresh library file, the built-in
// profile, no renderer, a fixed clock and a checker without politeness
// delays or archive.
func newTestService(t testing.TB) (*Service, *library.Library) {
	t.Helper()
	p := profile.Default()
	lib, err := library.Open(filepath.Join(t.TempDir(), "library.db"), library.Options{Profile: p, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	checker := linkcheck.New(linkcheck.Options{PerHostInterval: -1, Timeout: 5 * time.Second, DirectOnly: true,
		AllowPrivate: true, Now: func() time.Time { return testNow }})
	t.Cleanup(checker.Close)
	s := New(Options{Profile: p, Now: func() time.Time { return testNow }, Checker: checker,
		Library: func() (*library.Library, error) { return lib, nil }})
	return s, lib
}

const testFront = "---\ntitle: 测试引文\ndate: 2025-07-08T09:30:00+08:00\ndraft: true\n---\n\n"

// sampleText cites urls as [^1].. with [^2] cited first.
func sampleText(urls ...string) string {
	var b strings.Builder
	b.WriteString(testFront)
	b.WriteString("第一段引用了来源二[^2]，随后引用来源一[^1]。\n\n第二段再次引用来源二[^2]和来源三[^3]。\n\n## 引文部分\n\n")
	for i, u := range urls {
		n := string(rune('1' + i))
		b.WriteString("[^" + n + "]: [来源" + n + "的标题](" + u + ")·示例媒体" + n + "·作者" + n + "（2025/6/2" + n + "）·检索日期2025/6/30\n")
	}
	return b.String()
}
