package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"copydesk/backend/refarticle"

	"copydesk/backend/citation"
	"copydesk/backend/profile"
	"copydesk/backend/site"
)

var testToday = citation.Date{Year: 2025, Month: 6, Day: 28}

func fixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// mutate applies old->new replacements; each old must occur exactly once so
// a fixture edit cannot silently stop applying.
func mutate(t testing.TB, text string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if n := strings.Count(text, pairs[i]); n != 1 {
			t.Fatalf("fixture has %d copies of %q, want 1", n, pairs[i])
		}
		text = strings.Replace(text, pairs[i], pairs[i+1], 1)
	}
	return text
}

func run(t testing.TB, text string, p *profile.Profile) []Diagnostic {
	t.Helper()
	if p == nil {
		p = profile.Default()
	}
	ds, err := Text([]byte(text), p, Options{Today: testToday, Lang: LangEN})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func codes(ds []Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code)
	}
	return out
}

func find(ds []Diagnostic, code string) (Diagnostic, bool) {
	for _, d := range ds {
		if d.Code == code {
			return d, true
		}
	}
	return Diagnostic{}, false
}

func TestCleanFixtureHasNoDiagnostics(t *testing.T) {
	if ds := run(t, fixture(t, "clean.md"), nil); len(ds) != 0 {
		t.Fatalf("clean fixture: %v", ds)
	}
}

