package check

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"copydesk/backend/profile"
)

// FuzzText: any text either is refused as unreadable or checks without a
// panic, with every diagnostic inside the text and every fix applicable.
func FuzzText(f *testing.F) {
	clean, err := os.ReadFile(filepath.Join("testdata", "clean.md"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(clean)
	f.Add([]byte("---\ntitle: a\ndraft: yes\ndate: 2025-06-20 09:30\ntags: 某标签\nmain_topics: [算力, 算力]\n---\n的**“超级智能”**展开[^1][^2]\n\n[^1]: [t](u)·O（2025/2/30）\n[^1]: x\n"))
	f.Add([]byte("\ufeff---\r\ntitle: 标题\r\n---\r\n正文[^a]\r\n[^a]: [t](https://e.com)·O（2025/6/1）·检索日期2025/6/2\r\n"))
	f.Add([]byte("+++\ntitle = 'x'\n+++\n"))
	p := profile.Default()
	f.Fuzz(func(t *testing.T, text []byte) {
		ds, err := Text(text, p, Options{Today: testToday, Lang: LangZH})
		if err != nil {
			return
		}
		for _, d := range ds {
			if d.Line < 1 || d.Column < 1 || d.Offset < 0 || d.End < d.Offset || d.End > len(text) {
				t.Fatalf("bad position %+v", d)
			}
			if Severities[d.Code] != d.Severity || d.Message == "" {
				t.Fatalf("bad diagnostic %+v", d)
			}
			if d.Fix != nil {
				for _, e := range d.Fix.Edits {
					if e.From < 0 || e.To < e.From || e.To > len(text) {
						t.Fatalf("bad edit %+v", e)
					}
				}
				if fixed := Apply(text, d.Fix); !utf8.Valid(fixed) {
					t.Fatalf("fix made invalid UTF-8: %+v", d.Fix)
				}
			}
		}
	})
}
