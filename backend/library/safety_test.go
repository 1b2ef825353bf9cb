package library

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"copydesk/backend/store"
)

// Two imports of one folder at once, each with its own connection to one
// real SQLite file (as two processes would): whichever stores a file
// second finds the same bytes there and counts it unchanged, never as a
// conflict.
func TestConcurrentImportsOfOneFolder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "library.db")
	site := t.TempDir()
	const n = 400
	for i := 0; i < n; i++ {
		writeFile(t, filepath.Join(site, fmt.Sprintf("%03d.md", i)), houseArticle(fmt.Sprintf("第%d篇", i), false))
	}
	for round := 0; round < 3; round++ {
		os.Remove(db)
		var libs [2]*Library
		for i := range libs {
			l, err := Open(db, Options{Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			libs[i] = l
		}
		var results [2]ImportResult
		var errs [2]error
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range libs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				results[i], errs[i] = libs[i].Import(ctx, []string{site}, nil)
			}()
		}
		close(start)
		wg.Wait()
		a, b := results[0], results[1]
		if errs[0] != nil || errs[1] != nil || len(a.Conflicts)+len(b.Conflicts) != 0 || len(a.Failed)+len(b.Failed) != 0 ||
			a.Created+b.Created != n || a.Unchanged+b.Unchanged != n {
			t.Fatalf("round %d: %v %v\n%+v\n%+v", round, errs[0], errs[1], summary(a), summary(b))
		}
	}
}

func summary(r ImportResult) string {
	return fmt.Sprintf("created %d updated %d unchanged %d conflicts %d failed %d", r.Created, r.Updated, r.Unchanged, len(r.Conflicts), len(r.Failed))
}

// The store's part, deterministically: a new file whose path another import
// has just taken is unchanged when the bytes are the same, a conflict of
// that file alone when they differ.
func TestApplyImportsPathTakenMeanwhile(t *testing.T) {
	l := newLibrary(t)
	site := t.TempDir()
	writeFile(t, filepath.Join(site, "a.md"), houseArticle("甲", false))
	if _, err := l.Import(ctx, []string{site}, nil); err != nil {
		t.Fatal(err)
	}
	same := houseArticle("甲", false)
	other := houseArticle("乙", false)
	out, err := l.st.ApplyImports(ctx, []store.ImportItem{{Path: "a.md", Text: same}, {Path: "a.md", Text: other}, {Path: "b.md", Text: other}})
	if err != nil {
		t.Fatal(err)
	}
	if !out[0].Unchanged || out[0].Err != nil || out[1].Unchanged || out[1].Err == nil || out[2].Unchanged || out[2].Err != nil || out[2].ID == 0 {
		t.Errorf("%+v", out)
	}
}

// A title that is a Windows device name never becomes that file name.
func TestExportAvoidsWindowsDeviceNames(t *testing.T) {
	l := newLibrary(t)
	for _, title := range []string{"CON", "nul", "Com1", "lpt9", "aux"} {
		if _, err := l.Create(ctx, houseArticle(title, false)); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	res, err := l.Export(ctx, ExportOptions{Out: out}, nil)
	if err != nil || len(res.Failed) != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	for _, name := range names {
		if name[0] != '_' {
			t.Errorf("exported as %s (all: %v)", name, names)
		}
	}
	if len(names) != 5 {
		t.Errorf("files %v", names)
	}
}

// Importing sweeps stale temporary files of killed writes from the folders
// it reads (they are hidden, so never imported either).
func TestImportSweepsStaleTemporaryFiles(t *testing.T) {
	l := newLibrary(t)
	site := t.TempDir()
	writeFile(t, filepath.Join(site, "a.md"), houseArticle("甲", false))
	stale := filepath.Join(site, ".a.md.copydesk-991")
	writeFile(t, stale, "half")
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	if res, err := l.Import(ctx, []string{site}, nil); err != nil || res.Created != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temporary file still there: %v", err)
	}
}
