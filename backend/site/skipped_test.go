package site

import (
	"os"
	"path/filepath"
	"testing"
)

// Skipped gives the walk's own answer for every name: a name it skips is
// one Collect does not return, and the other way round.
func TestSkippedAgreesWithCollect(t *testing.T) {
	root := t.TempDir()
	names := []string{"a.md", "B.MD", "posts/c.md", ".hidden.md", ".git/d.md", "posts/.draft/e.md", "f.txt", "g.markdown", "posts/h.Md"}
	for _, n := range names {
		p := filepath.Join(root, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, failures := Collect([]string{root})
	if len(failures) != 0 {
		t.Fatal(failures)
	}
	collected := map[string]bool{}
	for _, f := range files {
		collected[f.Rel] = true
	}
	for _, n := range names {
		if taken := Skipped(n) == ""; taken != collected[n] {
			t.Errorf("%s: Skipped says taken=%v (%q), Collect took it: %v", n, taken, Skipped(n), collected[n])
		}
	}
	if len(collected) != 4 {
		t.Errorf("collected %v", collected)
	}
}
