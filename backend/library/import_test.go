package library

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportFolderIdempotentAndRelativePaths(t *testing.T) {
	l := newLibrary(t)
	site := t.TempDir()
	writeFile(t, filepath.Join(site, "posts", "a.md"), houseArticle("甲", false))
	writeFile(t, filepath.Join(site, "posts", "2025", "b.md"), "\ufeff"+strings.ReplaceAll(houseArticle("乙", true), "\n", "\r\n"))
	writeFile(t, filepath.Join(site, "posts", "notes.txt"), "not markdown")
	writeFile(t, filepath.Join(site, "posts", ".hidden", "c.md"), houseArticle("隐藏", false))
	single := filepath.Join(t.TempDir(), "single.md")
	writeFile(t, single, houseArticle("单篇", false))

	var seen []Progress
	res, err := l.Import(ctx, []string{filepath.Join(site, "posts"), single}, func(p Progress) { seen = append(seen, p) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 || res.Created != 3 || len(res.Failed) != 0 {
		t.Fatalf("first import: %+v", res)
	}
	if len(seen) != 3 || seen[2].Done != 3 || seen[2].Total != 3 {
		t.Errorf("progress: %+v", seen)
	}
	paths := map[string]string{}
	list, _ := l.List(ctx, Filter{})
	for _, s := range list {
		paths[s.Path] = s.Title
	}
	if paths["a.md"] != "甲" || paths["2025/b.md"] != "乙" || paths["single.md"] != "单篇" {
		t.Errorf("remembered paths: %v", paths)
	}
	res, err = l.Import(ctx, []string{filepath.Join(site, "posts"), single}, nil)
	if err != nil || res.Unchanged != 3 || res.Created+res.Updated != 0 {
		t.Fatalf("second import: %+v %v", res, err)
	}
	if list2, _ := l.List(ctx, Filter{}); len(list2) != 3 || list2[0].Version != list[0].Version {
		t.Error("a second import changed drafts")
	}
	// The CRLF/BOM file is stored byte for byte.
	for _, s := range list {
		if s.Path == "2025/b.md" {
			d, _ := l.Get(ctx, s.ID)
			if d.Text != readFile(t, filepath.Join(site, "posts", "2025", "b.md")) {
				t.Error("imported text differs from the file")
			}
		}
	}
}

func TestImportChangedFileAndConflict(t *testing.T) {
	l := newLibrary(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	writeFile(t, a, houseArticle("甲", false))
	writeFile(t, b, houseArticle("乙", false))
	if _, err := l.Import(ctx, []string{dir}, nil); err != nil {
		t.Fatal(err)
	}
	byPath := func(p string) Draft {
		list, _ := l.List(ctx, Filter{})
		for _, s := range list {
			if s.Path == p {
				d, _ := l.Get(ctx, s.ID)
				return d
			}
		}
		t.Fatalf("no draft for %s", p)
		return Draft{}
	}
	// b is edited in the library; then both files change on disk.
	db := byPath("b.md")
	if _, err := l.Save(ctx, db.ID, db.Text+"\n编辑\n", db.Version, ""); err != nil {
		t.Fatal(err)
	}
	writeFile(t, a, houseArticle("甲改", false))
	writeFile(t, b, houseArticle("乙改", false))
	res, err := l.Import(ctx, []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Updated != 1 || len(res.Conflicts) != 1 || !strings.HasSuffix(res.Conflicts[0].Path, "b.md") {
		t.Fatalf("re-import: %+v", res)
	}
	if got := byPath("a.md"); got.Title != "甲改" {
		t.Errorf("a not updated: %q", got.Title)
	}
	if got := byPath("b.md"); !strings.Contains(got.Text, "编辑") {
		t.Error("the library's edit was overwritten")
	}
	revs, _ := l.Revisions(ctx, byPath("a.md").ID)
	if len(revs) != 2 || revs[1].Reason != "imported" {
		t.Errorf("the replaced text is not in the history: %+v", revs)
	}
}

func TestImportBadFilesReportedBatchGoesOn(t *testing.T) {
	l := newLibrary(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "good.md"), houseArticle("好", false))
	writeFile(t, filepath.Join(dir, "binary.md"), "---\ntitle: x\n---\n\x00\x01")
	writeFile(t, filepath.Join(dir, "latin1.md"), "caf\xe9")
	unreadable := filepath.Join(dir, "unreadable.md")
	writeFile(t, unreadable, "x")
	os.Chmod(unreadable, 0)
	if f, err := os.Open(unreadable); err == nil {
		f.Close() // running as root: permissions do not stop reading
		os.Remove(unreadable)
		unreadable = ""
	}
	res, err := l.Import(ctx, []string{dir, filepath.Join(dir, "missing.md")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := 3
	if unreadable != "" {
		want = 4
	}
	if res.Created != 1 || len(res.Failed) != want {
		t.Fatalf("%+v", res)
	}
	reasons := ""
	for _, f := range res.Failed {
		reasons += f.Path + ": " + f.Reason + "\n"
	}
	for _, w := range []string{"binary.md: ", "NUL", "latin1.md: ", "UTF-8", "missing.md: "} {
		if !strings.Contains(reasons, w) {
			t.Errorf("failures do not mention %q:\n%s", w, reasons)
		}
	}
}

func TestImportSameRelativePathTwice(t *testing.T) {
	l := newLibrary(t)
	one, two := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(one, "a.md"), houseArticle("一", false))
	writeFile(t, filepath.Join(two, "a.md"), houseArticle("二", false))
	res, err := l.Import(ctx, []string{one, two}, nil)
	if err != nil || res.Created != 1 || len(res.Failed) != 1 || !strings.Contains(res.Failed[0].Reason, "same relative path") {
		t.Fatalf("%+v %v", res, err)
	}
}

func TestImportCancel(t *testing.T) {
	l := newLibrary(t)
	dir := t.TempDir()
	for i := 0; i < 600; i++ {
		writeFile(t, filepath.Join(dir, strings.Repeat("x", 1+i%5)+string(rune('a'+i%26))+"-"+itoa(i)+".md"), houseArticle("文"+itoa(i), false))
	}
	cctx, cancel := context.WithCancel(ctx)
	res, err := l.Import(cctx, []string{dir}, func(p Progress) {
		if p.Done == 300 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || !res.Cancelled {
		t.Fatalf("cancel: %+v %v", res, err)
	}
	n, _ := l.st.CountDrafts(ctx)
	if n != res.Created || n < 250 || n >= 600 {
		t.Errorf("%d drafts stored, result says %d created", n, res.Created)
	}
	// Importing again finishes the job.
	res, err = l.Import(ctx, []string{dir}, nil)
	if err != nil || res.Created+res.Unchanged != 600 {
		t.Errorf("resume: %+v %v", res, err)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}
