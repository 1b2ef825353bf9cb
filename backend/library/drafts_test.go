package library

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCreateSaveConflict(t *testing.T) {
	l := newLibrary(t)
	d, err := l.Create(ctx, houseArticle("芯片", true))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "芯片" || d.Status != StatusDraft || d.Version != 1 {
		t.Fatalf("created %+v", d.Summary)
	}
	saved, err := l.Save(ctx, d.ID, strings.Replace(d.Text, "title: 芯片", "title: 芯片战争", 1), d.Version, "")
	if err != nil || saved.Title != "芯片战争" || saved.Version != 2 {
		t.Fatalf("save: %+v %v", saved.Summary, err)
	}
	if _, err := l.Save(ctx, d.ID, d.Text+"迟到的修改", d.Version, "保存"); !errors.Is(err, ErrConflict) {
		t.Fatalf("stale save: %v", err)
	}
	if got, _ := l.Get(ctx, d.ID); got.Text != saved.Text {
		t.Error("a stale save was applied")
	}
	if _, err := l.Get(ctx, 12345); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing: %v", err)
	}
}

func TestTemplateAndEmptyCreate(t *testing.T) {
	l := newLibrary(t)
	d, err := l.Create(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "date: 2025-06-28T10:00:00+08:00\n") || !strings.Contains(d.Text, "## 引文部分") || !d.Draft {
		t.Errorf("template:\n%s", d.Text)
	}
}

func TestDuplicateTrashRestoreRevisions(t *testing.T) {
	l := newLibrary(t)
	d, _ := l.Create(ctx, houseArticle("原文", false))
	dup, err := l.Duplicate(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if dup.ID == d.ID || dup.Title != "原文（副本）" || dup.Path != "" || !strings.Contains(dup.Text, "title: 原文（副本）\n") {
		t.Errorf("duplicate: %+v", dup.Summary)
	}
	if strings.Replace(dup.Text, "（副本）", "", 1) != d.Text {
		t.Error("duplicate changed more than the title")
	}
	if err := l.Trash(ctx, dup.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := l.List(ctx, Filter{Trash: true}); len(list) != 1 || list[0].ID != dup.ID {
		t.Errorf("trash: %+v", list)
	}
	if err := l.Restore(ctx, dup.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := l.List(ctx, Filter{}); len(list) != 2 {
		t.Errorf("after restore %d drafts", len(list))
	}
	v2, _ := l.Save(ctx, d.ID, d.Text+"\n第二版\n", d.Version, "保存")
	v3, _ := l.Save(ctx, d.ID, v2.Text+"\n第三版\n", v2.Version, "保存")
	revs, _ := l.Revisions(ctx, d.ID)
	if len(revs) != 3 || revs[2].Reason != "created" {
		t.Fatalf("revisions: %+v", revs)
	}
	restored, err := l.RestoreRevision(ctx, revs[2].ID, v3.Version)
	if err != nil || restored.Text != d.Text {
		t.Fatalf("restore revision: %v", err)
	}
	if revs, _ := l.Revisions(ctx, d.ID); len(revs) != 4 || !strings.HasPrefix(revs[0].Reason, "restored revision") {
		t.Errorf("restore is not a revision: %+v", revs)
	}
	if _, err := l.RestoreRevision(ctx, revs[2].ID, v3.Version); !errors.Is(err, ErrConflict) {
		t.Errorf("restore from a stale version: %v", err)
	}
	if err := l.Purge(ctx, d.ID); !errors.Is(err, ErrConflict) {
		t.Errorf("purge of a live draft: %v", err)
	}
}

func TestStatusSearchTagsSources(t *testing.T) {
	l := newLibrary(t)
	a, _ := l.Create(ctx, houseArticle("算力的未来", true))
	b, _ := l.Create(ctx, strings.Replace(houseArticle("模型之争", true), "  - 芯片\n", "  - 大模型\n", 1))
	if _, err := l.SetStatus(ctx, a.ID, StatusReady); err != nil {
		t.Fatal(err)
	}
	if _, err := l.SetStatus(ctx, a.ID, "published"); err == nil {
		t.Error("published set by hand")
	}
	if got, _ := l.List(ctx, Filter{Status: StatusReady}); len(got) != 1 || got[0].ID != a.ID {
		t.Errorf("ready filter: %+v", got)
	}
	for q, want := range map[string]int{"算力的未来": 1, "模型": 1, "数据中心": 2, "算": 2, "不存在": 0} {
		if got, err := l.Search(ctx, q); err != nil || len(got) != want {
			t.Errorf("search %q: %d results, want %d (%v)", q, len(got), want, err)
		}
	}
	tags, _ := l.AllTags(ctx)
	if len(tags) != 3 || tags[0] != (TermCount{Value: "数据中心", Count: 2}) {
		t.Errorf("tags %+v", tags)
	}
	srcs, _ := l.Sources(ctx)
	if len(srcs) != 2 || len(srcs[0].CitedBy) != 2 {
		t.Fatalf("sources %+v", srcs)
	}
	at := time.Date(2025, 6, 28, 1, 0, 0, 0, time.UTC)
	if err := l.UpdateSourceCheck(ctx, "https://EXAMPLE.com/a", "ok", 200, "", "", at); err != nil {
		t.Fatal(err)
	}
	src, err := l.Source(ctx, "https://example.com/a#other")
	if err != nil || src.CheckStatus != "ok" || src.Title != "Data centers boom" || src.Outlet != "Example News" {
		t.Errorf("source %+v %v", src, err)
	}
	cites, _ := l.Citations(ctx, b.ID)
	if len(cites) != 2 || cites[1].HouseStyle {
		t.Errorf("citations %+v", cites)
	}
}

func TestTemplateHasOneCitationsHeading(t *testing.T) {
	text := newLibrary(t).Template()
	if n := strings.Count(text, "\n## 引文部分\n"); n != 1 {
		t.Fatalf("template has %d citations headings, want exactly one:\n%s", n, text)
	}
	if strings.Contains(text, "## ##") {
		t.Fatalf("doubled heading marker:\n%s", text)
	}
}
