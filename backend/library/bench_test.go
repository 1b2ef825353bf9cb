package library

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"copydesk/backend/site/samples"
	"copydesk/backend/store"
)

// Benchmarks over 10,000 sample articles (about 7 KB each, house style),
// written once per run into a temporary folder.
const benchArticles = 10000

var (
	benchDirOnce sync.Once
	benchDir     string
	benchDirErr  error
)

func benchFolder(b *testing.B) string {
	b.Helper()
	benchDirOnce.Do(func() {
		benchDir, benchDirErr = os.MkdirTemp("", "copydesk-bench-articles-")
		if benchDirErr != nil {
			return
		}
		for i := 0; i < benchArticles; i++ {
			p := filepath.Join(benchDir, fmt.Sprintf("%02d", i%100), fmt.Sprintf("article-%05d.md", i))
			if i < 100 {
				os.MkdirAll(filepath.Dir(p), 0o755)
			}
			if benchDirErr = os.WriteFile(p, samples.Article(i), 0o644); benchDirErr != nil {
				return
			}
		}
	})
	if benchDirErr != nil {
		b.Fatal(benchDirErr)
	}
	return benchDir
}

func benchOpen(b *testing.B) *Library {
	b.Helper()
	l, err := Open(filepath.Join(b.TempDir(), "library.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { l.Close() })
	return l
}

// BenchmarkImport10k imports 10,000 articles into an empty library (the
// full-text index deferred, as `copydesk import` does).
func BenchmarkImport10k(b *testing.B) {
	dir := benchFolder(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		l := benchOpen(b)
		b.StartTimer()
		res, err := l.Import(ctx, []string{dir}, nil)
		if err != nil || res.Created != benchArticles {
			b.Fatalf("%+v %v", res, err)
		}
	}
}

// BenchmarkIndex10k builds the full-text index of 10,000 imported drafts.
func BenchmarkIndex10k(b *testing.B) {
	dir := benchFolder(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		l := benchOpen(b)
		if _, err := l.Import(ctx, []string{dir}, nil); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := l.IndexPending(ctx, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExport10k exports 10,000 drafts into an empty folder.
func BenchmarkExport10k(b *testing.B) {
	dir := benchFolder(b)
	l := benchOpen(b)
	if _, err := l.Import(ctx, []string{dir}, nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := filepath.Join(b.TempDir(), "content")
		res, err := l.Export(ctx, ExportOptions{Out: out}, nil)
		if err != nil || res.Written() != benchArticles {
			b.Fatalf("%d written, %v", res.Written(), err)
		}
	}
}

// TestMain removes the benchmark folder, shared by the benchmarks of a run.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// BenchmarkStoreImports10k times the writer's part of an import alone: the
// 10,000 articles are read and derived before the timer starts, then stored
// in batches as Import does.
func BenchmarkStoreImports10k(b *testing.B) {
	dir := benchFolder(b)
	l := benchOpen(b)
	files, _ := collectImport([]string{dir})
	items := make([]store.ImportItem, len(files))
	for i, f := range files {
		d := l.prepareImport(importJob{file: f})
		if d.problem != "" {
			b.Fatal(d.problem)
		}
		items[i] = d.item
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		l := benchOpen(b)
		b.StartTimer()
		for start := 0; start < len(items); start += importBatchSize {
			end := min(start+importBatchSize, len(items))
			if _, err := l.st.ApplyImports(ctx, items[start:end]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
