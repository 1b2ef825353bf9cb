package app

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"copydesk/backend/linkcheck"
)

// recordingPlatform keeps the events a service emits.
type recordingPlatform struct {
	nopPlatform
	mu     sync.Mutex
	events []string
}

func (r *recordingPlatform) Emit(name string, data any) {
	b, _ := json.Marshal(data)
	r.mu.Lock()
	r.events = append(r.events, name+" "+string(b))
	r.mu.Unlock()
}

// newTestCitations gives a citation service over a fresh library, with the
// built-in profile, no archive, no politeness delay and a fixed clock
// (2025/7/8 in Shanghai).
func newTestCitations(t testing.TB) (*CitationService, *recordingPlatform) {
	t.Helper()
	t.Setenv("COPYDESK_PROFILE", "")
	t.Setenv("COPYDESK_ARCHIVE_ENDPOINT", "none")
	editor := newEditorService(newSiteWorkspace(openWorkspaceFromEnvironment))
	now := time.Date(2025, 7, 8, 2, 0, 0, 0, time.UTC)
	editor.now = func() time.Time { return now }
	lib := newLibraryService(filepath.Join(t.TempDir(), "library.db"), editor)
	t.Cleanup(lib.close)
	s := newCitationService(lib, editor, editor.site)
	rec := &recordingPlatform{}
	s.platform = rec
	s.checker = linkcheck.New(linkcheck.Options{PerHostInterval: -1, Timeout: 5 * time.Second, DirectOnly: true, AllowPrivate: true, Now: editor.now})
	return s, rec
}

const citeFront = "---\ntitle: 测试引文面板\ndate: 2025-07-08T09:30:00+08:00\ndraft: true\n---\n\n"

func sample(urls ...string) string {
	var b strings.Builder
	b.WriteString(citeFront)
	b.WriteString("第一段引用了来源二[^2]，随后引用来源一[^1]。\n\n第二段再次引用来源二[^2]和来源三[^3]。\n\n## 引文部分\n\n")
	for i, u := range urls {
		n := string(rune('1' + i))
		b.WriteString("[^" + n + "]: [来源" + n + "的标题](" + u + ")·示例媒体" + n + "·作者" + n + "（2025/6/2" + n + "）·检索日期2025/6/30\n")
	}
	return b.String()
}

func TestListNumbersAsHugoAndReadsFields(t *testing.T) {
	s, _ := newTestCitations(t)
	text := sample("https://a.example/1", "https://b.example/2", "https://c.example/3") + "[^9]: 一条自由文本的注释 https://d.example/x 没有格式\n"
	list, err := s.List(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Rows) != 4 || list.Today != "2025/7/8" || list.InOrder {
		t.Fatalf("rows=%d today=%q inOrder=%v", len(list.Rows), list.Today, list.InOrder)
	}
	want := map[string]int{"1": 2, "2": 1, "3": 3, "9": 0} // [^2] is cited first; [^9] never
	for _, r := range list.Rows {
		if r.Number != want[r.Label] {
			t.Errorf("[^%s] number %d, want %d", r.Label, r.Number, want[r.Label])
		}
	}
	r2 := list.Rows[1]
	if !r2.HouseStyle || r2.Fields.Outlet != "示例媒体2" || r2.Fields.Published != "2025/6/22" || r2.RefCount != 2 ||
		strings.Join(r2.Fields.Authors, "|") != "作者2" {
		t.Errorf("row 2: %+v", r2)
	}
	// UTF-16 offsets: the row's span is the definition line in JavaScript terms.
	js := []rune(text) // no astral characters here, so runes == UTF-16 units
	if got := string(js[r2.From:r2.To]); !strings.HasPrefix(got, "[^2]: [来源2") || strings.Contains(got, "\n") {
		t.Errorf("span of [^2]: %q", got)
	}
	free := list.Rows[3]
	if free.HouseStyle || free.FormatError == "" || free.Fields.URL != "https://d.example/x" || free.Raw != "一条自由文本的注释 https://d.example/x 没有格式" {
		t.Errorf("free text row: %+v", free)
	}
}

