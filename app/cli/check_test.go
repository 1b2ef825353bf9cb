package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func cleanArticle(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "backend", "check", "testdata", "clean.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeFile(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- Run(args, &out, &errOut) }()
	select {
	case code = <-done:
	case <-time.After(60 * time.Second):
		t.Fatalf("copydesk %v did not finish", args)
	}
	return code, out.String(), errOut.String()
}

func decodeCheck(t *testing.T, stdout string) checkJSON {
	t.Helper()
	var doc checkJSON
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("stdout is not the check JSON: %v\n%s", err, stdout)
	}
	return doc
}

func TestCheckHelp(t *testing.T) {
	code, out, _ := runCLI(t, "check", "--help")
	if code != ExitOK || !strings.Contains(out, "Usage: copydesk check [--json] [--today YYYY-MM-DD] [--profile FILE] PATH...") {
		t.Fatalf("code %d\n%s", code, out)
	}
}

func TestCheckUsageErrors(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "a.md"), cleanArticle(t))
	badProfile := writeFile(t, filepath.Join(dir, "bad.yaml"), "stale_days: soon\n")
	for _, args := range [][]string{
		{"check"},
		{"check", "--bogus", good},
		{"check", "--today", "2025-13-01", good},
		{"check", "--today", "yesterday", good},
		{"check", "--profile", badProfile, good},
		{"check", "--profile", filepath.Join(dir, "none.yaml"), good},
		{"check", filepath.Join(dir, "missing.md")},
	} {
		code, _, stderr := runCLI(t, args...)
		if code != ExitUsage || stderr == "" {
			t.Errorf("%v: code %d, stderr %q", args, code, stderr)
		}
	}
	_, _, stderr := runCLI(t, "check", "--profile", badProfile, good)
	if !strings.Contains(stderr, badProfile+":1:") {
		t.Errorf("profile error does not name file and line: %q", stderr)
	}
}

func TestCheckJSONCleanAndErrors(t *testing.T) {
	dir := t.TempDir()
	clean := cleanArticle(t)
	writeFile(t, filepath.Join(dir, "posts", "b.md"), clean)
	writeFile(t, filepath.Join(dir, "posts", "a.md"), strings.Replace(clean, "检索日期2025/6/18", "检索日期2025/5/28", 1))
	writeFile(t, filepath.Join(dir, "posts", "notes.txt"), "not an article")
	writeFile(t, filepath.Join(dir, ".git", "x.md"), "ignored")

	code, out, stderr := runCLI(t, "check", "--json", "--today", "2025-06-28", dir)
	if code != ExitFindings {
		t.Fatalf("code %d, stderr %s", code, stderr)
	}
	doc := decodeCheck(t, out)
	if len(doc.Files) != 2 || doc.Files[0].Path != filepath.Join(dir, "posts", "a.md") || doc.Files[1].Path != filepath.Join(dir, "posts", "b.md") {
		t.Fatalf("files: %+v", doc.Files)
	}
	ds := doc.Files[0].Diagnostics
	if len(ds) != 1 || ds[0].Code != "citation.retrieved_before_published" || ds[0].Severity != "error" ||
		ds[0].Line != 42 || ds[0].Column != 1 || ds[0].Label != "3" || ds[0].Message == "" {
		t.Fatalf("diagnostics: %+v", ds)
	}
	if doc.Files[1].Diagnostics == nil || len(doc.Files[1].Diagnostics) != 0 {
		t.Errorf("clean file must have an empty diagnostics list: %+v", doc.Files[1])
	}
	if doc.Summary != (checkSummaryJSON{Files: 2, Errors: 1, Warnings: 0}) {
		t.Errorf("summary %+v", doc.Summary)
	}
	// The label key is absent, not empty, for front matter codes.
	writeFile(t, filepath.Join(dir, "posts", "b.md"), strings.Replace(clean, "draft: false\n", "draft: false\nauthor: 编辑部\n", 1))
	_, out, _ = runCLI(t, "check", "--json", "--today", "2025-06-28", filepath.Join(dir, "posts", "b.md"))
	if !strings.Contains(out, `"code":"frontmatter.unknown_key","severity":"warning","line":5,"column":1`) || strings.Contains(out, `"label"`) {
		t.Errorf("JSON shape: %s", out)
	}
}

func TestCheckWarningsOnlyExitZeroAndHumanOutput(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "a.md"), strings.Replace(cleanArticle(t), "（2025/5/29）·检索日期2025/6/18", "（2025/4/1）·检索日期2025/5/1", 1))
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_US.UTF-8")
	code, out, _ := runCLI(t, "check", path, "--today", "2025-06-28")
	if code != ExitOK {
		t.Fatalf("code %d\n%s", code, out)
	}
	want := path + ":42:1: warning citation.retrieved_stale [3]: [^3] was retrieved on 2025/5/1, 50 days before"
	if !strings.HasPrefix(out, want) || !strings.Contains(out, "1 file checked: 0 errors, 1 warning") {
		t.Fatalf("output:\n%s\nwant prefix %s", out, want)
	}
	t.Setenv("LANG", "zh_CN.UTF-8")
	_, out, _ = runCLI(t, "check", "--today", "2025-06-28", path)
	if !strings.Contains(out, "比文章日期 2025/6/20 早 50 天") {
		t.Fatalf("zh output:\n%s", out)
	}
	t.Setenv("LC_ALL", "C")
	_, out, _ = runCLI(t, "check", "--today", "2025-06-28", path)
	if !strings.Contains(out, "50 days before") {
		t.Fatalf("LC_ALL must win over LANG:\n%s", out)
	}
}

