package profile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"copydesk/backend/citation"
	"copydesk/backend/typography"
)

func TestDefaultIsTheHouseStyle(t *testing.T) {
	p := Default()
	if p.TimeZone.String() != "Asia/Shanghai" || p.StaleDays != 30 || p.CitationsHeading != "## 引文部分" {
		t.Fatalf("defaults: %v %d %q", p.TimeZone, p.StaleDays, p.CitationsHeading)
	}
	if p.Style != citation.DefaultStyle() || p.ArchiveEndpoint != "https://archive.org/wayback/available" {
		t.Fatalf("style/archive: %#v %q", p.Style, p.ArchiveEndpoint)
	}
	wantOrder := []string{"title", "date", "draft", "featured_image", "summary", "tags", "main_topics"}
	if !slices.Equal(p.KeyOrder, wantOrder) {
		t.Fatalf("key order %v", p.KeyOrder)
	}
	for _, k := range wantOrder {
		f, ok := p.Field(k)
		if !ok || f.Required != (k != "featured_image") {
			t.Errorf("field %s: %+v %v", k, f, ok)
		}
	}
	topics, _ := p.Field("main_topics")
	if !slices.Equal(topics.Vocabulary, []string{"前沿模型与算法", "算力与芯片", "产业生态与商业版图"}) {
		t.Errorf("vocabulary %v", topics.Vocabulary)
	}
	if p.SiteRoot != "" || p.ImagePath("images/a.png") != "" {
		t.Error("built-in profile must not know a site")
	}
	// Two Default() calls must not share slices.
	p.Fields[6].Vocabulary[0] = "changed"
	if q, _ := Default().Field("main_topics"); q.Vocabulary[0] != "前沿模型与算法" {
		t.Error("Default shares state")
	}
}

func TestTodayIsInTheProfileZone(t *testing.T) {
	p := Default()
	// 2025-06-27T23:30Z is already the 28th in Shanghai.
	now := time.Date(2025, 6, 27, 23, 30, 0, 0, time.UTC)
	if got := p.Today(now); got != (citation.Date{Year: 2025, Month: 6, Day: 28}) {
		t.Errorf("Today = %v", got)
	}
}

