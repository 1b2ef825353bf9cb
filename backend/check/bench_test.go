package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/backend/profile"
	"copydesk/backend/site"
)

// generatedArticle is a house-style article of about 7 KB (the size of the
// reference article), varied by n so no two files are alike.
func generatedArticle(tb testing.TB, n int) []byte {
	tb.Helper()
	base := fixture(tb, "clean.md")
	head, body, _ := strings.Cut(base, "\n## 引文部分\n")
	// Repeat the analysis sections until the article is about 7 KB.
	_, sections, _ := strings.Cut(head, "### 管制升级")
	var b strings.Builder
	b.WriteString(strings.Replace(head, "芯片出口管制升级", fmt.Sprintf("芯片出口管制升级（第%d篇）", n), 1))
	for b.Len() < 6000 {
		b.WriteString("\n### 管制升级")
		b.WriteString(sections)
	}
	b.WriteString("\n## 引文部分\n")
	b.WriteString(body)
	return []byte(b.String())
}

func BenchmarkTextOneArticle(b *testing.B) {
	text := generatedArticle(b, 1)
	p := profile.Default()
	if ds, _ := Text(text, p, Options{Today: testToday}); len(ds) != 0 {
		b.Fatalf("generated article is not clean: %v", codes(ds))
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpuStart := cpuTime()
	for b.Loop() {
		if _, err := Text(text, p, Options{Today: testToday}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpuStart).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/article")
}

// BenchmarkTextReference checks the reference article, whose emphasis sits
// next to punctuation, so the emphasis detector's parse is included.
func BenchmarkTextReference(b *testing.B) {
	data, err := os.ReadFile(referenceArticle(b))
	if err != nil {
		b.Fatal(err)
	}
	p := profile.Default()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpuStart := cpuTime()
	for b.Loop() {
		if ds, err := Text(data, p, Options{Today: testToday}); err != nil || len(ds) != 0 {
			b.Fatal(err, ds)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpuStart).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/article")
}

// BenchmarkFolder10000 checks a folder of 10,000 generated articles from
// disk with 2 workers, the way `copydesk check FOLDER` does.
func BenchmarkFolder10000(b *testing.B) {
	const count = 10000
	dir := b.TempDir()
	for i := 0; i < count; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i%100))
		if i < 100 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				b.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%05d.md", i)), generatedArticle(b, i), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	cpuStart := cpuTime()
	for b.Loop() {
		found, missing := site.Collect([]string{dir})
		if len(found) != count || len(missing) != 0 {
			b.Fatalf("collected %d files, %d problems", len(found), len(missing))
		}
		files := make([]string, len(found))
		for i, f := range found {
			files[i] = f.Path
		}
		results := Files(files, FilesOptions{Today: testToday, Workers: 2})
		for _, r := range results {
			if r.Err != nil || len(r.Diagnostics) != 0 {
				b.Fatalf("%s: %v %v", r.Path, r.Err, codes(r.Diagnostics))
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*count)/1e6, "ms/article")
	// CPU time does not depend on what else the machine is running.
	b.ReportMetric(float64((cpuTime()-cpuStart).Nanoseconds())/float64(b.N*count)/1e6, "cpu-ms/article")
}
