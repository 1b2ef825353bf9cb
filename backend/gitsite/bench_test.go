package gitsite

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// benchSite is a remote with n articles and two editors who imported it.
func benchSite(b *testing.B, n int) (alice, bob *editor) {
	b.Helper()
	isolate(b)
	articles := make(map[string]string, n)
	for i := 0; i < n; i++ {
		text := houseArticle(fmt.Sprintf("第%d篇分析", i), i%3 == 0)
		text = strings.Replace(text, "第一段正文，讲算力。", strings.Repeat(fmt.Sprintf("第%d篇的正文，讲算力与芯片。", i), 40), 1)
		articles[fmt.Sprintf("posts/%04d/a-%d.md", i/100, i)] = text
	}
	remote := newRemote(b, articles)
	return newEditor(b, remote, "Alice"), newEditor(b, remote, "Bob")
}

// reportOwnTime splits the time per operation into git's (the processes it
// ran) and Copydesk's own (everything else).
func reportOwnTime(b *testing.B, sites ...*Site) func() {
	var before int64
	for _, s := range sites {
		before += s.git.spent.Load()
	}
	b.ResetTimer()
	return func() {
		elapsed := b.Elapsed()
		var gitTime int64
		for _, s := range sites {
			gitTime += s.git.spent.Load()
		}
		gitTime -= before
		b.ReportMetric(float64(gitTime)/float64(b.N)/1e6, "git-ms/op")
		b.ReportMetric((float64(elapsed.Nanoseconds())-float64(gitTime))/float64(b.N)/1e6, "own-ms/op")
	}
}

func BenchmarkStatus2000(b *testing.B) {
	_, bob := benchSite(b, 2000)
	ctx := context.Background()
	report := reportOwnTime(b, bob.site)
	for i := 0; i < b.N; i++ {
		if _, err := bob.site.Status(ctx, StatusOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	report()
}

// BenchmarkPublishOne2000 edits one article and publishes it (fetch,
// export, commit, push to a bare repository on the same disk).
func BenchmarkPublishOne2000(b *testing.B) {
	alice, _ := benchSite(b, 2000)
	ctx := context.Background()
	report := reportOwnTime(b, alice.site)
	defer report()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		rel := fmt.Sprintf("posts/%04d/a-%d.md", i%2000/100, i%2000)
		d := alice.edit(b, rel, "第三段正文", fmt.Sprintf("第三段正文（第%d次修改）", i))
		b.StartTimer()
		res, err := alice.site.Publish(ctx, PublishOptions{IDs: []int64{d.ID}}, nil)
		if err != nil || !res.Pushed {
			b.Fatal(res, err)
		}
	}
}

// BenchmarkPull2000 pulls commits that changed some articles, half of
// which the puller had edited too (merged).
func BenchmarkPull2000(b *testing.B) {
	for _, changed := range []int{1, 50} {
		b.Run(fmt.Sprintf("changed=%d", changed), func(b *testing.B) {
			alice, bob := benchSite(b, 2000)
			ctx := context.Background()
			var pullGit int64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				var ids []int64
				for k := 0; k < changed; k++ {
					n := (i*changed + k) % 2000
					rel := fmt.Sprintf("posts/%04d/a-%d.md", n/100, n)
					ids = append(ids, alice.edit(b, rel, "第三段正文", fmt.Sprintf("第三段正文（Alice 第%d次）", i)).ID)
					if k%2 == 1 {
						bob.edit(b, rel, "第二段正文", fmt.Sprintf("第二段正文（Bob 第%d次）", i))
					}
				}
				if _, err := alice.site.Publish(ctx, PublishOptions{IDs: ids}, nil); err != nil {
					b.Fatal(err)
				}
				before := bob.site.git.spent.Load()
				b.StartTimer()
				res, err := bob.site.Pull(ctx)
				if err != nil || len(res.Updated)+len(res.Merged) != changed {
					b.Fatalf("%+v %v", res, err)
				}
				b.StopTimer()
				pullGit += bob.site.git.spent.Load() - before
				b.StartTimer()
			}
			b.ReportMetric(float64(pullGit)/float64(b.N)/1e6, "git-ms/op")
			b.ReportMetric((float64(b.Elapsed().Nanoseconds())-float64(pullGit))/float64(b.N)/1e6, "own-ms/op")
		})
	}
}
