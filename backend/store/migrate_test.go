package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// schema describes a database's tables, indexes and triggers, so a migrated
// file can be compared with a fresh one.
func schema(t *testing.T, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s %s\n", typ, name, strings.Join(strings.Fields(text), " "))
	}
	return b.String()
}

func TestMigrateFromEveryEarlierVersion(t *testing.T) {
	fresh := newStore(t)
	want := schema(t, fresh.write)
	if v := userVersion(t, fresh.write); v != SchemaVersion() {
		t.Fatalf("fresh library at version %d, want %d", v, SchemaVersion())
	}
	for from := 0; from < SchemaVersion(); from++ {
		t.Run(fmt.Sprintf("from_%d", from), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			db, err := sql.Open("sqlite3", dsn(path, true))
			if err != nil {
				t.Fatal(err)
			}
			if err := migrate(context.Background(), db, from); err != nil {
				t.Fatal(err)
			}
			if v := userVersion(t, db); v != from {
				t.Fatalf("prepared version %d, want %d", v, from)
			}
			if from >= 1 {
				// A draft written by a version-1 program must survive.
				if _, err := db.Exec(`INSERT INTO drafts (id, text, content_hash, title, created_at, updated_at)
					VALUES (7, '---\ntitle: 旧稿\n---\n正文', 'h', '旧稿', 1, 1)`); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()

			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if v := userVersion(t, s.write); v != SchemaVersion() {
				t.Fatalf("migrated to %d, want %d", v, SchemaVersion())
			}
			if got := schema(t, s.write); got != want {
				t.Errorf("schema after migrating from %d differs from a fresh one:\n got %s\nwant %s", from, got, want)
			}
			if res, err := s.IntegrityCheck(context.Background()); err != nil || res != "ok" {
				t.Errorf("integrity_check = %q, %v", res, err)
			}
			if from >= 1 {
				d, err := s.GetDraft(context.Background(), 7)
				if err != nil || d.Title != "旧稿" {
					t.Fatalf("old draft after migration: %+v, %v", d.Summary, err)
				}
				found, err := s.ListDrafts(context.Background(), Filter{Query: "旧稿"})
				if err != nil || len(found) != 1 {
					t.Errorf("old draft not searchable after migration: %d found, %v", len(found), err)
				}
			}
		})
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.db")
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if s, err := Open(path); err == nil {
		s.Close()
		t.Fatal("a library from a newer program was opened")
	} else if !strings.Contains(err.Error(), "newer copydesk") {
		t.Errorf("unclear error: %v", err)
	}
}

func TestMigrationsNumberedInOrder(t *testing.T) {
	for i, m := range migrations {
		if m.version != i+1 || !strings.HasPrefix(m.name, fmt.Sprintf("%03d_", i+1)) {
			t.Errorf("migration %d is %s (version %d)", i, m.name, m.version)
		}
	}
}

func userVersion(t *testing.T, db *sql.DB) int {
	t.Helper()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}
