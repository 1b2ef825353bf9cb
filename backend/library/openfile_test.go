package library

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenFileImportsOnceAndFollowsChanges(t *testing.T) {
	l := newLibrary(t)
	path := filepath.Join(t.TempDir(), "文章.md")
	writeFile(t, path, houseArticle("第一版", false))

	first, err := l.OpenFile(ctx, path)
	if err != nil || first.ID == 0 || first.Conflict != "" {
		t.Fatalf("first open: %+v %v", first, err)
	}
	again, err := l.OpenFile(ctx, path)
	if err != nil || again.ID != first.ID {
		t.Fatalf("opening the same file again must open the same draft: %+v %v", again, err)
	}
	if list, _ := l.List(ctx, Filter{}); len(list) != 1 {
		t.Fatalf("two opens made %d drafts", len(list))
	}

	// The file changed outside: opening it brings the new text into its draft.
	writeFile(t, path, houseArticle("第二版", false))
	changed, err := l.OpenFile(ctx, path)
	if err != nil || changed.ID != first.ID {
		t.Fatalf("open after a change: %+v %v", changed, err)
	}
	if d, _ := l.Get(ctx, first.ID); !strings.Contains(d.Text, "第二版") {
		t.Errorf("the draft did not follow the file: %q", d.Title)
	}

	// Both changed: the draft is opened as it is and the conflict named.
	d, _ := l.Get(ctx, first.ID)
	if _, err := l.Save(ctx, first.ID, strings.Replace(d.Text, "第二版", "编辑改过", 1), d.Version, "saved"); err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, houseArticle("第三版", false))
	conflict, err := l.OpenFile(ctx, path)
	if err != nil || conflict.ID != first.ID || conflict.Conflict == "" {
		t.Fatalf("open with a conflict: %+v %v", conflict, err)
	}
	if d, _ := l.Get(ctx, first.ID); !strings.Contains(d.Text, "编辑改过") {
		t.Error("a conflicting file overwrote the edited draft")
	}
}

func TestOpenFileErrorsNameTheFile(t *testing.T) {
	l := newLibrary(t)
	dir := t.TempDir()
	missing := filepath.Join(dir, "没有.md")
	if _, err := l.OpenFile(ctx, missing); !errors.Is(err, ErrNotOpened) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: %v", err)
	}
	folder := filepath.Join(dir, "posts")
	writeFile(t, filepath.Join(folder, "a.md"), houseArticle("文件夹里的", false))
	if _, err := l.OpenFile(ctx, folder); !errors.Is(err, ErrNotOpened) || !strings.Contains(err.Error(), "folder") {
		t.Errorf("a folder: %v", err)
	}
	if list, _ := l.List(ctx, Filter{}); len(list) != 0 {
		t.Errorf("opening a folder imported %d drafts", len(list))
	}
	unreadable := filepath.Join(dir, "locked.md")
	writeFile(t, unreadable, houseArticle("锁", false))
	os.Chmod(unreadable, 0)
	if f, err := os.Open(unreadable); err == nil {
		f.Close() // root reads anything: nothing to test
	} else if _, err := l.OpenFile(ctx, unreadable); !errors.Is(err, ErrNotOpened) || !strings.Contains(err.Error(), "locked.md") {
		t.Errorf("unreadable file: %v", err)
	}
}
