package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"syscall"
	"testing"
	"time"

	"copydesk/backend/site/samples"
)

// The benchmarks share one library of 10,000 sample articles, built once.
var (
	benchOnce  sync.Once
	benchStore *Store
	benchDir   string
	benchErr   error
)

// TestMain removes the benchmark library, shared by the benchmarks of a run.
func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(cleanups) - 1; i >= 0; i-- {
		cleanups[i]()
	}
	if benchStore != nil {
		benchStore.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

const benchDrafts = 10000

func benchLibrary(b *testing.B) *Store {
	b.Helper()
	benchOnce.Do(func() {
		var err error
		benchDir, err = os.MkdirTemp("", "copydesk-bench-")
		if err != nil {
			benchErr = err
			return
		}
		s, err := Open(filepath.Join(benchDir, "library.db"))
		if err != nil {
			benchErr = err
			return
		}
		ctx := context.Background()
		for start := 0; start < benchDrafts; start += 250 {
			var items []ImportItem
			for i := start; i < start+250; i++ {
				text := samples.Article(i)
				items = append(items, ImportItem{Path: fmt.Sprintf("%05d.md", i), Text: string(text),
					Derived: Derived{Title: fmt.Sprintf("第%d篇", i), Date: "2025-06-27T20:10:05+08:00",
						DateSort: fmt.Sprintf("2025-%02d-%02dT00:00:00Z", 1+i%12, 1+i%28), Tags: []string{"芯片"}, Errors: i % 3}})
			}
			if _, err := s.ApplyImports(ctx, items); err != nil {
				benchErr = err
				return
			}
		}
		benchErr = s.IndexPending(ctx, nil)
		benchStore = s
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

// threadCPU is the CPU time of the calling OS thread. The benchmarks lock
// their goroutine to its thread (SQLite runs on it too), so the difference
// around a query is the CPU that query used: a number that, unlike wall
// time, does not grow when other processes share the machine.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_THREAD, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// timed runs f b.N times and reports wall and CPU percentiles.
func timed(b *testing.B, f func(i int)) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	wall := make([]time.Duration, 0, b.N)
	cpu := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0, c0 := time.Now(), threadCPU()
		f(i)
		wall = append(wall, time.Since(t0))
		cpu = append(cpu, threadCPU()-c0)
	}
	b.StopTimer()
	b.ReportMetric(percentile(wall, 0.95), "p95-ms")
	b.ReportMetric(percentile(wall, 0.50), "p50-ms")
	b.ReportMetric(percentile(cpu, 0.95), "p95-cpu-ms")
}

// percentile reports the p-th percentile of the durations in milliseconds.
func percentile(ds []time.Duration, p float64) float64 {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return float64(ds[int(float64(len(ds)-1)*p)].Microseconds()) / 1000
}

// BenchmarkSearch types queries as an editor would (one, two, three and
// more characters, Chinese and Latin, common and rare) over 10,000 drafts:
// one query per op; reports the p95 latency.
func BenchmarkSearch(b *testing.B) {
	s := benchLibrary(b)
	ctx := context.Background()
	queries := []string{"算", "算力", "算力租", "算力租赁", "数据中心", "英伟达", "液冷服务器", "第9999号观察", "Meta", "me", "OpenAI 芯片",
		"不存在的词语", "zz", "先进封装 出口管制", "华", "台积电", "report 3"}
	timed(b, func(i int) {
		if _, err := s.ListDrafts(ctx, Filter{Query: queries[i%len(queries)], Limit: 100}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkListFirstPage is the library pane opening: the newest 100 drafts.
func BenchmarkListFirstPage(b *testing.B) {
	s := benchLibrary(b)
	ctx := context.Background()
	filters := []Filter{{Limit: 100}, {Limit: 100, HasProblems: true}, {Limit: 100, Tag: "芯片"}, {Limit: 100, Status: StatusDraft}}
	timed(b, func(i int) {
		list, err := s.ListDrafts(ctx, filters[i%len(filters)])
		if err != nil || len(list) != 100 {
			b.Fatalf("%d rows, %v", len(list), err)
		}
	})
}
