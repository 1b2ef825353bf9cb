package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// OpenReadOnly never creates anything, reads what is there, and refuses to
// write.
func TestOpenReadOnly(t *testing.T) {
	base := t.TempDir()
	missing := filepath.Join(base, "no", "such", "library.db")
	if _, err := OpenReadOnly(missing); !errors.Is(err, ErrNoLibrary) {
		t.Errorf("missing: %v", err)
	}
	if _, err := os.Stat(filepath.Join(base, "no")); !os.IsNotExist(err) {
		t.Errorf("a folder was created: %v", err)
	}
	s := newStore(t)
	d := create(t, s, "只读", "2025-06-27")
	s.Close()
	ro, err := OpenReadOnly(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	got, err := ro.GetDraft(context.Background(), d.ID)
	if err != nil || got.Text != d.Text {
		t.Errorf("read %+v, %v", got, err)
	}
	if err := ro.CheckWritable(context.Background()); err == nil {
		t.Error("a read-only connection claims to be writable")
	}
	if _, err := ro.CreateDraft(context.Background(), NewDraft{Text: "x"}); err == nil {
		t.Error("a read-only library stored a draft")
	}
	notLib := filepath.Join(base, "notes.db")
	os.WriteFile(notLib, []byte(strings.Repeat("not sqlite ", 100)), 0o644)
	if _, err := OpenReadOnly(notLib); err == nil {
		t.Error("a file that is not a library was opened")
	}
}

// A writable library says so, and stays unchanged.
func TestCheckWritable(t *testing.T) {
	s := newStore(t)
	if err := s.CheckWritable(context.Background()); err != nil {
		t.Fatal(err)
	}
	var v int
	s.read.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion() {
		t.Errorf("schema version %d after the check", v)
	}
}