func TestReferenceArticleChecksClean(t *testing.T) {
	path := referenceArticle(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{LangEN, LangZH} {
		ds, err := Text(data, profile.Default(), Options{Today: testToday, Lang: lang})
		if err != nil || len(ds) != 0 {
			t.Fatalf("reference article (%s): %v %+v", lang, err, ds)
		}
	}
}

// referenceArticle is the reference article's path, or skips the test without it.
func referenceArticle(t testing.TB) string {
	t.Helper()
	path, err := refarticle.Path()
	if err != nil {
		t.Skipf("reference article not available: %v", err)
	}
	return path
}

type codeCase struct {
	name  string
	edits []string // old, new pairs applied to clean.md
	want  []string // every code expected, in position order
	// the first diagnostic with want[0]: position and what it names
	line, col   int
	label, key  string
	messageHas  string
	fixedHas    string // when set, the first diagnostic's fix must produce text containing this
	whole       string // when set, used instead of the clean fixture
	profileYAML string
}

func TestEveryCode(t *testing.T) {
	cases := []codeCase{
		{name: "missing", whole: "# 没有 front matter 的文章\n\n正文。\n", want: []string{FrontMatterMissing}, line: 1, col: 1,
			messageHas: "title, date, draft, summary, tags, main_topics"},
		{name: "toml", whole: "+++\ntitle = \"标题\"\n+++\n\n正文。\n", want: []string{FrontMatterUnsupportedFormat}, line: 1, col: 1, messageHas: "TOML"},
		{name: "json", whole: "{\n  \"title\": \"标题\"\n}\n\n正文。\n", want: []string{FrontMatterUnsupportedFormat}, line: 1, col: 1, messageHas: "JSON"},
		{name: "syntax", edits: []string{"draft: false", "draft: false: true"}, want: []string{FrontMatterSyntax}, line: 4, col: 1},
		{name: "unclosed", whole: "---\ntitle: 标题\ndate: 2025-06-20T09:30:00+08:00\n\n正文。\n", want: []string{FrontMatterSyntax}, line: 1, messageHas: "never closed"},
		{name: "duplicate key", edits: []string{"draft: false\n", "draft: false\ndraft: true\n"}, want: []string{FrontMatterSyntax}, line: 5, messageHas: "already defined"},
		{name: "required missing", edits: []string{"summary: 新一轮", "abstract: 新一轮"}, want: []string{FrontMatterRequired, FrontMatterUnknownKey}, line: 1, col: 1, key: "summary"},
		{name: "required empty", edits: []string{"title: 芯片出口管制升级：英伟达的“特供版”困局与国产算力的窗口期", `title: ""`}, want: []string{FrontMatterRequired}, line: 2, col: 8, key: "title", messageHas: "empty"},
		{name: "draft yes", edits: []string{"draft: false", "draft: yes"}, want: []string{FrontMatterType}, line: 4, col: 8, key: "draft", messageHas: "Hugo reads it as false; write draft: true", fixedHas: "\ndraft: true\n"},
		{name: "draft quoted", edits: []string{"draft: false", `draft: "false"`}, want: []string{FrontMatterType}, line: 4, col: 8, key: "draft", messageHas: `draft: "false" is text, not a YAML boolean, and Hugo reads it as false`, fixedHas: "\ndraft: false\n"},
		{name: "draft number", edits: []string{"draft: false", "draft: 0"}, want: []string{FrontMatterType}, line: 4, key: "draft", messageHas: "a number"},
		{name: "tags scalar", edits: []string{"tags: \n  - 出口管制\n  - 英伟达\n  - 国产GPU\n  - 算力租赁\n  - 数据中心\n", "tags: 某标签\n"}, want: []string{FrontMatterType}, line: 7, col: 7, key: "tags", messageHas: "single value 某标签", fixedHas: "某标签"},
		{name: "title list", edits: []string{"title: 芯片出口管制升级：英伟达的“特供版”困局与国产算力的窗口期", "title: [芯片, 出口]"}, want: []string{FrontMatterType}, line: 2, key: "title", messageHas: "a list"},
		{name: "tag item mapping", edits: []string{"  - 英伟达\n", "  - 英伟达: 公司\n"}, want: []string{FrontMatterType}, line: 9, col: 5, key: "tags", messageHas: "Item 2"},
		{name: "date without offset", edits: []string{"date: 2025-06-20T09:30:00+08:00", "date: 2025-06-20T09:30:00"}, want: []string{FrontMatterDateFormat}, line: 3, col: 7, key: "date",
			messageHas: "2025-06-20T09:30:00+08:00", fixedHas: "\ndate: 2025-06-20T09:30:00+08:00\n"},
		{name: "quoted date without offset", edits: []string{"date: 2025-06-20T09:30:00+08:00", `date: "2025-06-20"`}, want: []string{FrontMatterDateFormat}, line: 3, key: "date",
			fixedHas: "2025-06-20T00:00:00+08:00"},
		{name: "date YAML form", edits: []string{"date: 2025-06-20T09:30:00+08:00", "date: 2025-06-20 09:30:00 +08:00"}, want: []string{FrontMatterDateFormat}, line: 3, key: "date", messageHas: "not written as RFC 3339", fixedHas: "\ndate: 2025-06-20T09:30:00+08:00\n"},
		{name: "date unreadable", edits: []string{"date: 2025-06-20T09:30:00+08:00", "date: 六月二十日"}, want: []string{FrontMatterDateFormat}, line: 3, key: "date", messageHas: "六月二十日"},
		{name: "quoted date is fine", edits: []string{"date: 2025-06-20T09:30:00+08:00", `date: "2025-06-20T09:30:00+08:00"`}},
		{name: "date future", edits: []string{"date: 2025-06-20T09:30:00+08:00", "date: 2025-06-29T09:30:00+08:00"}, want: []string{FrontMatterDateFuture}, line: 3, col: 7, key: "date"},
		{name: "future with draft yes", edits: []string{"date: 2025-06-20T09:30:00+08:00", "date: 2025-06-29T09:30:00+08:00", "draft: false", "draft: yes"},
			want: []string{FrontMatterDateFuture, FrontMatterType}, line: 3, col: 7, key: "date"},
		{name: "future with quoted true is a draft", edits: []string{"date: 2025-06-20T09:30:00+08:00", "date: 2025-06-29T09:30:00+08:00", "draft: false", `draft: "true"`},
			want: []string{FrontMatterType}, line: 4, key: "draft"},
		{name: "future draft is fine", edits: []string{"date: 2025-06-20T09:30:00+08:00", "date: 2025-06-29T09:30:00+08:00", "draft: false", "draft: true"}},
		{name: "later today is not future", edits: []string{"date: 2025-06-20T09:30:00+08:00", "date: 2025-06-28T23:30:00+08:00"}},
		{name: "vocabulary", edits: []string{"  - 算力与芯片\n", "  - 算力\n"}, want: []string{FrontMatterVocabulary}, line: 14, col: 5, key: "main_topics", messageHas: "前沿模型与算法, 算力与芯片, 产业生态与商业版图"},
		{name: "duplicate tag", edits: []string{"  - 数据中心\n", "  - 数据中心\n  - 英伟达\n"}, want: []string{FrontMatterDuplicateValue}, line: 13, col: 5, key: "tags", fixedHas: "  - 算力租赁\n  - 数据中心\nmain_topics:"},
		{name: "length", profileYAML: "fields:\n  title:\n    max_length: 20\n", want: []string{FrontMatterLength}, line: 2, col: 8, key: "title", messageHas: "29 characters"},
		{name: "tag count", profileYAML: "fields:\n  tags:\n    max_items: 3\n", want: []string{FrontMatterLength}, line: 8, key: "tags", messageHas: "5 items"},
		{name: "unknown key", edits: []string{"draft: false\n", "draft: false\nauthor: 编辑部\n"}, want: []string{FrontMatterUnknownKey}, line: 5, col: 1, key: "author"},
		{name: "profile knows key", edits: []string{"draft: false\n", "draft: false\nauthor: 编辑部\n"}, profileYAML: "fields:\n  author:\n"},
		{name: "undefined", edits: []string{"相对更快。", "相对更快[^7]。"}, want: []string{FootnoteUndefined}, line: 30, label: "7", messageHas: "引文部分"},
		{name: "unused", edits: []string{"（2025/6/15）·检索日期2025/6/19\n", "（2025/6/15）·检索日期2025/6/19\n[^5]: [未被引用的来源](https://example.com/unused)·来源（2025/6/1）·检索日期2025/6/19\n"}, want: []string{FootnoteUnused}, line: 44, col: 1, label: "5"},
		{name: "duplicate definition", edits: []string{"[^3]: [Nvidia", "[^1]: [Nvidia"}, want: []string{FootnoteUndefined, FootnoteDuplicate}, line: 26, label: "3"},
		{name: "duplicate label", edits: []string{"（2025/6/15）·检索日期2025/6/19\n", "（2025/6/15）·检索日期2025/6/19\n[^4]: [国产加速卡测试规模扩大](https://example.cn/news/accelerator-tests?id=42)·产业观察（2025/6/15）·检索日期2025/6/19\n"},
			want: []string{FootnoteDuplicate}, line: 44, col: 1, label: "4", messageHas: "line 43"},
		{name: "format", edits: []string{"产业观察（2025/6/15）", "产业观察(2025/6/15)"}, want: []string{CitationFormat}, line: 43, col: 1, label: "4", messageHas: "publication date"},
		{name: "url", edits: []string{"https://example.com/nvidia-china-revenue", "ftp://example.com/nvidia-china-revenue"}, want: []string{CitationURL}, line: 42, col: 1, label: "3"},
		{name: "angle-bracket url is fine", edits: []string{"(https://example.com/nvidia-china-revenue)", "(<https://example.com/nvidia-china-revenue>)"}},
		{name: "empty url", edits: []string{"https://example.com/nvidia-china-revenue", ""}, want: []string{CitationURL}, line: 42, label: "3"},
		{name: "published invalid", edits: []string{"（2025/5/29）", "（2025/2/30）"}, want: []string{CitationPublishedInvalid}, line: 42, label: "3", messageHas: "2025/2/30"},
		{name: "published after article", edits: []string{"（2025/5/29）·检索日期2025/6/18", "（2025/6/21）·检索日期2025/6/18"}, want: []string{CitationPublishedAfterArticle, CitationRetrievedBeforePublished}, line: 42, label: "3"},
		{name: "retrieved missing", edits: []string{"（2025/5/29）·检索日期2025/6/18", "（2025/5/29）"}, want: []string{CitationRetrievedMissing}, line: 42, label: "3", messageHas: "2025/6/28"},
		{name: "retrieved invalid", edits: []string{"检索日期2025/6/18", "检索日期2025/13/1"}, want: []string{CitationRetrievedInvalid}, line: 42, label: "3"},
		{name: "retrieved future", edits: []string{"检索日期2025/6/18", "检索日期2025/6/29"}, want: []string{CitationRetrievedAfterArticle, CitationRetrievedFuture}, line: 42, label: "3"},
		{name: "retrieved before published", edits: []string{"检索日期2025/6/18", "检索日期2025/5/28"}, want: []string{CitationRetrievedBeforePublished}, line: 42, label: "3"},
		{name: "retrieved after article", edits: []string{"检索日期2025/6/18", "检索日期2025/6/21"}, want: []string{CitationRetrievedAfterArticle}, line: 42, label: "3", messageHas: "2025/6/20"},
		{name: "retrieved stale", edits: []string{"（2025/5/29）·检索日期2025/6/18", "（2025/4/1）·检索日期2025/5/20"}, want: []string{CitationRetrievedStale}, line: 42, label: "3", messageHas: "31 days"},
		{name: "30 days is not stale", edits: []string{"（2025/5/29）·检索日期2025/6/18", "（2025/4/1）·检索日期2025/5/21"}},
		{name: "stale limit from profile", edits: []string{"（2025/5/29）·检索日期2025/6/18", "（2025/4/1）·检索日期2025/6/9"}, profileYAML: "stale_days: 10\n", want: []string{CitationRetrievedStale}, line: 42, label: "3"},
		{name: "cjk emphasis", edits: []string{"“特供版”GPU再度受限。国内", "**“特供版”**GPU再度受限。国内"}, want: []string{MarkdownCJKEmphasis}, line: 18, col: 23,
			messageHas: "“**特供版**”", fixedHas: "让英伟达面向中国市场的“**特供版**”GPU"},
		{name: "duplicate url", edits: []string{"https://example.com/nvidia-china-revenue", "https://WWW.Example.com/2025/06/18/chip-export-rules.html/"}, want: []string{CitationDuplicateURL}, line: 42, label: "3", messageHas: "[^1]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.whole
			if text == "" {
				text = mutate(t, fixture(t, "clean.md"), tc.edits...)
			}
			p := profile.Default()
			if tc.profileYAML != "" {
				path := filepath.Join(t.TempDir(), profile.FileName)
				os.WriteFile(path, []byte(tc.profileYAML), 0o644)
				var err error
				if p, err = profile.Load(path); err != nil {
					t.Fatal(err)
				}
			}
			ds := run(t, text, p)
			got := codes(ds)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("codes = %v, want %v\n%+v", got, tc.want, ds)
			}
			if len(tc.want) == 0 {
				return
			}
			d, _ := find(ds, tc.want[0])
			if d.Severity != Severities[d.Code] {
				t.Errorf("severity %s", d.Severity)
			}
			if tc.line != 0 && d.Line != tc.line {
				t.Errorf("line = %d, want %d", d.Line, tc.line)
			}
			if tc.col != 0 && d.Column != tc.col {
				t.Errorf("column = %d, want %d", d.Column, tc.col)
			}
			if d.Label != tc.label {
				t.Errorf("label = %q, want %q", d.Label, tc.label)
			}
			if tc.key != "" && d.Field != tc.key {
				t.Errorf("field = %q, want %q", d.Field, tc.key)
			}
			if !strings.Contains(d.Message, tc.messageHas) {
				t.Errorf("message %q does not contain %q", d.Message, tc.messageHas)
			}
			if strings.HasPrefix(d.Code, "footnote.") || strings.HasPrefix(d.Code, "citation.") {
				if d.Label == "" || d.Params["label"] != d.Label {
					t.Errorf("footnote/citation code without label: %+v", d)
				}
			}
			if d.Offset < 0 || d.End < d.Offset || d.End > len(text) {
				t.Errorf("span %d..%d out of range", d.Offset, d.End)
			}
			if tc.fixedHas != "" {
				if d.Fix == nil {
					t.Fatalf("no fix")
				}
				fixed := string(Apply([]byte(text), d.Fix))
				if !strings.Contains(fixed, tc.fixedHas) {
					t.Errorf("fixed text lacks %q:\n%s", tc.fixedHas, fixed)
				}
				if again := run(t, fixed, p); len(again) != 0 {
					t.Errorf("after the fix: %v", codes(again))
				}
			}
		})
	}
}

