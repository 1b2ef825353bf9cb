package app

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

const exportArticle = "---\ntitle: 导出测试：存储芯片的周期\ndate: 2025-06-27T09:00:00+08:00\ndraft: true\nsummary: 摘要\n---\n\n存储芯片价格在二季度回升。\n"

type exportEvents struct {
	nopPlatform
	mu     sync.Mutex
	events []ExportProgress
}

func (r *exportEvents) Emit(name string, data any) {
	if p, ok := data.(ExportProgress); ok && name == "export-progress" {
		r.mu.Lock()
		r.events = append(r.events, p)
		r.mu.Unlock()
	}
}

func TestExportPreviewWriteConflict(t *testing.T) {
	lib := newTestLibrary(t)
	ex := newExportService(lib)
	out := filepath.Join(t.TempDir(), "content", "posts")
	d, err := lib.Create(exportArticle)
	if err != nil {
		t.Fatal(err)
	}

	p, err := ex.Preview(d.ID, out)
	if err != nil {
		t.Fatal(err)
	}
	if p.Status != ExportNew || !strings.HasSuffix(p.Target, ".md") || !filepath.IsAbs(p.Target) || p.DiskText != "" || p.Text != exportArticle {
		t.Fatalf("preview of a new file: %+v", p)
	}
	sum, err := ex.Export(d.ID, out, false)
	if err != nil || sum.Written != 1 || len(sum.Done) != 1 || len(sum.Conflicts)+len(sum.Failed) != 0 {
		t.Fatalf("export: %+v, %v", sum, err)
	}
	target := filepath.Join(out, filepath.FromSlash(sum.Done[0].Path))
	if target != p.Target {
		t.Fatalf("written to %s, preview said %s", target, p.Target)
	}
	if got, _ := os.ReadFile(target); string(got) != exportArticle {
		t.Fatalf("file bytes differ from the draft:\n%q", got)
	}
	if p, _ = ex.Preview(d.ID, out); p.Status != ExportIdentical || p.DiskText != exportArticle {
		t.Fatalf("preview after export: %+v", p)
	}

	// Our own next version replaces our own file.
	edited := strings.Replace(exportArticle, "回升", "继续回升", 1)
	if _, err := lib.Save(d.ID, edited, 1, false); err != nil {
		t.Fatal(err)
	}
	if p, _ = ex.Preview(d.ID, out); p.Status != ExportChanged || p.DiskText != exportArticle || p.Text != edited {
		t.Fatalf("preview of our changed text: %+v", p)
	}
	if sum, err = ex.Export(d.ID, out, false); err != nil || sum.Written != 1 {
		t.Fatalf("export of the change: %+v, %v", sum, err)
	}

	// Someone else edits the file: never clobbered without force.
	theirs := strings.Replace(edited, "继续回升", "由他人改写", 1)
	if err := os.WriteFile(target, []byte(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	mine := strings.Replace(edited, "继续回升", "第三次修改", 1)
	if _, err := lib.Save(d.ID, mine, 2, false); err != nil {
		t.Fatal(err)
	}
	if p, _ = ex.Preview(d.ID, out); p.Status != ExportConflict || p.DiskText != theirs {
		t.Fatalf("preview of someone else's file: %+v", p)
	}
	sum, err = ex.Export(d.ID, out, false)
	if err != nil || sum.Written != 0 || len(sum.Conflicts) != 1 || !strings.Contains(sum.Conflicts[0].Path, p.Path) {
		t.Fatalf("conflicting export: %+v, %v", sum, err)
	}
	if got, _ := os.ReadFile(target); string(got) != theirs {
		t.Fatal("a conflicting file was overwritten without force")
	}
	if sum, err = ex.Export(d.ID, out, true); err != nil || sum.Written != 1 {
		t.Fatalf("forced export: %+v, %v", sum, err)
	}
	if got, _ := os.ReadFile(target); string(got) != mine {
		t.Fatal("the forced export did not write the draft")
	}
}

func TestExportRefusesAndCodes(t *testing.T) {
	lib := newTestLibrary(t)
	ex := newExportService(lib)
	if _, err := ex.Preview(1, ""); err == nil || !strings.Contains(err.Error(), `"code":"export.no_folder"`) {
		t.Fatalf("no folder: %v", err)
	}
	file := filepath.Join(t.TempDir(), "plain.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ex.Export(1, file, false); err == nil || !strings.Contains(err.Error(), `"code":"export.folder"`) {
		t.Fatalf("a file as the folder: %v", err)
	}
	if _, err := ex.Preview(42, t.TempDir()); err == nil || !strings.Contains(err.Error(), `"code":"draft.not_found"`) {
		t.Fatalf("missing draft: %v", err)
	}
	if _, err := ex.PickFolder("选择文件夹"); err == nil || !strings.Contains(err.Error(), `"code":"export.no_picker"`) {
		t.Fatalf("picker without a face: %v", err)
	}
	// A folder where the file should be.
	d, err := lib.Create(exportArticle)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	p, err := ex.Preview(d.ID, out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(p.Target, 0o755); err != nil {
		t.Fatal(err)
	}
	// The fresh name moves on past the folder.
	if p2, err := ex.Preview(d.ID, out); err != nil || p2.Target == p.Target || p2.Status != ExportNew {
		t.Fatalf("preview next to a folder with the name: %+v, %v", p2, err)
	}
}

func TestExportChangedReportsProgressAndEveryFailure(t *testing.T) {
	lib := newTestLibrary(t)
	ex := newExportService(lib)
	rec := &exportEvents{}
	ex.platform = rec
	out := t.TempDir()
	var ids []int64
	for _, title := range []string{"一：晶圆代工", "二：先进封装", "三：光刻机"} {
		d, err := lib.Create(strings.Replace(exportArticle, "导出测试：存储芯片的周期", "批量导出"+title, 1))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	sum, err := ex.ExportChanged(out)
	if err != nil || sum.Total != 3 || sum.Written != 3 {
		t.Fatalf("first export: %+v, %v", sum, err)
	}
	rec.mu.Lock()
	last := rec.events[len(rec.events)-1]
	rec.mu.Unlock()
	if last.Done != 3 || last.Total != 3 {
		t.Fatalf("last progress event: %+v", last)
	}
	// Nothing changed: nothing to do.
	if sum, err = ex.ExportChanged(out); err != nil || sum.Total != 0 {
		t.Fatalf("second export: %+v, %v", sum, err)
	}
	// Two change; someone else edited one of those files.
	for _, id := range ids[:2] {
		d, err := lib.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := lib.Save(id, d.Text+"\n补充。\n", d.Version, false); err != nil {
			t.Fatal(err)
		}
	}
	p, err := ex.Preview(ids[0], out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p.Target, []byte("别人改过的文件\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err = ex.ExportChanged(out)
	if err != nil || sum.Total != 2 || sum.Written != 1 || len(sum.Conflicts) != 1 || !strings.Contains(sum.Conflicts[0].Path, p.Path) {
		t.Fatalf("export with a conflict: %+v, %v", sum, err)
	}
	ex.CancelExport() // nothing running: harmless
}

// The preview names a new draft's file exactly as the export will: past a
// name another file already has.
func TestExportPreviewNamesLikeExport(t *testing.T) {
	lib := newTestLibrary(t)
	ex := newExportService(lib)
	out := t.TempDir()
	d, err := lib.Create(exportArticle)
	if err != nil {
		t.Fatal(err)
	}
	first, err := ex.Preview(d.ID, out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(first.Target, []byte("someone else's file"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := ex.Preview(d.ID, out)
	if err != nil || p.Status != ExportNew || p.Path == first.Path {
		t.Fatalf("preview past a taken name: %+v, %v", p, err)
	}
	sum, err := ex.Export(d.ID, out, false)
	if err != nil || len(sum.Done) != 1 || sum.Done[0].Path != p.Path {
		t.Fatalf("export %+v (%v), preview said %s", sum, err, p.Path)
	}
}