func TestZoneLessProfileUsesTheHouseZone(t *testing.T) {
	// A profile built in code without a zone must still judge days in the
	// house zone, not UTC: 23:30Z on the 27th is the 28th in Shanghai.
	for _, p := range []*Profile{nil, {StaleDays: DefaultStaleDays}} {
		now := time.Date(2025, 6, 27, 23, 30, 0, 0, time.UTC)
		if got := p.Today(now); got != (citation.Date{Year: 2025, Month: 6, Day: 28}) {
			t.Errorf("Today = %v, want 2025/6/28 (zone %v)", got, p.Location())
		}
	}
}

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadExample(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("copydesk.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := write(t, dir, FileName, string(data))
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Path != path || p.SiteRoot != dir || p.StaticDir != filepath.Join(dir, "static") {
		t.Errorf("paths: %q %q %q", p.Path, p.SiteRoot, p.StaticDir)
	}
	title, _ := p.Field("title")
	if title.MaxLen != 60 || !title.Required || title.Type != TypeString {
		t.Errorf("title merged wrongly: %+v", title)
	}
	topics, _ := p.Field("main_topics")
	if !slices.Equal(topics.Vocabulary, []string{"前沿模型与算法", "算力与芯片", "产业生态与商业版图", "政策与监管"}) {
		t.Errorf("vocabulary %v", topics.Vocabulary)
	}
	tags, _ := p.Field("tags")
	if tags.MinItems != 3 || tags.MaxItems != 10 || !tags.Unique {
		t.Errorf("tags %+v", tags)
	}
	if f, ok := p.Field("series"); !ok || f.Type != TypeAny {
		t.Errorf("series %+v", f)
	}
	if f, ok := p.Field("lastmod"); !ok || f.Type != TypeDate || f.Required {
		t.Errorf("lastmod %+v", f)
	}
	if p.KeyOrder[2] != "lastmod" || len(p.KeyOrder) != 9 {
		t.Errorf("key order %v", p.KeyOrder)
	}
	if p.ImagePath("images/a b.png") != filepath.Join(dir, "static", "images", "a b.png") {
		t.Errorf("image path %q", p.ImagePath("images/a b.png"))
	}
	ty := p.Typography
	for rule, off := range ty.Off {
		if off {
			t.Errorf("the example switches %s off", rule)
		}
	}
	if ty.Spacing != typography.SpacingNone || !slices.Equal(ty.FrontMatter, []string{"title", "summary"}) ||
		len(ty.Off) != len(typography.Codes) {
		t.Errorf("typography %+v", ty)
	}
}

func TestTypographySection(t *testing.T) {
	if d := Default().Typography; d.Spacing != typography.SpacingNone || len(d.Off) != 0 ||
		!slices.Equal(d.FrontMatter, []string{"title", "summary"}) {
		t.Errorf("built-in typography %+v", d)
	}
	dir := t.TempDir()
	p, err := Load(write(t, dir, FileName, "typography:\n  cjk_latin_space: always\n  front_matter: [title]\n  rules: {quotes: false, ellipsis: true}\n"))
	if err != nil {
		t.Fatal(err)
	}
	ty := p.Typography
	if ty.Spacing != typography.SpacingAlways || !slices.Equal(ty.FrontMatter, []string{"title"}) || !ty.Off["quotes"] || ty.Off["ellipsis"] {
		t.Errorf("typography %+v", ty)
	}
	// Another profile is not affected (no shared map or slice).
	if d := Default().Typography; len(d.Off) != 0 || len(d.FrontMatter) != 2 {
		t.Errorf("built-in typography changed: %+v", d)
	}
}

func TestLoadOverrides(t *testing.T) {
	dir := t.TempDir()
	path := write(t, dir, "p/copydesk.yaml", `time_zone: Europe/Berlin
stale_days: 7
site:
  root: ../site
  static: assets/static
  drafts: 文章/2025/
  hugo: bin/hugo
citations:
  separator: " | "
  date_format: YYYY-MM-DD
fields:
  main_topics:
    vocabulary: [甲, 乙]
  featured_image:
    required: true
`)
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.TimeZone.String() != "Europe/Berlin" || p.StaleDays != 7 {
		t.Errorf("zone/stale %v %d", p.TimeZone, p.StaleDays)
	}
	if p.SiteRoot != filepath.Join(dir, "site") || p.StaticDir != filepath.Join(dir, "site", "assets", "static") {
		t.Errorf("site %q %q", p.SiteRoot, p.StaticDir)
	}
	if p.DraftsDir != "文章/2025" || p.Hugo != filepath.Join(dir, "p", "bin", "hugo") {
		t.Errorf("drafts %q hugo %q", p.DraftsDir, p.Hugo)
	}
	if p.Style.Separator != " | " || p.Style.RetrievedLabel != "检索日期" || p.Style.DateLayout != citation.LayoutISO {
		t.Errorf("style %#v", p.Style)
	}
	topics, _ := p.Field("main_topics")
	img, _ := p.Field("featured_image")
	if !slices.Equal(topics.Vocabulary, []string{"甲", "乙"}) || !img.Required {
		t.Errorf("fields %+v %+v", topics, img)
	}
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, text string
		line       int
		want       string
	}{
		{"syntax", "time_zone: Asia/Shanghai\nstale_days: a: b\n", 2, "YAML syntax: mapping values"},
		{"unknown setting", "time_zone: Asia/Shanghai\nstale_dayz: 30\n", 2, `unknown setting "stale_dayz"`},
		{"bad zone", "time_zone: Mars/Olympus\n", 1, "unknown time zone"},
		{"negative stale", "\n\nstale_days: -1\n", 3, "whole number"},
		{"quoted number", "stale_days: \"30\"\n", 1, "whole number"},
		{"bad type", "fields:\n  title:\n    type: text\n", 3, `"text" is not one of`},
		{"unknown property", "fields:\n  title:\n    maxlen: 3\n", 3, `unknown property "maxlen"`},
		{"bad bool", "fields:\n  title:\n    required: yes\n", 3, "true or false"},
		{"unique on string", "fields:\n  title:\n    unique: true\n", 3, "lists only"},
		{"not a mapping", "- a\n- b\n", 1, "mapping"},
		{"duplicate key", "stale_days: 1\nstale_days: 2\n", 2, "given twice"},
		{"key order incomplete", "key_order: [title, date]\n", 1, `"draft" is missing`},
		{"bad date format", "citations:\n  date_format: D.M.YYYY\n", 2, "not one of"},
		{"archive on capture not bool", "links:\n  archive_on_capture: sometimes\n", 2, "true or false"},
		{"unknown links setting", "links:\n  archive: x\n", 2, `unknown setting "archive"`},
		{"outlet host with a path", "outlets:\n  nytimes.com/world: The New York Times\n", 2, "not a host name"},
		{"outlet without a name", "outlets:\n  example.com: \"\"\n", 2, "is empty"},
		{"archive not http", "links:\n  archive_endpoint: ftp://x\n", 2, "not an http(s) URL"},
		{"allow_private not a bool", "links:\n  allow_private: yes\n", 2, "true or false"},
		{"empty separator", "citations:\n  separator: \"\"\n", 2, "must not be empty"},
		{"bad spacing", "typography:\n  cjk_latin_space: sometimes\n", 2, `"sometimes" is not one of none, always, ignore`},
		{"unknown rule", "typography:\n  rules:\n    quote: false\n", 3, `unknown rule "quote" (known: halfwidth_punctuation`},
		{"rule not bool", "typography:\n  rules:\n    quotes: off\n", 3, "typography.rules.quotes: expected true or false"},
		{"unknown typography setting", "typography:\n  spacing: none\n", 2, `typography: unknown setting "spacing"`},
		{"front matter not list", "typography:\n  front_matter: title\n", 2, "typography.front_matter: expected a list"},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		path := write(t, dir, FileName, tt.text)
		_, err := Load(path)
		var le *LoadError
		if !errors.As(err, &le) {
			t.Errorf("%s: err = %v, want LoadError", tt.name, err)
			continue
		}
		if le.Line != tt.line || !strings.Contains(le.Msg, tt.want) || !strings.HasPrefix(err.Error(), path+":") {
			t.Errorf("%s: got %q (line %d), want line %d containing %q", tt.name, err, le.Line, tt.line, tt.want)
		}
	}
}