func TestEveryCodeHasSeverityAndMessages(t *testing.T) {
	all := []string{
		FrontMatterMissing, FrontMatterUnsupportedFormat, FrontMatterSyntax, FrontMatterRequired, FrontMatterType,
		FrontMatterDateFormat, FrontMatterDateFuture, FrontMatterVocabulary, FrontMatterDuplicateValue, FrontMatterLength,
		FrontMatterUnknownKey, FrontMatterImageMissing, FootnoteUndefined, FootnoteUnused, FootnoteDuplicate,
		CitationFormat, CitationURL, CitationPublishedInvalid, CitationPublishedAfterArticle, CitationRetrievedMissing,
		CitationRetrievedInvalid, CitationRetrievedFuture, CitationRetrievedBeforePublished, CitationRetrievedAfterArticle,
		CitationRetrievedStale, CitationDuplicateURL, MarkdownCJKEmphasis,
	}
	if len(all) != len(Severities) {
		t.Errorf("%d codes listed, %d with severities", len(all), len(Severities))
	}
	for _, code := range all {
		if Severities[code] == "" {
			t.Errorf("%s has no severity", code)
		}
		found := false
		for key, m := range messages {
			if key == code || strings.HasPrefix(key, code+":") {
				found = true
				if m[0] == "" || m[1] == "" {
					t.Errorf("%s: missing a language", key)
				}
				if strings.Count(m[0], "{") != strings.Count(m[1], "{") {
					t.Errorf("%s: the two languages use different parameters", key)
				}
			}
		}
		if !found {
			t.Errorf("%s has no message", code)
		}
	}
}