func TestUpdateRewritesExactlyTheDefinitionLine(t *testing.T) {
	s, _ := newTestCitations(t)
	text := sample("https://a.example/1", "https://b.example/2", "https://c.example/3")
	out, err := s.Update(text, "2", CitationFields{Title: "新标题", URL: "https://b.example/2", Outlet: "新媒体",
		Authors: []string{"甲", " 乙 "}, Published: "2025-06-01", Retrieved: "2025年7月8日"})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(text, "[^2]: [来源2的标题](https://b.example/2)·示例媒体2·作者2（2025/6/22）·检索日期2025/6/30",
		"[^2]: [新标题](https://b.example/2)·新媒体·甲, 乙（2025/6/1）·检索日期2025/7/8", 1)
	if out != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
	// Converting a free-text definition works the same way.
	free := text + "[^4]: 见 https://e.example/4\n"
	out, err = s.Update(free, "4", CitationFields{Title: "E", URL: "https://e.example/4", Outlet: "E 媒体", Published: "2025/1/2", Retrieved: "2025/7/8"})
	if err != nil || !strings.HasSuffix(out, "[^4]: [E](https://e.example/4)·E 媒体（2025/1/2）·检索日期2025/7/8\n") {
		t.Fatalf("convert: %v\n%s", err, out)
	}
	for _, bad := range []CitationFields{
		{URL: "https://x.example", Outlet: "o", Published: "2025/1/1", Retrieved: "2025/1/1"},
		{Title: "t", URL: "ftp://x", Outlet: "o", Published: "2025/1/1", Retrieved: "2025/1/1"},
		{Title: "t", URL: "https://x.example", Outlet: "o", Published: "2025/2/30", Retrieved: "2025/1/1"},
		{Title: "a](https://y.example)·b", URL: "https://x.example", Outlet: "o", Published: "2025/1/1", Retrieved: "2025/1/1"},
		{Title: "t\nx", URL: "https://x.example", Outlet: "o", Published: "2025/1/1", Retrieved: "2025/1/1"},
	} {
		if _, err := s.Update(text, "1", bad); err == nil || !strings.Contains(err.Error(), "citation.invalid") {
			t.Errorf("%+v accepted (%v)", bad, err)
		}
	}
	if _, err := s.Update(text, "7", CitationFields{Title: "t", URL: "https://x.example", Outlet: "o", Published: "2025/1/1", Retrieved: "2025/1/1"}); err == nil || !strings.Contains(err.Error(), "citation.no_definition") {
		t.Errorf("missing label: %v", err)
	}
}

func TestAddInsertsReferenceAndDefinition(t *testing.T) {
	s, _ := newTestCitations(t)
	f := CitationFields{Title: "新来源", URL: "https://n.example/", Outlet: "新媒体", Published: "2025/7/1", Retrieved: "2025/7/8"}
	text := sample("https://a.example/1", "https://b.example/2", "https://c.example/3")
	cursor := len([]rune(citeFront + "第一段引用了来源二")) // after 来源二, before [^2]
	got, err := s.Add(text, f, cursor)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(text, "来源二[^2]，", "来源二[^4][^2]，", 1) + "[^4]: [新来源](https://n.example/)·新媒体（2025/7/1）·检索日期2025/7/8\n"
	if got.Text != want || got.Label != "4" || got.RefFrom != cursor || got.RefTo != cursor+4 {
		t.Fatalf("got %+v\nwant text\n%s", got, want)
	}

	// No heading: it is created at the end; no cursor: no reference.
	bare := citeFront + "正文。\n"
	got, err = s.Add(bare, f, -1)
	if err != nil || got.Text != bare+"\n## 引文部分\n\n[^1]: [新来源](https://n.example/)·新媒体（2025/7/1）·检索日期2025/7/8\n" || got.RefFrom != -1 {
		t.Fatalf("no heading: %v %+v", err, got)
	}
	// Where the definition goes is backend/article's AddDefinition (tested there).
	onDef := strings.Index(text, "[^3]: ") + 3
	if _, err := s.Add(text, f, len([]rune(text[:onDef]))); err == nil || !strings.Contains(err.Error(), "citation.cursor_in_definition") {
		t.Errorf("cursor on a definition: %v", err)
	}
	if _, err := s.Add(text, f, 3); err == nil || !strings.Contains(err.Error(), "citation.cursor_in_front_matter") {
		t.Errorf("cursor in front matter: %v", err)
	}
}

func TestDeleteAndRenumber(t *testing.T) {
	s, _ := newTestCitations(t)
	text := sample("https://a.example/1", "https://b.example/2", "https://c.example/3")
	out, err := s.Delete(text, "2", true)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "[^2]") || strings.Count(out, "\n") != strings.Count(text, "\n")-1 ||
		!strings.Contains(out, "第一段引用了来源二，随后引用来源一[^1]。") {
		t.Fatalf("delete with refs:\n%s", out)
	}
	out, err = s.Delete(text, "2", false)
	if err != nil || strings.Count(out, "[^2]") != 2 || strings.Contains(out, "[^2]:") {
		t.Fatalf("delete definition only: %v\n%s", err, out)
	}
	ren, err := s.Renumber(text)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ren, "来源二[^1]，随后引用来源一[^2]") || !strings.Contains(ren, "[^1]: [来源2的标题]") {
		t.Fatalf("renumber:\n%s", ren)
	}
	if l, _ := s.List(ren); !l.InOrder {
		t.Error("renumbered text not reported in order")
	}
}

