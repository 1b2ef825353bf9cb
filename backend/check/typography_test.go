package check

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"copydesk/backend/profile"
	"copydesk/backend/typography"
)

func TestTypographyDiagnostics(t *testing.T) {
	text := mutate(t, fixture(t, "clean.md"), "国内大型云厂商", "国内大型云厂商,\"算力\"...")
	ds := run(t, text, nil)
	got := codes(ds)
	want := []string{TypographyHalfwidthPunctuation, TypographyQuotes, TypographyEllipsis}
	if !slices.Equal(got, want) {
		t.Fatalf("codes %v, want %v", got, want)
	}
	for _, d := range ds {
		if d.Severity != Warning || d.Fix == nil || len(d.Fix.Edits) == 0 || d.Message == "" || strings.HasPrefix(d.Message, "typography.") {
			t.Errorf("diagnostic %+v", d)
		}
		if line := strings.Count(text[:d.Offset], "\n") + 1; d.Line != line {
			t.Errorf("%s on line %d, offset says %d", d.Code, d.Line, line)
		}
	}
	zh, _ := Text([]byte(text), profile.Default(), Options{Today: testToday, Lang: LangZH})
	if !strings.Contains(zh[0].Message, "半角标点") || zh[0].Fix.Title != "改为 ，" {
		t.Errorf("zh message %q, fix %q", zh[0].Message, zh[0].Fix.Title)
	}
	if d := ds[0]; d.Fix.Title != "Write ，" || !strings.Contains(d.Message, "full-width ，") {
		t.Errorf("en message %q, fix %q", d.Message, d.Fix.Title)
	}
	// Every fix applied alone removes its diagnostic and nothing else changes.
	for _, d := range ds {
		fixed := string(Apply([]byte(text), d.Fix))
		for _, again := range run(t, fixed, nil) {
			if again.Code == d.Code && again.Line == d.Line && again.Column == d.Column {
				t.Errorf("%s still reported after its fix", d.Code)
			}
		}
	}
}

func TestTypographyFollowsTheProfile(t *testing.T) {
	text := mutate(t, fixture(t, "clean.md"), "国内大型云厂商", "国内大型云厂商 2025 年")
	if got := codes(run(t, text, nil)); !slices.Equal(got, []string{TypographyCJKLatinSpace, TypographyCJKLatinSpace}) {
		t.Fatalf("built-in profile: %v", got)
	}
	path := filepath.Join(t.TempDir(), profile.FileName)
	os.WriteFile(path, []byte("typography:\n  cjk_latin_space: always\n"), 0o644)
	p, err := profile.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range run(t, text, p) {
		if d.Code != TypographyCJKLatinSpace || d.Params["suggestion"] == "" || d.Fix.Title != "Insert a space" {
			t.Errorf("always: %+v", d)
		}
	}
	os.WriteFile(path, []byte("typography:\n  rules: {cjk_latin_space: false}\n"), 0o644)
	if p, err = profile.Load(path); err != nil {
		t.Fatal(err)
	}
	if ds := run(t, text, p); len(ds) != 0 {
		t.Errorf("switched off: %v", codes(ds))
	}
}

func TestFixTextAppliesEveryCertainFix(t *testing.T) {
	text := mutate(t, fixture(t, "clean.md"),
		"2025-06-20T09:30:00+08:00", "2025-06-20T09:30:00",
		"国内大型云厂商", "国内大型云厂商 , \"算力\"！！")
	fixed, applied, remaining, err := FixText([]byte(text), profile.Default(), Options{Today: testToday}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(remaining) != 0 || len(applied) != 4 {
		t.Errorf("applied %v, remaining %v", codes(applied), codes(remaining))
	}
	if !strings.Contains(string(fixed), "国内大型云厂商，“算力”！") || !strings.Contains(string(fixed), "2025-06-20T09:30:00+08:00") {
		t.Errorf("fixed:\n%s", fixed)
	}
	if again, _, _, _ := FixText(fixed, profile.Default(), Options{Today: testToday}, ""); string(again) != string(fixed) {
		t.Error("fixing twice changed the text again")
	}
	// --only: the date is left, and reported as remaining.
	only, _, remaining, _ := FixText([]byte(text), profile.Default(), Options{Today: testToday}, typography.Prefix)
	if strings.Contains(string(only), "09:30:00+08:00") || !strings.Contains(string(only), "国内大型云厂商，“算力”！") || len(remaining) != 0 {
		t.Errorf("only typography: remaining %v\n%s", codes(remaining), only)
	}
	_, _, remaining, _ = FixText([]byte(text), profile.Default(), Options{Today: testToday}, "frontmatter.")
	if len(remaining) != 0 {
		t.Errorf("only front matter: remaining %v", codes(remaining))
	}
	// A problem with no certain fix remains.
	unpaired := mutate(t, fixture(t, "clean.md"), "国内大型云厂商", "国内大型云厂商“")
	_, _, remaining, _ = FixText([]byte(unpaired), profile.Default(), Options{Today: testToday}, "")
	if !slices.Equal(codes(remaining), []string{TypographyUnpairedQuote}) {
		t.Errorf("remaining %v", codes(remaining))
	}
}

// TestFixTextBeyondMaxPerCode: a file with more findings of one code than a
// check reports (MaxPerCode) is still fixed completely, over several rounds.
func TestFixTextBeyondMaxPerCode(t *testing.T) {
	text := strings.Repeat("中文,好。\n\n", 3*MaxPerCode)
	fixed, applied, remaining, err := FixText([]byte(text), profile.Default(), Options{Today: testToday}, typography.Prefix)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(fixed), ",") || len(applied) != 3*MaxPerCode || len(remaining) != 0 {
		t.Errorf("applied %d, remaining %d", len(applied), len(remaining))
	}
}
