package article

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"copydesk/backend/refarticle"
)

// seedArticle is the reference article, or skips the test without it.
func seedArticle(t testing.TB) []byte { return refarticle.Read(t) }

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustParse(t testing.TB, text []byte) *Doc {
	t.Helper()
	d, err := Parse(text)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

func toCRLF(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }

// changedLines compares two texts line by line and returns the 1-based line
// numbers of before that differ, assuming no lines were inserted or removed.
func splitLines(b []byte) []string {
	var lines []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			lines = append(lines, string(b))
			break
		}
		lines = append(lines, string(b[:i+1]))
		b = b[i+1:]
	}
	return lines
}
