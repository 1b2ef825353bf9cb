package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/backend/library"
)

type importEvents struct {
	nopPlatform
	events []string
}

func (r *importEvents) Emit(name string, data any) { r.events = append(r.events, name) }

func newTestLibrary(t *testing.T) *LibraryService {
	t.Helper()
	editor := newEditorService(newSiteWorkspace(openWorkspaceFromEnvironment))
	editor.now = func() time.Time { return time.Date(2025, 7, 8, 1, 30, 0, 0, time.UTC) }
	s := newLibraryService(filepath.Join(t.TempDir(), "library.db"), editor)
	t.Cleanup(s.close)
	return s
}

func TestLibraryServiceDraftLifecycle(t *testing.T) {
	s := newTestLibrary(t)
	d, err := s.NewFromTemplate()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "\ndate: 2025-07-08T09:30:00+08:00\n") {
		t.Fatalf("template not dated now in +08:00:\n%.200s", d.Text)
	}
	rows, err := s.List(DraftFilter{})
	if err != nil || len(rows) != 1 || rows[0].Errors != 0 || rows[0].Warnings != 0 {
		t.Fatalf("list after create: %+v, %v", rows, err)
	}

	saved, err := s.Save(d.ID, d.Text+"\n补充。\n", d.Version, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(d.ID, d.Text+"\n另一处修改。\n", d.Version, false); err == nil ||
		!strings.Contains(err.Error(), `"code":"draft.conflict"`) {
		t.Fatalf("stale save: %v, want a draft.conflict code", err)
	}
	got, err := s.Get(d.ID)
	if err != nil || got.Text != saved.Text {
		t.Fatalf("a refused save changed the draft: %v", err)
	}
	lib, _ := s.open()
	revs, err := lib.Revisions(context.Background(), d.ID)
	if err != nil || len(revs) < 2 {
		t.Fatalf("an explicit save should record a revision: %d revisions, %v", len(revs), err)
	}

	if found, _ := s.List(DraftFilter{Query: "端侧"}); len(found) != 1 {
		t.Fatalf("two-character search found %d drafts", len(found))
	}
	if found, _ := s.List(DraftFilter{Query: "模型压缩"}); len(found) != 1 {
		t.Fatalf("four-character search found %d drafts", len(found))
	}
	if tags, _ := s.Tags(); len(tags) != 4 {
		t.Fatalf("tags %v", tags)
	}

	dup, err := s.Duplicate(d.ID)
	if err != nil || !strings.Contains(dup.Title, "副本") {
		t.Fatalf("duplicate: %+v %v", dup, err)
	}
	if err := s.Trash(dup.ID); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.List(DraftFilter{}); len(rows) != 1 {
		t.Fatalf("trashed draft still listed")
	}
	if rows, _ := s.List(DraftFilter{Trashed: true}); len(rows) != 1 || rows[0].ID != dup.ID {
		t.Fatalf("trash list: %+v", rows)
	}
	if err := s.Restore(dup.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(9999); err == nil || !strings.Contains(err.Error(), "draft.not_found") {
		t.Fatalf("missing draft: %v", err)
	}
}

func TestLibraryServiceImportFiles(t *testing.T) {
	s := newTestLibrary(t)
	rec := &importEvents{}
	s.platform = rec
	text := "---\ntitle: 上传的文章\ndate: 2025-07-01T08:00:00+08:00\ndraft: true\n---\n\n正文。\n"
	sum, err := s.ImportFiles([]UploadedFile{
		{Name: "posts/a.md", Text: text},
		{Name: "../evil.md", Text: text},
		{Name: "/etc/passwd.md", Text: text},
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Total != 3 || sum.Created != 1 || len(sum.Failed) != 2 {
		t.Fatalf("summary %+v", sum)
	}
	rows, _ := s.List(DraftFilter{})
	if len(rows) != 1 || rows[0].Path != "posts/a.md" {
		t.Fatalf("imported %+v", rows)
	}
	if len(rec.events) == 0 {
		t.Errorf("no import-progress events sent")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(os.TempDir()), "evil.md")); err == nil {
		t.Errorf("a file escaped the upload folder")
	}
}

// Every uploaded file is either imported or named in the summary: two names
// for one path must not overwrite each other, and files the folder import
// skips (not *.md, hidden) must not vanish.
func TestLibraryServiceImportFilesAccountsForEveryFile(t *testing.T) {
	s := newTestLibrary(t)
	first := "---\ntitle: 第一篇\ndate: 2025-07-01T08:00:00+08:00\ndraft: true\n---\n\n第一篇的正文。\n"
	second := "---\ntitle: 第二篇\ndate: 2025-07-02T08:00:00+08:00\ndraft: true\n---\n\n第二篇的正文。\n"
	sum, err := s.ImportFiles([]UploadedFile{
		{Name: "posts/a.md", Text: first},
		{Name: "posts//a.md", Text: second},
		{Name: "notes.txt", Text: second},
		{Name: "posts/.hidden.md", Text: second},
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Total != 4 || sum.Created != 1 || len(sum.Failed) != 3 {
		t.Fatalf("summary %+v, want 1 created and 3 named failures", sum)
	}
	failed := map[string]bool{}
	for _, f := range sum.Failed {
		failed[f.Path] = true
	}
	for _, name := range []string{"posts//a.md", "notes.txt", "posts/.hidden.md"} {
		if !failed[name] {
			t.Errorf("%s is not named in the failures %+v", name, sum.Failed)
		}
	}
	rows, _ := s.List(DraftFilter{})
	if len(rows) != 1 {
		t.Fatalf("imported %+v", rows)
	}
	d, err := s.Get(rows[0].ID)
	if err != nil || d.Text != first {
		t.Errorf("the first upload's text was replaced: %q (%v)", d.Text, err)
	}
}

// Drafts imported on the command line (which defers full-text indexing) are
// indexed in the background once the app opens the library.
func TestOpenIndexesPendingDrafts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	src := filepath.Join(dir, "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	article := "---\ntitle: 延迟索引\ndate: 2025-06-27T20:10:05+08:00\ndraft: true\nsummary: 摘要\ntags:\n  - 测试\nmain_topics:\n  - 算力与芯片\n---\n\n正文里有一个独特的词：量子退火芯片。\n"
	if err := os.WriteFile(filepath.Join(src, "a.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err := library.Open(db, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Import(context.Background(), []string{src}, nil); err != nil {
		t.Fatal(err)
	}
	if n, _ := lib.PendingIndex(context.Background()); n != 1 {
		t.Fatalf("pending after import = %d, want 1 (import defers indexing)", n)
	}
	lib.Close()

	s := newLibraryService(db, newEditorService(newSiteWorkspace(openWorkspaceFromEnvironment)))
	s.indexDelay = 0
	opened, err := s.open()
	if err != nil {
		t.Fatal(err)
	}
	s.indexing.Wait() // the background indexing of this open
	if n, _ := opened.PendingIndex(context.Background()); n != 0 {
		t.Fatalf("pending after open = %d, want 0", n)
	}
	s.close()
}
