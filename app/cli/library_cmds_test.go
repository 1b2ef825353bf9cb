package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The import, export and list tools over a library in a temporary folder.

const cmdArticle = "---\ntitle: %s\ndate: 2025-06-27T20:10:05+08:00\ndraft: false\nsummary: 摘要\ntags: \n  - 芯片\nmain_topics: \n  - 算力与芯片\n---\n\n> 导语。\n\n### 小节\n\n正文提到算力[^1]。\n\n## 引文部分\n\n" +
	"[^1]: [Title](https://example.com/a)·Example（2025/6/20）·检索日期2025/6/27\n"

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeArticles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestImportListExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	src := t.TempDir()
	files := map[string]string{
		"posts/a.md":      strings.Replace(cmdArticle, "%s", "算力之争", 1),
		"posts/2025/b.md": strings.Replace(cmdArticle, "%s", "芯片出口", 1),
	}
	writeArticles(t, src, files)

	code, out, errs := run(t, "import", "--db", db, filepath.Join(src, "posts"))
	if code != ExitOK || !strings.Contains(out, "2 new") || errs != "" {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	code, out, _ = run(t, "import", filepath.Join(src, "posts"), "--db", db) // flags after paths too
	if code != ExitOK || !strings.Contains(out, "2 unchanged") {
		t.Fatalf("second import: %d %q", code, out)
	}

	code, out, _ = run(t, "list", "--db", db, "--json")
	if code != ExitOK {
		t.Fatalf("list: %d", code)
	}
	var doc struct {
		Drafts []map[string]any `json:"drafts"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Drafts) != 2 {
		t.Fatalf("list --json: %v %q", err, out)
	}
	for _, d := range doc.Drafts {
		if len(d) != 7 {
			t.Errorf("keys: %v", d)
		}
		for _, k := range []string{"id", "title", "path", "status", "date", "errors", "warnings"} {
			if _, ok := d[k]; !ok {
				t.Errorf("no %q in %v", k, d)
			}
		}
	}
	code, out, _ = run(t, "list", "--db", db, "--json", "--query", "出口")
	if code != ExitOK || !strings.Contains(out, `"path":"2025/b.md"`) || strings.Contains(out, "a.md") {
		t.Errorf("list --query: %q", out)
	}
	code, out, _ = run(t, "list", "--db", db)
	if code != ExitOK || !strings.Contains(out, "TITLE") || !strings.Contains(out, "算力之争") {
		t.Errorf("list: %q", out)
	}

	dest := t.TempDir()
	code, out, errs = run(t, "export", "--db", db, "--out", dest, "--all")
	if code != ExitOK || !strings.Contains(out, "2 written") {
		t.Fatalf("export: %d %q %q", code, out, errs)
	}
	for rel, text := range files {
		got, err := os.ReadFile(filepath.Join(dest, strings.TrimPrefix(rel, "posts/")))
		if err != nil || string(got) != text {
			t.Errorf("%s not exported byte for byte: %v", rel, err)
		}
	}
	// Someone edits a file; export leaves it and exits 1.
	os.WriteFile(filepath.Join(dest, "a.md"), []byte("edited by hand"), 0o644)
	var ids []string
	json.Unmarshal([]byte(mustOut(t, "list", "--db", db, "--json")), &doc)
	for _, d := range doc.Drafts {
		ids = append(ids, fmt.Sprint(int64(d["id"].(float64))))
	}
	code, _, errs = run(t, append([]string{"export", "--db", db, "--out", dest}, ids...)...)
	if code != ExitFindings || !strings.Contains(errs, "conflict: a.md") {
		t.Errorf("conflict: %d %q", code, errs)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "a.md")); string(got) != "edited by hand" {
		t.Error("the edited file was overwritten")
	}
	code, _, _ = run(t, "export", "--db", db, "--out", dest, "--all", "--force")
	if code != ExitOK {
		t.Errorf("export --force: %d", code)
	}
}

func mustOut(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := run(t, args...)
	if code != ExitOK {
		t.Fatalf("%v: %d %s", args, code, errs)
	}
	return out
}

func TestLibraryCommandsUsageAndEnv(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("COPYDESK_DB", db)
	for _, c := range []struct {
		args []string
		code int
		text string
	}{
		{[]string{"import", "--help"}, ExitOK, "Usage: copydesk import"},
		{[]string{"export", "--help"}, ExitOK, "Usage: copydesk export"},
		{[]string{"list", "--help"}, ExitOK, "Usage: copydesk list"},
		{[]string{"import"}, ExitUsage, "no PATH"},
		{[]string{"export", "--all"}, ExitUsage, "--out DIR is required"},
		{[]string{"export", "--out", "x"}, ExitUsage, "either --all or draft IDs"},
		{[]string{"export", "--out", "x", "--all", "3"}, ExitUsage, "either --all or draft IDs"},
		{[]string{"export", "--out", "x", "abc"}, ExitUsage, "not a draft ID"},
		{[]string{"export", "--out", t.TempDir(), "42"}, ExitUsage, "draft 42"},
		{[]string{"list", "extra"}, ExitUsage, "unexpected argument"},
		{[]string{"import", filepath.Join(t.TempDir(), "missing.md")}, ExitFindings, "missing.md"},
	} {
		code, out, errs := run(t, c.args...)
		if code != c.code || !strings.Contains(out+errs, c.text) {
			t.Errorf("%v: exit %d (want %d), output %q %q", c.args, code, c.code, out, errs)
		}
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("COPYDESK_DB was not used: %v", err)
	}
}
