package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The command line's contract: usage and unreadable input exit 2 with a message naming the file;
// site notes go to stderr and never into the HTML.
func TestRenderCommandErrors(t *testing.T) {
	dir := t.TempDir()
	binary := filepath.Join(dir, "binary.md")
	if err := os.WriteFile(binary, []byte("---\ntitle: x\n---\n\x00\x01\x02"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"render"},
		{"render", "a.md", "b.md"},
		{"render", "--no-such-flag", "a.md"},
		{"render", filepath.Join(dir, "missing.md")},
		{"render", binary},
	} {
		var out, errOut bytes.Buffer
		if code := Run(args, &out, &errOut); code != ExitUsage || out.Len() != 0 || errOut.Len() == 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out.String(), errOut.String())
		}
	}
}

func TestRenderCommandSiteNotes(t *testing.T) {
	site := t.TempDir()
	if err := os.WriteFile(filepath.Join(site, "hugo.toml"), []byte("[markup.goldmark.extensions.passthrough]\nenable = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(site, "content", "a.md")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("---\ntitle: 测试\n---\n\n的**“超级智能”**展开\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	// No --site: the enclosing Hugo site is found from the file.
	if code := Run([]string{"render", page}, &out, &errOut); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if got, want := out.String(), "<p>的**“超级智能”**展开</p>\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	if !strings.Contains(errOut.String(), "passthrough") {
		t.Errorf("stderr %q should name the ignored setting", errOut.String())
	}
}

// Hugo refuses a page whose front matter is never closed ("EOF looking for
// end YAML front matter delimiter"), so there is no .Content to print: the
// command fails naming the file and line instead of printing nothing with
// exit 0.
func TestRenderCommandUnclosedFrontMatter(t *testing.T) {
	page := filepath.Join(t.TempDir(), "a.md")
	if err := os.WriteFile(page, []byte("---\ntitle: 标题\n\n正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := Run([]string{"render", page}, &out, &errOut)
	if code != ExitFindings || out.Len() != 0 || !strings.Contains(errOut.String(), page+":1:") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}