func TestChineseMessages(t *testing.T) {
	text := mutate(t, fixture(t, "clean.md"), "检索日期2025/6/18", "检索日期2025/6/29")
	ds, err := Text([]byte(text), profile.Default(), Options{Today: testToday, Lang: NormalizeLang("zh_CN.UTF-8")})
	if err != nil {
		t.Fatal(err)
	}
	d, ok := find(ds, CitationRetrievedFuture)
	if !ok || !strings.Contains(d.Message, "晚于今天（2025/6/28）") {
		t.Fatalf("%+v", ds)
	}
	for _, d := range ds {
		if strings.Contains(d.Message, "{") {
			t.Errorf("unfilled parameter: %s", d.Message)
		}
	}
}

// An article dated early on the 28th in Shanghai is on the 28th, whatever
// offset it is written with; retrieval that day is not "after the article".
func TestCalendarDaysInProfileZone(t *testing.T) {
	for _, date := range []string{"2025-06-28T07:30:00+08:00", "2025-06-27T23:30:00Z"} {
		text := mutate(t, fixture(t, "clean.md"),
			"date: 2025-06-20T09:30:00+08:00", "date: "+date,
			"（2025/5/29）·检索日期2025/6/18", "（2025/5/29）·检索日期2025/6/28")
		if ds := run(t, text, nil); len(ds) != 0 {
			t.Errorf("%s: %v", date, codes(ds))
		}
	}
	// Today defaults from Now in the profile's zone: 2025-06-27T20:00Z is the 28th in Shanghai.
	text := mutate(t, fixture(t, "clean.md"), "检索日期2025/6/18", "检索日期2025/6/28")
	now := time.Date(2025, 6, 27, 20, 0, 0, 0, time.UTC)
	ds, _ := Text([]byte(text), profile.Default(), Options{Now: now})
	if slices.Contains(codes(ds), CitationRetrievedFuture) {
		t.Errorf("retrieval on the 28th flagged as future at %v: %v", now, codes(ds))
	}
}