func TestLoadRefusesHugeFile(t *testing.T) {
	path := write(t, t.TempDir(), FileName, "# "+strings.Repeat("x", maxProfileSize)+"\n")
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "larger than 1 MB") {
		t.Errorf("err = %v", err)
	}
}

func TestLoadOutletsAndCaptureSettings(t *testing.T) {
	path := write(t, t.TempDir(), FileName, "links:\n  archive_on_capture: true\n  archive_save_endpoint: http://127.0.0.1:9/save\n"+
		"outlets:\n  WWW.Caixin.com: 财新网\n  thepaper.cn: \" 澎湃新闻 \"\n")
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !p.ArchiveOnCapture || p.ArchiveSaveURL != "http://127.0.0.1:9/save" ||
		p.Outlets["caixin.com"] != "财新网" || p.Outlets["thepaper.cn"] != "澎湃新闻" || len(p.Outlets) != 2 {
		t.Errorf("profile: on=%v save=%q outlets=%v", p.ArchiveOnCapture, p.ArchiveSaveURL, p.Outlets)
	}
	if d := Default(); d.ArchiveOnCapture || d.ArchiveSaveURL != DefaultArchiveSaveURL || d.Outlets == nil {
		t.Errorf("built-in profile: on=%v save=%q", d.ArchiveOnCapture, d.ArchiveSaveURL)
	}
}

func TestFindWalksUp(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, FileName, "stale_days: 5\n")
	deep := filepath.Join(dir, "content", "posts", "2025")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	p, err := Find(deep)
	if err != nil || p.StaleDays != 5 || p.Path != filepath.Join(dir, FileName) {
		t.Fatalf("Find = %+v, %v", p, err)
	}
	// A broken profile is an error, not a silent fallback.
	write(t, dir, FileName, "stale_days: x\n")
	if _, err := Find(deep); err == nil {
		t.Error("broken profile accepted")
	}
}

