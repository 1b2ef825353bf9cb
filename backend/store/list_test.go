package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func ids(list []Summary) []int64 {
	var out []int64
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

func TestListNewestFirstAndFilters(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	old := create(t, s, "旧文", "2025-01-01T00:00:00Z", "芯片")
	mid := create(t, s, "中文", "2025-03-01T00:00:00Z", "模型")
	newest := create(t, s, "新文", "2025-06-01T00:00:00Z", "芯片", "模型")
	all, err := s.ListDrafts(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(all); len(got) != 3 || got[0] != newest.ID || got[2] != old.ID {
		t.Fatalf("order %v", got)
	}
	page, _ := s.ListDrafts(ctx, Filter{Limit: 1, Offset: 1})
	if len(page) != 1 || page[0].ID != mid.ID {
		t.Errorf("second page: %v", ids(page))
	}
	if got := ids(mustList(t, s, Filter{Tag: "芯片"})); len(got) != 2 {
		t.Errorf("tag filter: %v", got)
	}
	if got := ids(mustList(t, s, Filter{Tag: "芯片", Topic: "算力与芯片"})); len(got) != 2 {
		t.Errorf("tag+topic filter: %v", got)
	}
	if got := mustList(t, s, Filter{Topic: "前沿模型与算法"}); len(got) != 0 {
		t.Errorf("topic filter: %v", ids(got))
	}
	d := derivedFor("中文", mid.Date, "模型")
	d.Errors = 2
	if _, err := s.SaveDraft(ctx, mid.ID, mid.Text+"改", d, mid.Version, ""); err != nil {
		t.Fatal(err)
	}
	if got := ids(mustList(t, s, Filter{HasProblems: true})); len(got) != 1 || got[0] != mid.ID {
		t.Errorf("has problems: %v", got)
	}
	s.SetStatus(ctx, old.ID, StatusReady)
	s.RecordExport(ctx, newest.ID, "new.md", newest.ContentHash, false)
	if got := ids(mustList(t, s, Filter{Status: StatusReady})); len(got) != 1 || got[0] != old.ID {
		t.Errorf("ready: %v", got)
	}
	if got := ids(mustList(t, s, Filter{Status: StatusPublished})); len(got) != 1 || got[0] != newest.ID {
		t.Errorf("published: %v", got)
	}
	if got := ids(mustList(t, s, Filter{Status: StatusDraft})); len(got) != 1 || got[0] != mid.ID {
		t.Errorf("draft: %v", got)
	}
	if _, err := s.ListDrafts(ctx, Filter{Status: "bogus"}); err == nil {
		t.Error("unknown status accepted")
	}
	tags, _ := s.AllTags(ctx)
	if len(tags) != 2 || tags[0].Count != 2 {
		t.Errorf("all tags: %v", tags)
	}
	if topics, _ := s.AllTopics(ctx); len(topics) != 1 || topics[0].Count != 3 {
		t.Errorf("all topics: %v", topics)
	}
	if n, _ := s.CountDrafts(ctx); n != 3 {
		t.Errorf("count %d", n)
	}
}

func mustList(t *testing.T, s *Store, f Filter) []Summary {
	t.Helper()
	list, err := s.ListDrafts(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestSearchChineseShortAndLong(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	ai := create(t, s, "人工智能的豪赌", "2025-06-01T00:00:00Z")
	chip, err := s.CreateDraft(ctx, NewDraft{Text: "---\ntitle: 光刻机\n---\n\n讨论 EUV 光刻与 100%_良率。\n", Derived: Derived{Title: "光刻机"}})
	if err != nil {
		t.Fatal(err)
	}
	tail, err := s.CreateDraft(ctx, NewDraft{Text: "---\ntitle: 无题\n---\n没有换行的结尾", Derived: Derived{Title: "无题"}})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		q    string
		want []int64
	}{
		{"人工智能", []int64{ai.ID}},    // trigram, title and body
		{"豪赌", []int64{ai.ID}},      // two characters: LIKE
		{"光", []int64{chip.ID}},     // one character
		{"euv", []int64{chip.ID}},   // trigram is case-insensitive
		{"Eu", []int64{chip.ID}},    // so is LIKE for Latin letters
		{"100%_", []int64{chip.ID}}, // trigram with LIKE metacharacters
		{"%_", []int64{chip.ID}},    // LIKE metacharacters are literal
		{"_x", nil},                 // not "any character followed by x"
		{"光刻 良率", []int64{chip.ID}}, // every term must match
		{"人工智能 光刻", nil},            // terms from different drafts
		{`"引号`, nil},                // quotes cannot break the query
		{"不存在的词", nil},
		{"良率", []int64{chip.ID}}, // two characters in the body only: through the trigrams
		{"EU", []int64{chip.ID}}, // the same, Latin, either case
		{"率。", []int64{chip.ID}}, // two characters, then a line break
		{"机", []int64{chip.ID}},  // one character at the end of a title
		{"结尾", []int64{tail.ID}}, // the last two characters of a text, no line break after them
		{"尾", []int64{tail.ID}},
	}
	for _, c := range cases {
		got, err := s.ListDrafts(ctx, Filter{Query: c.q})
		if err != nil {
			t.Errorf("%q: %v", c.q, err)
			continue
		}
		if g := ids(got); len(g) != len(c.want) || (len(g) > 0 && g[0] != c.want[0]) {
			t.Errorf("%q found %v, want %v", c.q, g, c.want)
		}
	}
	// The index follows edits.
	if _, err := s.SaveDraft(ctx, chip.ID, "---\ntitle: 光刻机\n---\n\n人工智能芯片\n", Derived{Title: "光刻机"}, chip.Version, ""); err != nil {
		t.Fatal(err)
	}
	if got := mustList(t, s, Filter{Query: "人工智能"}); len(got) != 2 {
		t.Errorf("after edit: %v", ids(got))
	}
	if got := mustList(t, s, Filter{Query: "良率"}); len(got) != 0 {
		t.Errorf("old text still found: %v", ids(got))
	}
}

// Over a thousand drafts a term whose trigrams are in most drafts is found
// by reading the newest drafts instead of the index; the answer must be the
// same as the index gives.
func TestSearchCommonTermsMatchIndex(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	var items []ImportItem
	for i := 0; i < 1200; i++ {
		text := fmt.Sprintf("---\ntitle: 第%d篇\n---\n数据中心的第%d次扩建。\n", i, i)
		if i%7 == 0 {
			text += "液冷数据中心。\n"
		}
		items = append(items, ImportItem{Path: fmt.Sprintf("%d.md", i), Text: text,
			Derived: Derived{Title: fmt.Sprintf("第%d篇", i), DateSort: fmt.Sprintf("2025-01-01T00:00:%02dZ", i%60)}})
	}
	if _, err := s.ApplyImports(ctx, items); err != nil {
		t.Fatal(err)
	}
	if err := s.IndexPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if common, _ := s.commonTerm(ctx, "数据中心"); !common {
		t.Fatal("a term in every draft is not judged common")
	}
	if common, _ := s.commonTerm(ctx, "液冷数据"); common {
		t.Fatal("a term in a seventh of the drafts is judged common")
	}
	for q, want := range map[string]int{"数据中心": 1200, "液冷数据中心": 172, "数据中心 液冷": 172, "第1199次": 1, "中心的第": 1200} {
		got := mustList(t, s, Filter{Query: q})
		if len(got) != want {
			t.Errorf("%q: %d drafts, want %d", q, len(got), want)
		}
		page := mustList(t, s, Filter{Query: q, Limit: 50})
		for i := range page {
			if page[i].ID != got[i].ID {
				t.Errorf("%q: the first page is not the start of the full list", q)
				break
			}
		}
	}
}

func TestTextTail(t *testing.T) {
	for in, want := range map[string]string{"": "", "a": "a", "ab": "ab", "abc": "bc", "中文结尾": "结尾", "x\n": "x\n", "尾": "尾"} {
		if got := textTail(in); got != want {
			t.Errorf("textTail(%q) = %q, want %q", in, got, want)
		}
	}
}

// A two-character term that no trigram starts with can only end a title or
// a text; with every draft indexed it is looked up in the tail indexes.
func TestSearchTermOnlyAtTheEnd(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	mk := func(title, text string) int64 {
		d, err := s.CreateDraft(ctx, NewDraft{Text: text, Derived: Derived{Title: title}})
		if err != nil {
			t.Fatal(err)
		}
		return d.ID
	}
	titled := mk("关于Zq", "---\ntitle: 关于Zq\n---\n正文。\n")
	tailed := mk("无题", "---\ntitle: 无题\n---\n结尾是xy")
	mk("别的", "---\ntitle: 别的\n---\n正文里有xyz和zqa。\n") // trigrams start with xy and zq here: not this case
	mk("另一篇", "---\ntitle: 另一篇\n---\n没有。\n")
	if pending, _ := s.PendingIndex(ctx); pending != 0 {
		t.Fatalf("%d drafts not indexed", pending)
	}
	// With trigrams starting with the term elsewhere, the usual lookup
	// still finds the drafts where it is only at the end.
	for q, want := range map[string]int64{"ZQ": titled, "Xy": tailed} {
		got := ids(mustList(t, s, Filter{Query: q}))
		if len(got) != 2 || (got[0] != want && got[1] != want) {
			t.Errorf("%q: %v, want %d and the draft with the trigrams", q, got, want)
		}
	}
	if got := ids(mustList(t, s, Filter{Query: "qq"})); len(got) != 0 {
		t.Errorf("qq: %v", got)
	}
	// Without trigrams for "yq": the tail indexes answer.
	// (The store takes the derived title as given: here it differs from
	// the text, so that "yq" ends the title and occurs nowhere else.)
	only := mk("结尾yq", "---\ntitle: 结尾\n---\n正文。\n")
	ending := mk("无题二", "---\ntitle: 无题二\n---\n最后YQ")
	if got := ids(mustList(t, s, Filter{Query: "YQ"})); len(got) != 2 || got[0] != ending || got[1] != only {
		t.Errorf("YQ: %v, want [%d %d]", got, ending, only)
	}
	cond, _, err := s.shortTerm(ctx, "yq", "%yq%")
	if err != nil || !strings.Contains(cond, "lower(substr(d.title, -2))") {
		t.Errorf("condition for a term only at the end: %s, %v", cond, err)
	}
	var plan strings.Builder
	rows, err := s.read.Query(`EXPLAIN QUERY PLAN SELECT id FROM drafts d WHERE d.trashed_at IS NULL AND `+cond+
		` ORDER BY d.date_sort DESC, d.id DESC LIMIT 100`, "yq", "yq")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id, parent, unused int
		var detail string
		rows.Scan(&id, &parent, &unused, &detail)
		plan.WriteString(detail + "\n")
	}
	rows.Close()
	if !strings.Contains(plan.String(), "drafts_title_tail") || !strings.Contains(plan.String(), "drafts_text_tail") {
		t.Errorf("the tail indexes are not used:\n%s", plan.String())
	}
}
