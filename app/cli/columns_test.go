package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/backend/render"
)

func TestDisplayWidth(t *testing.T) {
	cases := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"算力之争", 8},
		{"GPT-5与算力", 11}, // mixed: 5 narrow + 3 wide
		{"ＡＢ", 4},        // fullwidth Latin
		{"ｶﾀｶﾅ", 4},      // halfwidth katakana stays narrow
		{"“引号”·", 7},     // ambiguous punctuation counts one
		{"e\u0301", 1},   // e + combining acute
		{"a\u200bb", 2},  // zero-width space
		{"👍", 2},         // emoji are wide
		{"한국어", 6},       // Hangul
		{"，。：", 6},       // fullwidth Chinese punctuation
	}
	for _, c := range cases {
		if got := displayWidth(c.s); got != c.want {
			t.Errorf("displayWidth(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

// columnStarts returns the display column at which each field of a line
// written by writeColumns begins (fields are split at two or more spaces).
func columnStarts(line string) []int {
	var starts []int
	col, spaces, inField := 0, 0, false
	for _, r := range line {
		if r == ' ' {
			spaces++
			if spaces >= 2 {
				inField = false
			}
		} else {
			if !inField {
				starts = append(starts, col)
				inField = true
			}
			spaces = 0
		}
		col += runeWidth(r)
	}
	return starts
}

func TestWriteColumnsAlignsByDisplayWidth(t *testing.T) {
	var b strings.Builder
	err := writeColumns(&b, [][]string{
		{"ID", "TITLE", "PATH"},
		{"1", "算力之争：一场豪赌", "posts/a.md"},
		{"22", "Chips", "b.md"},
		{"3", "带\t制表符\n和换行", "c.md"}, // control characters must not break the row
	})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("want 4 lines, got %d: %q", len(lines), b.String())
	}
	want := columnStarts(lines[0])
	for _, l := range lines[1:] {
		if got := columnStarts(l); len(got) != 3 || got[1] != want[1] || got[2] != want[2] {
			t.Errorf("line %q starts its columns at %v, the header at %v", l, got, want)
		}
		if strings.HasSuffix(l, " ") {
			t.Errorf("trailing spaces in %q", l)
		}
	}
	// The widest title (18 columns) plus two spaces decides where PATH starts.
	if want[2] != want[1]+18+2 {
		t.Errorf("PATH starts at %d, want %d", want[2], want[1]+20)
	}
}

func TestListAlignsChineseTitles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	src := t.TempDir()
	writeArticles(t, src, map[string]string{
		"a.md": strings.Replace(cmdArticle, "%s", "算力之争：一场超智能豪赌", 1),
		"b.md": strings.Replace(cmdArticle, "%s", "Chips and 芯片", 1),
		"c.md": strings.Replace(cmdArticle, "%s", "AI", 1),
	})
	if code, out, errs := run(t, "import", "--db", db, src); code != ExitOK {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	code, out, _ := run(t, "list", "--db", db)
	if code != ExitOK {
		t.Fatalf("list: %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("want a header and 3 drafts, got %q", out)
	}
	header := columnStarts(lines[0])
	pathCol := header[len(header)-1]
	for _, l := range lines[1:] {
		starts := columnStarts(l)
		if starts[len(starts)-1] != pathCol || !strings.HasSuffix(l, ".md") {
			t.Errorf("the PATH column of %q starts at display column %d, the header's at %d\n%s", l, starts[len(starts)-1], pathCol, out)
		}
	}
}

func TestVersionCommand(t *testing.T) {
	code, out, _ := run(t, "version")
	if code != ExitOK {
		t.Fatalf("version: %d", code)
	}
	for _, want := range []string{"copydesk ", "commit ", "\ngo       go1.", "\nhugo     " + render.HugoVersion} {
		if !strings.Contains(out, want) {
			t.Errorf("version output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "version", "--json")
	var info map[string]string
	if code != ExitOK || json.Unmarshal([]byte(out), &info) != nil {
		t.Fatalf("version --json: %d %q", code, out)
	}
	if info["hugo"] != render.HugoVersion || info["version"] == "" || info["commit"] == "" || !strings.HasPrefix(info["go"], "go") {
		t.Errorf("version --json: %v", info)
	}
	if code, _, errs := run(t, "version", "extra"); code != ExitUsage || !strings.Contains(errs, "unexpected argument") {
		t.Errorf("version extra: %d %q", code, errs)
	}
	if code, out, _ := run(t, "version", "--help"); code != ExitOK || !strings.Contains(out, "Usage: copydesk version") {
		t.Errorf("version --help: %d %q", code, out)
	}
}
