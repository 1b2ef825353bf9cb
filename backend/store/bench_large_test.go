package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"copydesk/backend/site/samples"
)

// The large benchmarks share a library of 100,000 drafts, written straight
// into SQLite (the import path is measured elsewhere) and indexed once.
var (
	largeOnce  sync.Once
	largeStore *Store
	largeErr   error
)

const (
	largeDrafts = 100000
	// Each text is the first largeText bytes of a sample article: front
	// matter, the lead and the first sections. Full 7 KB texts would make
	// the setup minutes long and the file gigabytes without changing what
	// the queries do (they read the index, not the texts).
	largeText = 2500
)

func largeLibrary(b *testing.B) *Store {
	b.Helper()
	largeOnce.Do(func() {
		dir, err := os.MkdirTemp("", "copydesk-bench-large-")
		if err != nil {
			largeErr = err
			return
		}
		cleanups = append(cleanups, func() { os.RemoveAll(dir) })
		s, err := Open(filepath.Join(dir, "library.db"))
		if err != nil {
			largeErr = err
			return
		}
		cleanups = append(cleanups, func() { s.Close() })
		if largeErr = fillLarge(s); largeErr == nil {
			largeErr = s.IndexPending(context.Background(), nil)
		}
		largeStore = s
	})
	if largeErr != nil {
		b.Fatal(largeErr)
	}
	return largeStore
}

// cleanups run after every test and benchmark of the package (TestMain).
var cleanups []func()

func fillLarge(s *Store) error {
	ctx := context.Background()
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	insert, err := tx.PrepareContext(ctx, `INSERT INTO drafts (id, text, content_hash, title, date, date_sort, draft,
		topics, tags, errors, warnings, status, created_at, updated_at, indexed, text_tail)
		VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 1, 1, 0, ?)`)
	if err != nil {
		return err
	}
	term, err := tx.PrepareContext(ctx, `INSERT INTO draft_terms (draft_id, kind, value) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	statuses := []string{StatusDraft, StatusDraft, StatusInReview, StatusReady}
	topicNames := []string{"前沿模型与算法", "算力与芯片", "产业生态与商业版图"}
	for i := 0; i < largeDrafts; i++ {
		text := string(samples.Article(i))
		cut := largeText
		for cut < len(text) && !utf8.RuneStart(text[cut]) {
			cut++
		}
		text = text[:min(cut, len(text))]
		title, _, _ := strings.Cut(strings.TrimPrefix(text, "---\ntitle: "), "\n")
		date := fmt.Sprintf("20%02d-%02d-%02dT%02d:00:00Z", 15+i%11, 1+i%12, 1+i%28, i%24)
		topic := topicNames[i%3]
		tag := fmt.Sprintf("标签%d", i%40)
		runes := []rune(text)
		if _, err := insert.ExecContext(ctx, i+1, text, fmt.Sprint(i), title, date, date,
			`["`+topic+`"]`, `["`+tag+`"]`, i%7/6, i%5/4, statuses[i%4], string(runes[len(runes)-2:])); err != nil {
			return err
		}
		for _, kv := range [][2]string{{"topic", topic}, {"tag", tag}} {
			if _, err := term.ExecContext(ctx, i+1, kv[0], kv[1]); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// BenchmarkSearchLarge is BenchmarkSearch over 100,000 drafts: one query per
// op, a page of 100 results; reports p50 and p95.
func BenchmarkSearchLarge(b *testing.B) {
	s := largeLibrary(b)
	ctx := context.Background()
	queries := []string{"算", "算力", "算力租", "算力租赁", "数据中心", "英伟达", "液冷服务器", "第99999号观察", "Meta", "me", "OpenAI 芯片",
		"不存在的词语", "zz", "先进封装 出口管制", "华", "台积电", "report 3"}
	timed(b, func(i int) {
		if _, err := s.ListPage(ctx, Filter{Query: queries[i%len(queries)]}, PageQuery{Limit: 100}); err != nil {
			b.Fatal(err)
		}
	})
	if os.Getenv("COPYDESK_BENCH_EACH") != "" { // one sub-benchmark per query, to find the slow ones
		for _, q := range queries {
			b.Run(q, func(b *testing.B) {
				timed(b, func(int) {
					if _, err := s.ListPage(ctx, Filter{Query: q}, PageQuery{Limit: 100}); err != nil {
						b.Fatal(err)
					}
				})
			})
		}
	}
}

// BenchmarkPageLarge reads pages of 100 rows across 100,000 drafts the way
// the library list does: the next page by keyset, a jump to any position by
// offset, and the count shown above the list.
func BenchmarkPageLarge(b *testing.B) {
	s := largeLibrary(b)
	ctx := context.Background()
	b.Run("keyset", func(b *testing.B) {
		var after *Key
		timed(b, func(i int) {
			p, err := s.ListPage(ctx, Filter{}, PageQuery{After: after, Limit: 100})
			if err != nil {
				b.Fatal(err)
			}
			if len(p.Keys) < 100 {
				after = nil
			} else {
				after = &p.Keys[len(p.Keys)-1]
			}
		})
	})
	b.Run("jump", func(b *testing.B) {
		timed(b, func(i int) {
			offset := (i * 7919) % (largeDrafts - 100)
			if p, err := s.ListPage(ctx, Filter{}, PageQuery{Offset: offset, Limit: 100}); err != nil || len(p.Rows) != 100 {
				b.Fatalf("%d rows, %v", len(p.Rows), err)
			}
		})
	})
	filters := map[string]Filter{"ready": {Status: StatusReady}, "tag": {Tag: "标签7"}, "problems": {HasProblems: true},
		"topic": {Topic: "算力与芯片"}, "search": {Query: "数据中心"}}
	for name, f := range filters {
		b.Run("jump_"+name, func(b *testing.B) {
			timed(b, func(i int) {
				if _, err := s.ListPage(ctx, f, PageQuery{Offset: (i * 131) % 2000, Limit: 100}); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
	filters["all"] = Filter{}
	for name, f := range filters {
		b.Run("count_"+name, func(b *testing.B) {
			timed(b, func(i int) {
				if _, _, err := s.CountMatching(ctx, f, 2000); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}
