package app

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

func TestLaunchFilesTellsFilesFromCommands(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "notes.txt")
	os.WriteFile(existing, []byte("x"), 0o644)
	cases := []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"list"}, false},
		{[]string{"serve"}, false},
		{[]string{"chek"}, false}, // a mistyped command stays an unknown command
		{[]string{"--help"}, false},
		{[]string{"article.md"}, true},  // may not exist yet: the window names the error
		{[]string{"文章.Markdown"}, true}, // any case
		{[]string{existing}, true},
		{[]string{dir}, false}, // a folder is not opened in the window
		{[]string{"a.md", "--db"}, false},
		{[]string{"a.md", "b.md"}, true},
	}
	for _, c := range cases {
		if got := launchFiles(c.args, isCommandName); got != c.want {
			t.Errorf("launchFiles(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

func TestAbsolutePaths(t *testing.T) {
	got := absolutePaths([]string{"a.md", "/abs/b.md", "sub/../c.md", "file:///x/d.md"}, "/home/editor")
	want := []string{"/home/editor/a.md", "/abs/b.md", "/home/editor/c.md", "/x/d.md"}
	if !slices.Equal(got, want) {
		t.Errorf("absolutePaths = %q, want %q", got, want)
	}
}

// Files that arrive before the UI has mounted wait for it; later ones open
// at once. Each becomes an open-file event naming its draft.
func TestFileOpenerWaitsForTheUI(t *testing.T) {
	svc := newServices(filepath.Join(t.TempDir(), "library.db"))
	if err := svc.open(); err != nil {
		t.Fatal(err)
	}
	defer svc.close()
	dir := t.TempDir()
	a := filepath.Join(dir, "a.md")
	b := filepath.Join(dir, "b.md")
	os.WriteFile(a, []byte("---\ntitle: 甲\n---\n\n正文\n"), 0o644)
	os.WriteFile(b, []byte("---\ntitle: 乙\n---\n\n正文\n"), 0o644)

	var mu sync.Mutex
	var events []OpenedFile
	o := &fileOpener{lib: svc.Library, emit: func(name string, data any) {
		mu.Lock()
		defer mu.Unlock()
		if name == "open-file" {
			events = append(events, data.(OpenedFile))
		}
	}}
	o.request([]string{a, filepath.Join(dir, "missing.md")})
	if len(events) != 0 {
		t.Fatalf("opened before the UI was ready: %+v", events)
	}
	o.uiReady()
	o.request([]string{b, a})
	if len(events) != 4 {
		t.Fatalf("events: %+v", events)
	}
	if events[0].ID == 0 || events[0].Error != "" || events[1].ID != 0 || events[1].Error == "" {
		t.Errorf("first two: %+v", events[:2])
	}
	if events[2].ID == 0 || events[2].ID == events[0].ID || events[3].ID != events[0].ID {
		t.Errorf("opening a file again must name the same draft: %+v", events)
	}
}
