package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"copydesk/backend/library"
	"copydesk/backend/profile"
	"copydesk/backend/workspace"
)

// newTestEditor uses the built-in profile (optionally with a site's static
// folder) instead of looking for copydesk.yaml around the test's folder.
func newTestEditor(t *testing.T, staticDir string) *EditorService {
	t.Helper()
	p := profile.Default()
	p.StaticDir = staticDir
	s := newEditorService(newSiteWorkspace(func() (*workspace.Workspace, error) { return workspace.For(p, ""), nil }))
	s.now = func() time.Time { return time.Date(2025, 7, 8, 1, 30, 0, 0, time.UTC) }
	return s
}

// units is the UTF-16 length of s, as the editor counts positions.
func units(s string) int { return len(utf16.Encode([]rune(s))) }

func TestInspectTemplate(t *testing.T) {
	s := newTestEditor(t, "")
	text, err := library.Template(s.profile(), s.now())
	if err != nil {
		t.Fatal(err)
	}
	x, err := s.Inspect(text, "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	if x.FrontMatter != "ok" || len(x.Problems) != 0 {
		t.Fatalf("front matter %q, problems %+v", x.FrontMatter, x.Problems)
	}
	byKey := map[string]FieldValue{}
	for _, f := range x.Fields {
		byKey[f.Key] = f
	}
	if d := byKey["date"]; d.Local != "2025-07-08T09:30:00" || !d.HasOffset {
		t.Errorf("date field %+v", d)
	}
	if d := byKey["draft"]; d.Kind != "bool" || !d.Bool {
		t.Errorf("draft field %+v", d)
	}
	if tags := byKey["tags"]; tags.Kind != "list" || len(tags.Items) != 4 {
		t.Errorf("tags field %+v", tags)
	}
	if x.Counts.Han < 500 || x.Counts.ReadingMinutes < 1 {
		t.Errorf("counts %+v", x.Counts)
	}
	if !strings.Contains(x.Preview.HTML, `class="footnote-ref"`) || !strings.Contains(x.Preview.HTML, "<h3") {
		t.Errorf("preview lacks footnotes or sections:\n%.300s", x.Preview.HTML)
	}
}

// Positions crossing to the editor are UTF-16 offsets, so a quick fix lands
// on the right characters after Chinese text and emoji.
func TestProblemPositionsAreUTF16(t *testing.T) {
	s := newTestEditor(t, "")
	text := "---\ntitle: 标题😀测试\ndate: 2025-07-08T09:30:00\ndraft: true\nsummary: 摘要\ntags:\n  - 标签\nmain_topics:\n  - 算力与芯片\n---\n\n正文。\n"
	x, err := s.Inspect(text, "en")
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, p := range x.Problems {
		if p.Code != "frontmatter.date_format" {
			continue
		}
		found = true
		if p.Fix == nil || len(p.Fix.Edits) == 0 {
			t.Fatalf("no quick fix: %+v", p)
		}
		// Apply the fix the way the editor does: on UTF-16 positions.
		u := utf16.Encode([]rune(text))
		e := p.Fix.Edits[0]
		fixed := string(utf16.Decode(u[:e.From])) + e.Insert + string(utf16.Decode(u[e.To:]))
		if !strings.Contains(fixed, "\ndate: 2025-07-08T09:30:00+08:00\n") {
			t.Fatalf("fix applied at UTF-16 %d..%d gives:\n%s", e.From, e.To, fixed)
		}
		if want := units(text[:strings.Index(text, "2025-07-08")]); p.From != want {
			t.Errorf("problem starts at %d, want %d", p.From, want)
		}
	}
	if !found {
		t.Fatalf("no date_format problem in %+v", x.Problems)
	}
}

func TestFormEditsAreLossless(t *testing.T) {
	s := newTestEditor(t, "")
	text := "---\r\ntitle: 旧标题 # 注释\r\ndate: '2025-07-01'\r\ntags: [甲, 乙]\r\nextra: 保留\r\n---\r\n正文\r\n"
	out, err := s.SetString(text, "title", "新标题")
	if err != nil {
		t.Fatal(err)
	}
	if out != strings.Replace(text, "旧标题", "新标题", 1) {
		t.Fatalf("SetString changed more than the value:\n%q", out)
	}
	out, err = s.SetDate(out, "date", "2025-07-08T21:05")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "2025-07-08T21:05:00+08:00") || !strings.Contains(out, "extra: 保留\r\n") {
		t.Fatalf("SetDate: %q", out)
	}
	if _, err := s.SetDate(out, "date", "next tuesday"); err == nil || !strings.Contains(err.Error(), "form.bad_date") {
		t.Fatalf("bad picker value: %v", err)
	}
	out, err = s.SetList(out, "tags", []string{"甲", "乙", "丙"})
	if err != nil || !strings.Contains(out, "tags: [甲, 乙, 丙]\r\n") {
		t.Fatalf("SetList kept the flow style? %q %v", out, err)
	}
}

func TestImageDataStaysInStaticFolder(t *testing.T) {
	static := t.TempDir()
	png := []byte("\x89PNG\r\n\x1a\n")
	if err := os.MkdirAll(filepath.Join(static, "images"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(static, "images", "a.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(static), "secret.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	s := newTestEditor(t, static)
	if url, _ := s.ImageData("images/a.png"); !strings.HasPrefix(url, "data:image/png;base64,") {
		t.Errorf("thumbnail: %q", url)
	}
	// Links inside static/ that lead out of it: to a file, to a folder.
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "passwd.png"), []byte("root:x:0:0"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Symlink(filepath.Join(outside, "passwd.png"), filepath.Join(static, "leak.png"))
	os.Symlink(outside, filepath.Join(static, "images", "out"))
	// A link that stays inside is fine.
	os.Symlink(filepath.Join(static, "images", "a.png"), filepath.Join(static, "alias.png"))
	if url, _ := s.ImageData("alias.png"); !strings.HasPrefix(url, "data:image/png;base64,") {
		t.Errorf("a link inside static/: %q", url)
	}
	// The bytes decide, not the name.
	if err := os.WriteFile(filepath.Join(static, "images", "notes.png"), []byte("不是图片"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"images/notes.png", "../secret.png", "images/../../secret.png", "images/missing.png", "leak.png", "/leak.png", "images/out/passwd.png"} {
		if url, _ := s.ImageData(bad); url != "" {
			t.Errorf("%s gave a thumbnail", bad)
		}
	}
	if url, _ := newTestEditor(t, "").ImageData("images/a.png"); url != "" {
		t.Errorf("a thumbnail without a known site")
	}
}