// The whole loop the panel runs: check links (cached with their time),
// then mark only the verified ones retrieved today.
func TestCheckLinksThenMarkRetrievedToday(t *testing.T) {
	s, rec := newTestCitations(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html>ok</html>")) })
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", http.StatusMovedPermanently) })
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html>new</html>")) })
	srv := httptest.NewServer(mux) // unknown paths: 404
	defer srv.Close()
	text := sample(srv.URL+"/ok", srv.URL+"/old", srv.URL+"/gone")

	// Before any check nothing may be marked.
	m, err := s.MarkRetrievedToday(text, []string{"1", "2", "3"})
	if err != nil || m.Text != text || len(m.Marked) != 0 || len(m.Skipped) != 3 || m.Skipped[0].Reason != "not_checked" {
		t.Fatalf("before check: %v %+v", err, m)
	}

	sum, err := s.CheckLinks("job-1", text)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range sum.Results {
		got[r.Label] = r.Status
		if r.CheckedAt == "" {
			t.Errorf("[^%s] has no check time", r.Label)
		}
	}
	if got["1"] != "ok" || got["2"] != "redirected" || got["3"] != "dead" || sum.Cancelled || sum.Counts["dead"] != 1 {
		t.Fatalf("results %v summary %+v", got, sum)
	}
	if len(rec.events) == 0 || !strings.HasPrefix(rec.events[len(rec.events)-1], `links-progress {"jobId":"job-1","done":3,"total":3`) {
		t.Errorf("progress events: %v", rec.events)
	}
	list, _ := s.List(text)
	if list.Rows[2].Link.Status != "dead" || list.Rows[2].Link.HTTPStatus != 404 || !list.Rows[1].Link.CheckedToday ||
		list.Rows[1].Link.FinalURL != srv.URL+"/new" {
		t.Errorf("cached link state: %+v / %+v", list.Rows[1].Link, list.Rows[2].Link)
	}

	m, err = s.MarkRetrievedToday(text, []string{"1", "2", "3"})
	if err != nil {
		t.Fatal(err)
	}
	before, after := strings.Split(text, "\n"), strings.Split(m.Text, "\n")
	var changed []string
	for i := range before {
		if before[i] != after[i] {
			changed = append(changed, after[i])
		}
	}
	want := []string{
		"[^1]: [来源1的标题](" + srv.URL + "/ok)·示例媒体1·作者1（2025/6/21）·检索日期2025/7/8",
		"[^2]: [来源2的标题](" + srv.URL + "/old)·示例媒体2·作者2（2025/6/22）·检索日期2025/7/8",
	}
	if strings.Join(changed, "\n") != strings.Join(want, "\n") || len(before) != len(after) {
		t.Fatalf("changed lines:\n%s", strings.Join(changed, "\n"))
	}
	if strings.Join(m.Marked, ",") != "1,2" || len(m.Skipped) != 1 || m.Skipped[0].Label != "3" || m.Skipped[0].Reason != "not_verified" {
		t.Errorf("marked %v skipped %+v", m.Marked, m.Skipped)
	}
	// One by one works too.
	one, _ := s.MarkRetrievedToday(text, []string{"2"})
	if strings.Join(one.Marked, ",") != "2" || strings.Contains(one.Text, "作者1（2025/6/21）·检索日期2025/7/8") {
		t.Errorf("single mark: %+v", one.Marked)
	}
}

func TestCancelCheckReturnsPromptlyAndCachesNothingUnfinished(t *testing.T) {
	s, _ := newTestCitations(t)
	release := make(chan struct{})
	arrived := make(chan struct{}, 16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	text := sample(srv.URL+"/slow1", srv.URL+"/slow2", srv.URL+"/slow3")
	done := make(chan LinkCheckSummary)
	go func() {
		sum, _ := s.CheckLinks("job-slow", text)
		done <- sum
	}()
	// Cancel once the check is under way: a request has reached the server.
	select {
	case <-arrived:
	case <-time.After(5 * time.Second):
		t.Fatal("no request reached the server")
	}
	s.CancelCheck("job-slow")
	select {
	case sum := <-done:
		if !sum.Cancelled {
			t.Errorf("not reported cancelled: %+v", sum)
		}
		for _, r := range sum.Results {
			if r.CheckedAt != "" {
				t.Errorf("cancelled result has a check time: %+v", r)
			}
		}
	case <-time.After(5 * time.Second):
		t.Fatal("cancel did not stop the check")
	}
	list, _ := s.List(text)
	for _, r := range list.Rows {
		if r.Link.Status != "" {
			t.Errorf("unfinished check cached for [^%s]: %+v", r.Label, r.Link)
		}
	}
}

func TestSourcesSuggestApplyAndAudit(t *testing.T) {
	s, _ := newTestCitations(t)
	lib, err := s.library.open()
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.library.Create(sample("https://a.example/1", "https://b.example/2", "https://c.example/3"))
	if err != nil {
		t.Fatal(err)
	}
	// The second draft cites a.example too (differently written) and has a future retrieval date.
	bText := citeFront + "另一篇[^1]。\n\n## 引文部分\n\n[^1]: [来源1的标题](HTTPS://A.example:443/1#frag)·示例媒体1（2025/6/21）·检索日期2025/7/20\n"
	b, err := s.library.Create(bText)
	if err != nil {
		t.Fatal(err)
	}
	sug, err := s.Suggest("https://a.example/1")
	if err != nil || !sug.Known || sug.Fields.Outlet != "示例媒体1" || len(sug.CitedBy) != 2 {
		t.Fatalf("suggest: %v %+v", err, sug)
	}
	if unk, err := s.Suggest("https://unknown.example/"); err != nil || unk.Known {
		t.Fatalf("unknown: %v %+v", err, unk)
	}
	srcs, err := s.Sources()
	if err != nil || len(srcs) != 3 || srcs[0].NormURL != "https://a.example/1" || len(srcs[0].CitedBy) != 2 {
		t.Fatalf("sources: %v %+v", err, srcs)
	}

	fields := CitationFields{Title: "更正后的标题", Outlet: "示例媒体一", Authors: []string{"作者甲"}, Published: "2025/6/21"}
	res, err := s.ApplySourceToDrafts("https://a.example/1", fields, []int64{a.ID, b.ID})
	if err != nil || len(res) != 2 || res[0].Error != "" || strings.Join(res[1].Labels, ",") != "1" {
		t.Fatalf("apply: %v %+v", err, res)
	}
	gotB, _ := s.library.Get(b.ID)
	if want := strings.Replace(bText, "[来源1的标题](HTTPS://A.example:443/1#frag)·示例媒体1（", "[更正后的标题](HTTPS://A.example:443/1#frag)·示例媒体一·作者甲（", 1); gotB.Text != want {
		t.Errorf("draft b:\n%s", gotB.Text)
	}

	// A dead link in draft a, a future retrieval date in draft b.
	if err := lib.UpdateSourceCheck(t.Context(), "https://c.example/3", "dead", 404, "https://c.example/3", "", time.Now()); err != nil {
		t.Fatal(err)
	}
	audit, err := s.Audit("en")
	if err != nil {
		t.Fatal(err)
	}
	if len(audit) != 2 {
		t.Fatalf("audit: %+v", audit)
	}
	for _, d := range audit {
		var codes []string
		for _, p := range d.Problems {
			codes = append(codes, p.Code+"@"+p.Label)
		}
		t.Logf("draft %d: %d errors %d warnings %v", d.DraftID, d.Errors, d.Warnings, codes)
		switch d.DraftID {
		case a.ID:
			if !strings.Contains(strings.Join(codes, " "), "link.dead@3") {
				t.Errorf("draft a: %v", codes)
			}
		case b.ID:
			if !strings.Contains(strings.Join(codes, " "), "citation.retrieved_future@1") {
				t.Errorf("draft b: %v", codes)
			}
		}
	}
	if audit[0].Errors < audit[1].Errors || (audit[0].Errors == audit[1].Errors && audit[0].Warnings < audit[1].Warnings) {
		t.Errorf("not sorted by severity: %+v", audit)
	}
}

func TestByteOffsetOfUTF16(t *testing.T) {
	text := "a中😀b"
	for units, want := range map[int]int{0: 0, 1: 1, 2: 4, 4: 8, 5: 9, 99: 9} {
		if got := byteOffsetOfUTF16(text, units); got != want {
			t.Errorf("%d units: byte %d, want %d", units, got, want)
		}
	}
}
