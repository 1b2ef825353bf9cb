package library

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestExportRoundTripByteIdentical(t *testing.T) {
	l := newLibrary(t)
	src := t.TempDir()
	texts := map[string]string{
		"posts/a.md":      houseArticle("甲", false),
		"posts/2025/b.md": "\ufeff" + strings.ReplaceAll(houseArticle("乙", true), "\n", "\r\n"),
		"c.md":            "---\n# 注释保留\ntitle: '引号'\ndate: \"2025-06-27\"\ndraft: yes\nextra: {a: 1}\n---\n正文没有结尾换行",
	}
	for rel, text := range texts {
		writeFile(t, filepath.Join(src, rel), text)
	}
	if res, err := l.Import(ctx, []string{src}, nil); err != nil || res.Created != 3 {
		t.Fatalf("import: %+v %v", res, err)
	}
	out := filepath.Join(t.TempDir(), "content")
	res, err := l.Export(ctx, ExportOptions{Out: out}, nil)
	if err != nil || len(res.Done) != 3 || res.Written() != 3 {
		t.Fatalf("export: %+v %v", res, err)
	}
	for rel, text := range texts {
		if got := readFile(t, filepath.Join(out, rel)); got != text {
			t.Errorf("%s is not byte-identical", rel)
		}
	}
	// Exporting into the folder it came from writes nothing.
	res, err = l.Export(ctx, ExportOptions{Out: src}, nil)
	if err != nil || len(res.Done) != 3 || res.Written() != 0 {
		t.Fatalf("export onto the source: %+v %v", res, err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(out, "*", ".*copydesk*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestExportNewDraftSlugAndPublished(t *testing.T) {
	l := newLibrary(t)
	a, _ := l.Create(ctx, houseArticle("人工智能：新的豪赌", false))
	b, _ := l.Create(ctx, houseArticle("人工智能：新的豪赌", true)) // same title
	c, _ := l.Create(ctx, "---\ntitle: “”\n---\n")         // punctuation only
	out := t.TempDir()
	writeFile(t, filepath.Join(out, "人工智能-新的豪赌-2.md"), "someone else's file")
	res, err := l.Export(ctx, ExportOptions{Out: out}, nil)
	if err != nil || len(res.Done) != 3 {
		t.Fatalf("%+v %v", res, err)
	}
	got := map[int64]string{}
	for _, d := range res.Done {
		got[d.ID] = d.Path
	}
	// Drafts are written in parallel: which of the two same-titled drafts
	// gets the plain name is not fixed, but neither takes the foreign file's.
	pair := got[a.ID] + "|" + got[b.ID]
	if pair != "人工智能-新的豪赌.md|人工智能-新的豪赌-3.md" && pair != "人工智能-新的豪赌-3.md|人工智能-新的豪赌.md" {
		t.Errorf("same-titled drafts exported to %s", pair)
	}
	if got[c.ID] != "draft-"+itoa(int(c.ID))+".md" {
		t.Errorf("untitled draft exported to %q", got[c.ID])
	}
	if readFile(t, filepath.Join(out, "人工智能-新的豪赌-2.md")) != "someone else's file" {
		t.Error("an unrelated file was overwritten")
	}
	ga, _ := l.Get(ctx, a.ID)
	gb, _ := l.Get(ctx, b.ID)
	if ga.Status != StatusPublished || gb.Status != StatusDraft || ga.Path != got[a.ID] {
		t.Errorf("after export: a %q %q, b %q", ga.Status, ga.Path, gb.Status)
	}
}

func TestExportConflictForceAndChangedOnly(t *testing.T) {
	l := newLibrary(t)
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "a.md"), houseArticle("甲", false))
	writeFile(t, filepath.Join(src, "b.md"), houseArticle("乙", false))
	l.Import(ctx, []string{src}, nil)
	list, _ := l.List(ctx, Filter{})
	var a, b Draft
	for _, s := range list {
		d, _ := l.Get(ctx, s.ID)
		if s.Path == "a.md" {
			a = d
		} else {
			b = d
		}
	}
	// Both drafts are edited; someone also edits b.md on disk.
	l.Save(ctx, a.ID, a.Text+"\n库内修改\n", a.Version, "")
	l.Save(ctx, b.ID, b.Text+"\n库内修改\n", b.Version, "")
	writeFile(t, filepath.Join(src, "b.md"), "别人的修改")
	res, err := l.Export(ctx, ExportOptions{Out: src}, nil)
	if err != nil || len(res.Done) != 1 || len(res.Conflicts) != 1 || !strings.Contains(res.Conflicts[0].Path, "b.md") {
		t.Fatalf("%+v %v", res, err)
	}
	if readFile(t, filepath.Join(src, "b.md")) != "别人的修改" {
		t.Fatal("a conflicting file was overwritten")
	}
	if !strings.Contains(readFile(t, filepath.Join(src, "a.md")), "库内修改") {
		t.Error("a.md not exported")
	}
	// Nothing changed since: --changed exports only b (still unexported).
	res, _ = l.Export(ctx, ExportOptions{Out: src, ChangedOnly: true}, nil)
	if res.Total != 1 || len(res.Conflicts) != 1 {
		t.Errorf("changed only: %+v", res)
	}
	res, _ = l.Export(ctx, ExportOptions{Out: src, ChangedOnly: true, Force: true}, nil)
	if res.Written() != 1 || !strings.Contains(readFile(t, filepath.Join(src, "b.md")), "库内修改") {
		t.Errorf("force: %+v", res)
	}
	// After an export the file on disk is "ours" again: later edits export.
	gb, _ := l.Get(ctx, b.ID)
	l.Save(ctx, b.ID, gb.Text+"再改", gb.Version, "")
	if res, _ := l.Export(ctx, ExportOptions{Out: src, IDs: []int64{b.ID}}, nil); res.Written() != 1 {
		t.Errorf("export after export: %+v", res)
	}
	if res, _ := l.Export(ctx, ExportOptions{Out: src, ChangedOnly: true}, nil); res.Total != 0 {
		t.Errorf("nothing changed, yet %d to export", res.Total)
	}
	if _, err := l.Export(ctx, ExportOptions{Out: src, IDs: []int64{999}}, nil); err == nil {
		t.Error("unknown id accepted")
	}
}

func TestExportNeverWritesOutside(t *testing.T) {
	l := newLibrary(t)
	root := t.TempDir()
	out := filepath.Join(root, "content")
	outside := filepath.Join(root, "outside")
	os.MkdirAll(outside, 0o755)
	os.MkdirAll(out, 0o755)
	if err := os.Symlink(outside, filepath.Join(out, "linked")); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(out, "real"), 0o755)
	if err := os.Symlink(filepath.Join(out, "real"), filepath.Join(out, "inside")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(outside, "target.md"), "outside")
	if err := os.Symlink(filepath.Join(outside, "target.md"), filepath.Join(out, "file-link.md")); err != nil {
		t.Fatal(err)
	}
	paths := []string{"../escape.md", "/tmp/abs.md", "a/../../escape2.md", "linked/x.md", "file-link.md", "inside/ok.md"}
	ids := map[string]int64{}
	for _, p := range paths {
		d, _ := l.Create(ctx, houseArticle("路径", false))
		if _, err := l.st.Write().ExecContext(ctx, `UPDATE drafts SET path = ? WHERE id = ?`, p, d.ID); err != nil {
			t.Fatal(err)
		}
		ids[p] = d.ID
	}
	res, err := l.Export(ctx, ExportOptions{Out: out, Force: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Done) != 1 || res.Done[0].Path != "inside/ok.md" || len(res.Failed) != 5 {
		t.Fatalf("%+v", res)
	}
	for _, f := range res.Failed {
		if !strings.Contains(f.Reason, "refused") {
			t.Errorf("%s: %s", f.Path, f.Reason)
		}
	}
	entries, _ := os.ReadDir(outside)
	if len(entries) != 1 || readFile(t, filepath.Join(outside, "target.md")) != "outside" {
		t.Error("something was written outside the export folder")
	}
	for _, p := range []string{filepath.Join(root, "escape.md"), "/tmp/abs.md", filepath.Join(root, "escape2.md")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was written", p)
		}
	}
}