func TestImageMissingOnlyWithKnownSite(t *testing.T) {
	text := fixture(t, "clean.md")
	site := t.TempDir()
	os.WriteFile(filepath.Join(site, profile.FileName), []byte("site:\n  root: .\n"), 0o644)
	p, err := profile.Load(filepath.Join(site, profile.FileName))
	if err != nil {
		t.Fatal(err)
	}
	ds := run(t, text, p)
	d, ok := find(ds, FrontMatterImageMissing)
	if !ok || len(ds) != 1 || d.Line != 5 || d.Column != 17 || d.Field != "featured_image" || d.Severity != Warning {
		t.Fatalf("%+v", ds)
	}
	os.MkdirAll(filepath.Join(site, "static", "images"), 0o755)
	os.WriteFile(filepath.Join(site, "static", "images", "chips-export.png"), []byte("png"), 0o644)
	if ds := run(t, text, p); len(ds) != 0 {
		t.Fatalf("image present: %v", codes(ds))
	}
}

func TestDiagnosticsSortedByPosition(t *testing.T) {
	text := mutate(t, fixture(t, "clean.md"),
		"检索日期2025/6/18", "检索日期2025/13/1",
		"draft: false", "draft: yes",
		"相对更快。", "相对更快[^7]。")
	ds := run(t, text, nil)
	if len(ds) != 3 {
		t.Fatalf("%v", codes(ds))
	}
	for i := 1; i < len(ds); i++ {
		if ds[i].Line < ds[i-1].Line {
			t.Errorf("not sorted: %v", ds)
		}
	}
}

