package render_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/backend/cjkemphasis"
	"copydesk/backend/render"
)

// FuzzRender: no input makes Render, Preview or cjkemphasis.Find panic or disagree with each other,
// and every emphasis issue lies inside the body, in order, without overlap.
func FuzzRender(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "parity", "*.md"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("的**“超级智能”**展开<!--more-->**注意：**正文")
	r := render.New(render.Default())
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 1<<14 {
			return
		}
		body := []byte(s)
		out, err := r.Render(body)
		if err != nil {
			t.Fatal(err)
		}
		p, err := r.Preview(body)
		if err != nil || p.HTML != string(out) {
			t.Fatalf("Preview differs from Render (err %v)", err)
		}
		last := 0
		for _, is := range cjkemphasis.Find(body, render.Default()) {
			if is.Start < last || is.End > len(body) || is.Start >= is.End || !strings.Contains(s[is.Start:is.End], "*") {
				t.Fatalf("bad issue %+v in %q", is, s)
			}
			last = is.End
		}
	})
}