func TestCheckReferenceArticle(t *testing.T) {
	ref := filepath.Join("..", "..", "..", "shared", "seeds", "000_77146d4682ff964c.txt")
	if _, err := os.Stat(ref); err != nil {
		t.Skip("reference article not present")
	}
	code, out, stderr := runCLI(t, "check", "--json", "--today", "2025-06-28", ref)
	doc := decodeCheck(t, out)
	if code != ExitOK || len(doc.Files) != 1 || len(doc.Files[0].Diagnostics) != 0 {
		t.Fatalf("code %d %s\n%s", code, stderr, out)
	}
}

func TestCheckProfileFlagAndFound(t *testing.T) {
	dir := t.TempDir()
	text := strings.Replace(cleanArticle(t), "  - 算力与芯片\n", "  - 政策与监管\n", 1)
	path := writeFile(t, filepath.Join(dir, "site", "content", "a.md"), text)
	code, _, _ := runCLI(t, "check", "--today", "2025-06-28", path)
	if code != ExitFindings {
		t.Fatalf("built-in vocabulary: code %d", code)
	}
	writeFile(t, filepath.Join(dir, "site", "copydesk.yaml"), "fields:\n  main_topics:\n    vocabulary_add: [政策与监管]\n")
	if code, out, _ := runCLI(t, "check", "--today", "2025-06-28", path); code != ExitOK {
		t.Fatalf("found profile: code %d\n%s", code, out)
	}
	other := writeFile(t, filepath.Join(dir, "strict.yaml"), "fields:\n  main_topics:\n    vocabulary: [只此一项]\n")
	if code, _, _ := runCLI(t, "check", "--profile", other, "--today", "2025-06-28", path); code != ExitFindings {
		t.Fatalf("--profile: code %d", code)
	}
}

// Files that cannot be read: named on stderr, an "error" entry in the JSON,
// exit 2, and the other files are still checked.
func TestCheckBadInput(t *testing.T) {
	dir := t.TempDir()
	clean := cleanArticle(t)
	nest := strings.Repeat("[", 5000) + strings.Repeat("]", 5000)
	bomb := "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n" +
		"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\ni: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n---\n\n正文\n"
	cases := []struct {
		name, text   string
		unreadable   bool
		wantCode     string
		wantInStderr string
	}{
		{"binary.md", "---\ntitle: x\n---\n\x00\x01\x02", true, "", "binary"},
		{"latin1.md", "---\ntitle: caf\xe9\n---\n", true, "", "not valid UTF-8"},
		{"huge.md", "---\ntitle: x\n---\n" + strings.Repeat("长文", 10<<20/6+1), true, "", "larger than 10 MB"},
		{"bomb.md", bomb, false, "frontmatter.required", ""}, // 72 aliases: allowed, never expanded
		{"bigbomb.md", strings.Replace(bomb, "---\n\n", "j: &j [*i, *i, *i, *i, *i, *i, *i, *i, *i]\nk: &k [*j, *j, *j, *j, *j, *j, *j, *j, *j]\nl: &l [*k, *k, *k, *k, *k, *k, *k, *k, *k]\nm: [*l, *l, *l, *l, *l, *l, *l, *l, *l]\n---\n\n", 1), false, "frontmatter.syntax", ""},
		{"deep.md", "---\ntitle: " + nest + "\n---\n\n正文\n", false, "frontmatter.syntax", ""},
		{"empty.md", "", false, "frontmatter.missing", ""},
		{"unclosed.md", "---\ntitle: 标题\ndate: 2025-06-20T09:30:00+08:00\n\n正文没有结束的 front matter。\n", false, "frontmatter.syntax", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, filepath.Join(dir, tc.name), tc.text)
			ok := writeFile(t, filepath.Join(dir, "ok", "z.md"), clean)
			code, out, stderr := runCLI(t, "check", "--json", "--today", "2025-06-28", path, ok)
			doc := decodeCheck(t, out)
			if len(doc.Files) != 2 || doc.Files[1].Path != ok || len(doc.Files[1].Diagnostics) != 0 {
				t.Fatalf("files: %+v", doc.Files)
			}
			f := doc.Files[0]
			if tc.unreadable {
				if code != ExitUsage || !strings.HasPrefix(stderr, path+": ") || !strings.Contains(stderr, tc.wantInStderr) || !strings.Contains(f.Error, tc.wantInStderr) {
					t.Fatalf("code %d, stderr %q, entry %+v", code, stderr, f)
				}
				return
			}
			if code != ExitFindings || f.Error != "" || len(f.Diagnostics) == 0 || f.Diagnostics[0].Code != tc.wantCode {
				t.Fatalf("code %d, entry %+v, stderr %q", code, f, stderr)
			}
		})
	}
}