func TestFindWithoutProfileUsesDefaultAndDetectsHugoSite(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "notes")
	os.MkdirAll(plain, 0o755)
	p, err := Find(plain)
	if err != nil || p.Path != "" || p.SiteRoot != "" {
		t.Fatalf("plain folder: %+v %v", p, err)
	}
	site := filepath.Join(dir, "site")
	write(t, site, "hugo.toml", "title = 'x'\n")
	posts := filepath.Join(site, "content", "posts")
	os.MkdirAll(posts, 0o755)
	p, err = Find(posts)
	if err != nil || p.SiteRoot != site || p.StaticDir != filepath.Join(site, "static") {
		t.Fatalf("hugo site: %+v %v", p, err)
	}
}

func TestLoadBOMAndCRLF(t *testing.T) {
	path := write(t, t.TempDir(), FileName, "\ufeffstale_days: 9\r\nfields:\r\n  title:\r\n    max_length: 40\r\n")
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	title, _ := p.Field("title")
	if p.StaleDays != 9 || title.MaxLen != 40 {
		t.Errorf("%d %+v", p.StaleDays, title)
	}
}

func TestSiteDraftsFolder(t *testing.T) {
	dir := t.TempDir()
	for value, want := range map[string]string{"posts": "posts", ".": "", "a/./b": "a/b", "../x": "error", "/abs": "error", "a/../../b": "error"} {
		path := write(t, dir, "copydesk.yaml", "site:\n  root: .\n  drafts: "+value+"\n")
		p, err := Load(path)
		switch {
		case want == "error" && err == nil:
			t.Errorf("drafts %q accepted as %q", value, p.DraftsDir)
		case want == "error":
			if !strings.Contains(err.Error(), "copydesk.yaml:3") {
				t.Errorf("drafts %q: error without the line: %v", value, err)
			}
		case err != nil || p.DraftsDir != want:
			t.Errorf("drafts %q: %q, %v (want %q)", value, p.DraftsDir, err, want)
		}
	}
	if p := Default(); p.DraftsDir != "posts" || p.Hugo != "" {
		t.Errorf("defaults: %q %q", p.DraftsDir, p.Hugo)
	}
}

func TestLinksAllowPrivate(t *testing.T) {
	if Default().LinksAllowPrivate {
		t.Error("the built-in profile lets the link checker reach private addresses")
	}
	p, err := Load(write(t, t.TempDir(), FileName, "links:\n  allow_private: true\n"))
	if err != nil || !p.LinksAllowPrivate {
		t.Errorf("%+v, %v", p, err)
	}
}

// A FIFO named as the profile is refused at once, not waited on.
func TestLoadRefusesAFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := Load(path); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") || !strings.HasPrefix(err.Error(), path+":") {
			t.Errorf("err = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocked on a FIFO")
	}
}

// site.images names the folder images are copied into, relative to the site
// root like static, and must stay inside the static folder Hugo serves.
func TestSiteImagesFolder(t *testing.T) {
	dir := t.TempDir()
	for value, want := range map[string]string{
		"":                  filepath.Join(dir, "static", "images"),
		"static/images":     filepath.Join(dir, "static", "images"),
		"static/img/文章":     filepath.Join(dir, "static", "img", "文章"),
		"static":            filepath.Join(dir, "static"),
		"content/images":    "error",
		"static/../images":  "error",
		"/elsewhere/images": "error",
	} {
		text := "site:\n  root: .\n  images: " + value + "\n"
		if value == "" {
			text = "site:\n  root: .\n"
		}
		p, err := Load(write(t, dir, "copydesk.yaml", text))
		switch {
		case want == "error" && err == nil:
			t.Errorf("images %q accepted as %q", value, p.ImagesFolder())
		case want == "error":
			if !strings.Contains(err.Error(), "copydesk.yaml:3") || !strings.Contains(err.Error(), "site.images") {
				t.Errorf("images %q: error without the key and line: %v", value, err)
			}
		case err != nil || p.ImagesFolder() != want:
			t.Errorf("images %q: %q, %v (want %q)", value, p.ImagesFolder(), err, want)
		}
	}
	if Default().ImagesFolder() != "" {
		t.Error("no site, yet an images folder")
	}
}
