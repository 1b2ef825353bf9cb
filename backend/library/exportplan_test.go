package library

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestPlanExportStatuses walks one imported draft through every status the
// export dialog shows, each decided on the real file.
func TestPlanExportStatuses(t *testing.T) {
	l := newLibrary(t)
	site := t.TempDir()
	text := houseArticle("甲", false)
	writeFile(t, filepath.Join(site, "posts/a.md"), text)
	res, err := l.Import(ctx, []string{site}, nil)
	if err != nil || res.Created != 1 {
		t.Fatalf("import: %+v %v", res, err)
	}
	list, err := l.List(ctx, Filter{})
	if err != nil || len(list) != 1 {
		t.Fatalf("list: %+v %v", list, err)
	}
	id := list[0].ID
	plan := func(folder string) ExportPlan {
		t.Helper()
		p, err := l.PlanExport(ctx, id, folder, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}

	if p := plan(site); p.Status != ExportIdentical || p.Path != "posts/a.md" || p.DiskText != text ||
		p.Target != filepath.Join(site, "posts", "a.md") {
		t.Fatalf("identical: %+v", p)
	}
	if p := plan(filepath.Join(t.TempDir(), "missing")); p.Status != ExportNew || p.DiskText != "" {
		t.Fatalf("missing folder: %+v", p)
	}
	if p := plan(t.TempDir()); p.Status != ExportNew {
		t.Fatalf("missing file: %+v", p)
	}
	d, err := l.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Save(ctx, id, text+"\n草稿里加的一段。\n", d.Version, "edit"); err != nil {
		t.Fatal(err)
	}
	if p := plan(site); p.Status != ExportChanged || p.DiskText != text {
		t.Fatalf("the draft edited, the file as imported: %+v", p)
	}
	edited := text + "\n编辑改过。\n"
	writeFile(t, filepath.Join(site, "posts/a.md"), edited)
	if p := plan(site); p.Status != ExportConflict || p.DiskText != edited {
		t.Fatalf("someone else's edit: %+v", p)
	}
	other := t.TempDir()
	if err := os.MkdirAll(filepath.Join(other, "posts", "a.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	if p := plan(other); p.Status != ExportRefused || p.Reason == "" {
		t.Fatalf("a folder in the way: %+v", p)
	}
	outside := t.TempDir()
	linked := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(linked, "posts")); err != nil {
		t.Fatal(err)
	}
	if p := plan(linked); p.Status != ExportRefused {
		t.Fatalf("a link out of the folder: %+v", p)
	}
	big := t.TempDir()
	writeFile(t, filepath.Join(big, "posts/a.md"), text+string(make([]byte, 2<<20)))
	var readErr *TargetReadError
	if _, err := l.PlanExport(ctx, id, big, 1<<20); !errors.As(err, &readErr) || readErr.Path != filepath.Join(big, "posts", "a.md") {
		t.Fatalf("a file too large for the diff: %v", err)
	}
	if _, err := l.PlanExport(ctx, id+100, site, 1<<20); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no such draft: %v", err)
	}
}