// CRLF line endings and a byte order mark change nothing: same diagnostics,
// same lines and columns (the BOM is not a column), fixes still apply.
func TestCRLFAndBOM(t *testing.T) {
	base := mutate(t, fixture(t, "clean.md"), "draft: false", "draft: yes", "检索日期2025/6/18", "检索日期2025/13/1")
	want := run(t, base, nil)
	text := "\ufeff" + strings.ReplaceAll(base, "\n", "\r\n")
	got := run(t, text, nil)
	if len(got) != len(want) || len(got) != 2 {
		t.Fatalf("got %v, want %v", codes(got), codes(want))
	}
	for i := range got {
		if got[i].Code != want[i].Code || got[i].Line != want[i].Line || got[i].Column != want[i].Column {
			t.Errorf("%s at %d:%d, want %d:%d", got[i].Code, got[i].Line, got[i].Column, want[i].Line, want[i].Column)
		}
	}
	fixed := string(Apply([]byte(text), got[0].Fix))
	if !strings.Contains(fixed, "\r\ndraft: true\r\n") || !strings.HasPrefix(fixed, "\ufeff---\r\n") {
		t.Errorf("fix broke CRLF/BOM: %q", fixed[:80])
	}
}

func TestFilesConcurrentMatchesSequential(t *testing.T) {
	dir := t.TempDir()
	clean := fixture(t, "clean.md")
	variants := []string{
		clean,
		mutate(t, clean, "检索日期2025/6/18", "检索日期2025/5/28"),
		mutate(t, clean, "“特供版”GPU再度受限。国内", "**“特供版”**GPU再度受限。国内"),
		mutate(t, clean, "draft: false", "draft: yes"),
	}
	var files []string
	for i := 0; i < 40; i++ {
		path := filepath.Join(dir, fmt.Sprintf("%02d.md", i))
		os.WriteFile(path, []byte(variants[i%len(variants)]), 0o644)
		files = append(files, path)
	}
	collected, _ := site.Collect([]string{dir})
	var got []string
	for _, f := range collected {
		got = append(got, f.Path)
	}
	if !slices.Equal(got, files) {
		t.Fatalf("Collect order %v", got)
	}
	seq := Files(files, FilesOptions{Today: testToday, Workers: 1})
	par := Files(files, FilesOptions{Today: testToday, Workers: 4})
	for i := range files {
		if !slices.Equal(codes(seq[i].Diagnostics), codes(par[i].Diagnostics)) || seq[i].Path != files[i] || par[i].Path != files[i] {
			t.Fatalf("%d: %v vs %v", i, codes(seq[i].Diagnostics), codes(par[i].Diagnostics))
		}
	}
	if len(seq[1].Diagnostics) != 1 || len(seq[2].Diagnostics) != 1 || len(seq[3].Diagnostics) != 1 || len(seq[0].Diagnostics) != 0 {
		t.Fatalf("variants: %v %v %v %v", codes(seq[0].Diagnostics), codes(seq[1].Diagnostics), codes(seq[2].Diagnostics), codes(seq[3].Diagnostics))
	}
}

