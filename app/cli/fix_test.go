package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needsFixing is the clean fixture with typography slips and a date without
// its offset: every one has a certain fix.
func needsFixing(t *testing.T) string {
	t.Helper()
	text := cleanArticle(t)
	for _, r := range [][2]string{
		{"date: 2025-06-20T09:30:00+08:00", "date: 2025-06-20T09:30:00"},
		{"国内大型云厂商普遍提前备货", "国内大型云厂商普遍提前备货 , 称之为\"安全库存\"...真的！！"},
		{"过去两年，", "过去两年,"},
	} {
		if strings.Count(text, r[0]) != 1 {
			t.Fatalf("fixture lacks %q", r[0])
		}
		text = strings.Replace(text, r[0], r[1], 1)
	}
	return text
}

func TestFixWritesAndIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "posts", "a.md"), needsFixing(t))
	os.Chmod(path, 0o640)
	code, out, errOut := runCLI(t, "fix", "--today", "2025-06-28", dir)
	if code != ExitOK || errOut != "" {
		t.Fatalf("code %d\n%s\n%s", code, out, errOut)
	}
	data, _ := os.ReadFile(path)
	got := string(data)
	for _, want := range []string{"date: 2025-06-20T09:30:00+08:00", "普遍提前备货，称之为“安全库存”……真的！，以缓冲", "过去两年，围绕"} {
		if !strings.Contains(got, want) {
			t.Errorf("fixed file lacks %q", want)
		}
	}
	if got != strings.NewReplacer("T09:30:00\n", "T09:30:00+08:00\n", " , 称之为\"安全库存\"...真的！！", "，称之为“安全库存”……真的！", "两年,", "两年，").Replace(needsFixing(t)) {
		t.Errorf("bytes other than the fixes changed:\n%s", got)
	}
	for _, want := range []string{"fixed frontmatter.date_format", "fixed typography.halfwidth_punctuation", "fixed typography.quotes",
		"fixed typography.ellipsis", "fixed typography.repeated_punctuation", "1 file, 1 changed: 6 fixes applied, 0 problems left"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, "posts", ".*")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	// Nothing is left: a second run changes nothing.
	code, out, _ = runCLI(t, "fix", "--today", "2025-06-28", dir)
	after, _ := os.ReadFile(path)
	if code != ExitOK || !bytes.Equal(after, data) || !strings.Contains(out, "1 file, 0 changed: 0 fixes applied") {
		t.Errorf("second run: code %d\n%s", code, out)
	}
}

func TestFixDryRunPrintsADiffAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	text := needsFixing(t)
	path := writeFile(t, filepath.Join(dir, "a.md"), text)
	code, out, _ := runCLI(t, "fix", "--dry-run", "--today", "2025-06-28", path)
	if code != ExitOK {
		t.Fatalf("code %d\n%s", code, out)
	}
	if data, _ := os.ReadFile(path); string(data) != text {
		t.Fatal("--dry-run wrote the file")
	}
	diff := out[:strings.Index(out, path+":")]
	if !strings.HasPrefix(diff, "--- "+path+"\n+++ "+path+"\n@@ -1,") || !strings.Contains(out, "would fix typography.quotes") ||
		!strings.Contains(out, "would change (dry run, nothing written)") {
		t.Fatalf("output:\n%s", out)
	}
	// The diff is the one diff -u prints, and patch applies it.
	fixed := filepath.Join(dir, "fixed.md")
	runCLI(t, "fix", "--today", "2025-06-28", writeFile(t, fixed, text))
	if _, err := exec.LookPath("diff"); err == nil {
		want, _ := exec.Command("diff", "-u", "--label", path, "--label", path, path, fixed).Output()
		if diff != string(want) {
			t.Errorf("diff differs from diff -u:\n%s\n---- diff -u:\n%s", diff, want)
		}
	}
	if _, err := exec.LookPath("patch"); err == nil {
		cmd := exec.Command("patch", "-s", "-o", filepath.Join(dir, "patched.md"), path)
		cmd.Stdin = strings.NewReader(diff)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("patch: %v %s", err, msg)
		}
		a, _ := os.ReadFile(filepath.Join(dir, "patched.md"))
		b, _ := os.ReadFile(fixed)
		if !bytes.Equal(a, b) {
			t.Error("the patched file differs from the fixed one")
		}
	}
}

