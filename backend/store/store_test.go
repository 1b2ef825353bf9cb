package store

import (
	"context"
	"path/filepath"
	"testing"
)

func TestOpenSetsPragmas(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	check := func(pragma, want string) {
		t.Helper()
		for name, pool := range map[string]func(string) (string, error){
			"write": func(q string) (string, error) {
				var v string
				err := s.write.QueryRowContext(ctx, q).Scan(&v)
				return v, err
			},
			"read": func(q string) (string, error) {
				var v string
				err := s.read.QueryRowContext(ctx, q).Scan(&v)
				return v, err
			},
		} {
			got, err := pool("PRAGMA " + pragma)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s pool: PRAGMA %s = %q, want %q", name, pragma, got, want)
			}
		}
	}
	check("journal_mode", "wal")
	check("foreign_keys", "1")
	check("busy_timeout", "5000")
	check("synchronous", "2")
	if got := s.write.Stats().MaxOpenConnections; got != 1 {
		t.Errorf("write pool allows %d connections, want exactly one writer", got)
	}
	if res, err := s.IntegrityCheck(ctx); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "library.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d := create(t, s, "重开", "2025-06-27T20:10:05+08:00")
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.GetDraft(context.Background(), d.ID)
	if err != nil || got.Text != d.Text {
		t.Fatalf("after reopen: %v, text equal %v", err, got.Text == d.Text)
	}
}

func TestBulkWritesLeaveSavesSynced(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if _, err := s.ApplyImports(ctx, []ImportItem{{Path: "a.md", Text: "a"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.IndexPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	var sync string
	if err := s.write.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil || sync != "2" {
		t.Errorf("after a bulk write the writer has synchronous = %q (%v), want 2 (FULL)", sync, err)
	}
}