func TestRenumberFix(t *testing.T) {
	text := []byte(mutate(t, fixture(t, "clean.md"), "采购计划[^1]。", "采购计划[^3]。", "不确定性[^3]。", "不确定性[^1]。"))
	fix, err := RenumberFix(text, LangEN)
	if err != nil || fix == nil || len(fix.Edits) != 1 {
		t.Fatalf("fix %+v, err %v", fix, err)
	}
	fixed := Apply(text, fix)
	if !strings.Contains(string(fixed), "采购计划[^1]。") || !strings.Contains(string(fixed), "\n[^1]: [Nvidia Says") {
		t.Errorf("not renumbered:\n%s", fixed)
	}
	if ds := run(t, string(fixed), nil); len(ds) != 0 {
		t.Errorf("renumbered text: %v", codes(ds))
	}
	if again, err := RenumberFix(fixed, LangEN); err != nil || again != nil {
		t.Errorf("second renumber: %+v %v", again, err)
	}
}

func TestDiffFixAppliesExactly(t *testing.T) {
	pairs := [][2]string{
		{"draft: yes\n", "draft: true\n"},
		{"标题：甲乙丙", "标题：甲丁丙"},
		{"中文", "中文字"},
		{"中文字", "中字"},
		{"", "全新"},
		{"全部删除", ""},
		{"\u4e2d", "\u4e3a"}, // same first two bytes: the edit must start at the rune
	}
	for _, p := range pairs {
		fix := diffFix("t", []byte(p[0]), []byte(p[1]))
		if got := string(Apply([]byte(p[0]), fix)); got != p[1] {
			t.Errorf("%q -> %q: got %q", p[0], p[1], got)
		}
		for _, e := range fix.Edits {
			if !utf8.ValidString(e.Insert) {
				t.Errorf("%q -> %q: edit splits a character: %+v", p[0], p[1], e)
			}
		}
	}
}

func TestDiagnosticsPerCodeAreBounded(t *testing.T) {
	text := fixture(t, "clean.md") + strings.Repeat("又一处未定义的引用[^x]。\n\n", 2000)
	ds := run(t, text, nil)
	if len(ds) != MaxPerCode {
		t.Fatalf("%d diagnostics", len(ds))
	}
}

// A 10 MB file full of emphasis next to punctuation is checked (the
// emphasis parse, quadratic in a paragraph's length, is skipped beyond
// MaxEmphasisBody) and yields no false findings.
func TestHugeBody(t *testing.T) {
	line := "文字，**强调**的“**引号**”[^1]。\n\n"
	text := fixture(t, "clean.md") + strings.Repeat(line, (10<<20-8192)/len(line))
	ds := run(t, text, nil)
	if len(ds) != 0 {
		t.Errorf("%v", codes(ds)[:1])
	}
}

func TestNormalizeURL(t *testing.T) {
	same := [][2]string{
		{"https://Example.COM/a/", "https://example.com/a"},
		{"HTTPS://example.com/a#part", "https://example.com/a"},
		{"<https://example.com/a>", "https://example.com/a/"},
	}
	for _, p := range same {
		if normalizeURL(p[0]) != normalizeURL(p[1]) {
			t.Errorf("%q and %q differ: %q %q", p[0], p[1], normalizeURL(p[0]), normalizeURL(p[1]))
		}
	}
	different := [][2]string{
		{"https://example.com/A", "https://example.com/a"},
		{"http://example.com/a", "https://example.com/a"},
		{"https://example.com/a?x=1", "https://example.com/a?x=2"},
		{"https://www.example.com/a", "https://example.com/a"},
	}
	for _, p := range different {
		if normalizeURL(p[0]) == normalizeURL(p[1]) {
			t.Errorf("%q and %q must stay different", p[0], p[1])
		}
	}
}