func TestUnifiedDiffShapes(t *testing.T) {
	lines := func(n int, mark map[int]string) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			if m, ok := mark[i]; ok {
				b.WriteString(m)
				continue
			}
			b.WriteString("line " + strings.Repeat("x", i%3) + string(rune('a'+i%26)) + "\n")
		}
		return b.String()
	}
	cases := []struct{ name, a, b string }{
		{"far apart", lines(40, nil), lines(40, map[int]string{2: "changed\n", 35: "also\n"})},
		{"close together", lines(20, nil), lines(20, map[int]string{5: "one\n", 10: "two\n"})},
		{"insert and delete", lines(20, nil), lines(20, map[int]string{1: "", 20: "new\nlines\n"})},
		{"no final newline", "a\nb\nc", "a\nb\nC"},
		{"empty to text", "", "new\n"},
	}
	if _, err := exec.LookPath("diff"); err != nil {
		t.Skip("diff not installed")
	}
	for _, tc := range cases {
		dir := t.TempDir()
		a := writeFile(t, filepath.Join(dir, "a"), tc.a)
		b := writeFile(t, filepath.Join(dir, "b"), tc.b)
		want, _ := exec.Command("diff", "-u", "--label", "f", "--label", "f", a, b).Output()
		var got bytes.Buffer
		unifiedDiff(&got, "f", []byte(tc.a), []byte(tc.b))
		if got.String() != string(want) {
			t.Errorf("%s:\n%s\n---- diff -u:\n%s", tc.name, got.String(), want)
		}
	}
}

func TestFixExitStatus(t *testing.T) {
	dir := t.TempDir()
	unpaired := writeFile(t, filepath.Join(dir, "u.md"), strings.Replace(cleanArticle(t), "国内大型云厂商", "国内大型云厂商“", 1))
	code, out, _ := runCLI(t, "fix", "--today", "2025-06-28", unpaired)
	if code != ExitFindings || !strings.Contains(out, "warning typography.unpaired_quote") || !strings.Contains(out, "1 problem left without a certain fix") {
		t.Errorf("unpaired: code %d\n%s", code, out)
	}
	good := writeFile(t, filepath.Join(dir, "g.md"), cleanArticle(t))
	badProfile := writeFile(t, filepath.Join(dir, "bad.yaml"), "typography:\n  cjk_latin_space: sometimes\n")
	for _, args := range [][]string{
		{"fix"},
		{"fix", "--bogus", good},
		{"fix", "--today", "yesterday", good},
		{"fix", "--profile", badProfile, good},
		{"fix", filepath.Join(dir, "missing.md")},
	} {
		if code, _, errOut := runCLI(t, args...); code != ExitUsage || errOut == "" {
			t.Errorf("%v: code %d, stderr %q", args, code, errOut)
		}
	}
	if code, out, _ := runCLI(t, "fix", "--help"); code != ExitOK || !strings.HasPrefix(out, "Usage: copydesk fix [--profile FILE] [--only PREFIX] [--dry-run]") {
		t.Errorf("help: %d %s", code, out)
	}
}

func TestFixOnlyAndProfile(t *testing.T) {
	dir := t.TempDir()
	text := needsFixing(t)
	path := writeFile(t, filepath.Join(dir, "a.md"), text)
	profile := writeFile(t, filepath.Join(dir, "p.yaml"), "typography:\n  rules: {quotes: false}\n")
	code, out, _ := runCLI(t, "fix", "--only", "typography.", "--profile", profile, "--today", "2025-06-28", path)
	data, _ := os.ReadFile(path)
	got := string(data)
	if code != ExitOK || strings.Contains(out, "frontmatter.") || !strings.Contains(got, "date: 2025-06-20T09:30:00\n") ||
		!strings.Contains(got, "，称之为\"安全库存\"……") {
		t.Errorf("code %d\n%s\n%s", code, out, got)
	}
}

func TestFixFollowsSymlinks(t *testing.T) {
	dir := t.TempDir()
	real := writeFile(t, filepath.Join(dir, "store", "a.md"), needsFixing(t))
	link := filepath.Join(dir, "posts", "a.md")
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	if code, out, _ := runCLI(t, "fix", "--today", "2025-06-28", link); code != ExitOK {
		t.Fatalf("code %d\n%s", code, out)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if data, _ := os.ReadFile(real); !strings.Contains(string(data), "T09:30:00+08:00") {
		t.Error("the linked article was not fixed")
	}
}