// mountTmpfs mounts a small tmpfs (root only); the test is skipped where
// that is not allowed.
func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, out)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	return dir
}

func TestExportFullDisk(t *testing.T) {
	disk := mountTmpfs(t, "size=64k")
	l := newLibrary(t)
	big := houseArticle("大文件", false) + strings.Repeat("很长的正文。", 8000) // ~144 KB
	d, _ := l.Create(ctx, big)
	small, _ := l.Create(ctx, houseArticle("小文件", false))
	// One draft at a time: exported together, the writers run in parallel
	// and the big file's partial write may fill the disk while the small one
	// is written, so which of them fails would be up to the scheduler.
	res, err := l.Export(ctx, ExportOptions{Out: disk, IDs: []int64{d.ID}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failed) != 1 || !strings.Contains(res.Failed[0].Reason, "no space left") || len(res.Done) != 0 {
		t.Fatalf("%+v", res)
	}
	if entries, _ := os.ReadDir(disk); len(entries) != 0 {
		t.Errorf("partial or temporary files left: %v", entries)
	}
	// The failed write gave its space back: the next export goes on.
	res, err = l.Export(ctx, ExportOptions{Out: disk, IDs: []int64{small.ID}}, nil)
	if err != nil || len(res.Failed) != 0 || len(res.Done) != 1 || res.Done[0].ID != small.ID {
		t.Fatalf("%+v, %v", res, err)
	}
	entries, _ := os.ReadDir(disk)
	if len(entries) != 1 {
		t.Errorf("partial or temporary files left: %v", entries)
	}
	got, _ := l.Get(ctx, d.ID)
	if got.Text != big || got.Exported {
		t.Error("the library lost the draft or recorded a failed export")
	}
}

func TestExportReadOnlyTarget(t *testing.T) {
	disk := mountTmpfs(t, "size=1m")
	writeFile(t, filepath.Join(disk, "a.md"), "old")
	if out, err := exec.Command("mount", "-o", "remount,ro", disk).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	l := newLibrary(t)
	d, _ := l.Create(ctx, houseArticle("只读", false))
	l.st.Write().ExecContext(ctx, `UPDATE drafts SET path = 'a.md', imported_hash = ? WHERE id = ?`, hashOf("old"), d.ID)
	res, err := l.Export(ctx, ExportOptions{Out: disk}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failed) != 1 || !strings.Contains(res.Failed[0].Reason, "read-only") {
		t.Fatalf("%+v", res)
	}
	if readFile(t, filepath.Join(disk, "a.md")) != "old" {
		t.Error("the target changed")
	}
	if got, _ := l.Get(ctx, d.ID); got.Exported {
		t.Error("a failed export was recorded")
	}
}
