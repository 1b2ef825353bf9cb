package citations

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"copydesk/backend/citation"
	"copydesk/backend/linkcheck"
	"copydesk/backend/profile"
)

func TestListWithoutRendererNumbersByFirstCitation(t *testing.T) {
	s, _ := newTestService(t)
	text := sampleText("https://a.example/1", "https://b.example/2", "https://c.example/3") + "[^9]: 自由文本 https://d.example/x 说明\n"
	l, err := s.List(text)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"1": 2, "2": 1, "3": 3, "9": 0}
	for _, r := range l.Rows {
		if r.Number != want[r.Label] {
			t.Errorf("[^%s] number %d, want %d", r.Label, r.Number, want[r.Label])
		}
		if got := text[r.From:r.To]; !strings.HasPrefix(got, "[^"+r.Label+"]: ") || strings.Contains(got, "\n") {
			t.Errorf("[^%s] span %q", r.Label, got)
		}
	}
	if l.Today != "2025/7/8" || l.InOrder || l.Rows[3].HouseStyle || l.Rows[3].Fields.URL != "https://d.example/x" {
		t.Errorf("list: today %q inOrder %v free row %+v", l.Today, l.InOrder, l.Rows[3])
	}
	if r := l.Rows[1]; text[r.FirstRef:r.FirstRef+4] != "[^2]" || r.RefCount != 2 {
		t.Errorf("first reference of [^2]: %d (%d refs)", r.FirstRef, r.RefCount)
	}
}

func TestCitationValidation(t *testing.T) {
	st := profile.Default().Style
	ok := Fields{Title: "标题", URL: "https://x.example/a", Outlet: "媒体", Published: "2025-06-01", Retrieved: "2025年7月8日"}
	if c, err := Citation(ok, st); err != nil || c.PublishedText != "2025/6/1" || c.RetrievedText != "2025/7/8" {
		t.Fatalf("valid fields: %+v %v", c, err)
	}
	for _, c := range []struct {
		edit          func(f *Fields)
		field, reason string
	}{
		{func(f *Fields) { f.Title = " " }, "title", "required"},
		{func(f *Fields) { f.URL = "ftp://x.example/" }, "url", "url"},
		{func(f *Fields) { f.URL = "https://x.example/a b" }, "url", "url"},
		{func(f *Fields) { f.Outlet = "" }, "outlet", "required"},
		{func(f *Fields) { f.Published = "2025/2/30" }, "published", "date"},
		{func(f *Fields) { f.Retrieved = "" }, "retrieved", "date"},
		{func(f *Fields) { f.Authors = []string{"甲\n乙"} }, "", "newline"},
		{func(f *Fields) { f.Title = "a](https://evil.example/)·b" }, "", "unreadable"},
	} {
		f := ok
		c.edit(&f)
		_, err := Citation(f, st)
		var ce *Error
		if !errors.As(err, &ce) || ce.Code != CodeInvalid || ce.Params["field"] != c.field || ce.Params["reason"] != c.reason {
			t.Errorf("%+v: %v, want %s/%s", f, err, c.field, c.reason)
		}
	}
}

func TestMarkRetrievedRule(t *testing.T) {
	st := profile.Default().Style
	text := []byte(sampleText("https://a.example/1", "https://b.example/2", "https://c.example/3") +
		"[^4]: 自由文本 (https://d.example/4)\n")
	day := citation.Date{Year: 2025, Month: 7, Day: 8}
	checks := map[string]LastCheck{
		"https://a.example/1": {Status: linkcheck.StatusOK, CheckedAt: testNow},
		"https://b.example/2": {Status: linkcheck.StatusRedirected, CheckedAt: testNow.Add(-48 * time.Hour)}, // stale
		"https://c.example/3": {Status: linkcheck.StatusDead, CheckedAt: testNow},
		"https://d.example/4": {Status: linkcheck.StatusOK, CheckedAt: testNow},
	}
	last := func(u string) (LastCheck, bool) { c, ok := checks[u]; return c, ok }
	fresh := func(t time.Time) bool { return !t.Before(testNow.Add(-time.Hour)) }
	m, err := MarkRetrieved(text, st, nil, day, last, fresh)
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for _, sk := range m.Skipped {
		reasons[sk.Label] = sk.Reason
	}
	if strings.Join(m.Marked, ",") != "1" || reasons["2"] != "not_checked" || reasons["3"] != "not_verified" || reasons["4"] != "not_house_style" {
		t.Fatalf("marked %v skipped %+v", m.Marked, m.Skipped)
	}
	if !strings.Contains(string(m.Text), "作者1（2025/6/21）·检索日期2025/7/8\n") || strings.Count(string(m.Text), "检索日期2025/7/8") != 1 {
		t.Errorf("text:\n%s", m.Text)
	}
	m, _ = MarkRetrieved(text, st, []string{"7"}, day, last, fresh)
	if len(m.Skipped) != 1 || m.Skipped[0].Reason != "no_url" || string(m.Text) != string(text) {
		t.Errorf("unknown label: %+v", m.Skipped)
	}
}

func TestCheckLinksCachesAndMarks(t *testing.T) {
	s, lib := newTestService(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html>ok</html>")) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	text := sampleText(srv.URL+"/ok", srv.URL+"/gone")
	rep, err := s.CheckLinks(t.Context(), text, nil)
	if err != nil || rep.Cancelled || rep.Counts[linkcheck.StatusOK] != 1 || rep.Counts[linkcheck.StatusDead] != 1 {
		t.Fatalf("report %+v %v", rep, err)
	}
	src, err := lib.Source(t.Context(), srv.URL+"/gone")
	if err != nil || src.CheckStatus != "dead" || src.HTTPStatus != 404 || !src.CheckedAt.Equal(testNow) {
		t.Fatalf("cached: %+v %v", src, err)
	}
	m, err := s.MarkRetrievedToday(text, []string{"1", "2"})
	if err != nil || strings.Join(m.Marked, ",") != "1" || len(m.Skipped) != 1 || m.Skipped[0].Status != "dead" {
		t.Fatalf("mark: %+v %v", m, err)
	}
}

func TestAddAndDeleteCodes(t *testing.T) {
	s, _ := newTestService(t)
	text := sampleText("https://a.example/1")
	f := Fields{Title: "新", URL: "https://n.example/", Outlet: "媒体", Published: "2025/7/1", Retrieved: "2025/7/8"}
	var ce *Error
	if _, err := s.Add(text, f, 2); !errors.As(err, &ce) || ce.Code != CodeCursorFrontMatter {
		t.Errorf("front matter: %v", err)
	}
	if _, err := s.Add(text, f, strings.Index(text, "[^1]: ")+1); !errors.As(err, &ce) || ce.Code != CodeCursorInDefinition || ce.Params["label"] != "1" {
		t.Errorf("on a definition: %v", err)
	}
	if _, err := s.Delete(text, "8", false); !errors.As(err, &ce) || ce.Code != CodeNoDefinition {
		t.Errorf("delete unknown: %v", err)
	}
	added, err := s.Add(text, f, -1)
	if err != nil || !strings.HasSuffix(string(added.Text), "[^4]: [新](https://n.example/)·媒体（2025/7/1）·检索日期2025/7/8\n") {
		t.Fatalf("add: %v %q", err, added.Text)
	}
}

func TestApplySourceToTextKeepsURLAndRetrieval(t *testing.T) {
	s, _ := newTestService(t)
	text := testFront + "正文[^1][^2]。\n\n## 引文部分\n\n[^1]: [旧](HTTPS://A.example:443/1#x)·旧媒体（2025/6/1）·检索日期2025/6/9\n" +
		"[^2]: [别的](https://b.example/)·乙（2025/6/1）·检索日期2025/6/9\n"
	out, labels, err := s.ApplySourceToText(text, "https://a.example/1", Fields{Title: "新", Outlet: "新媒体", Authors: []string{"甲"}, Published: "2025/6/2"})
	want := strings.Replace(text, "[旧](HTTPS://A.example:443/1#x)·旧媒体（2025/6/1）", "[新](HTTPS://A.example:443/1#x)·新媒体·甲（2025/6/2）", 1)
	if err != nil || out != want || strings.Join(labels, ",") != "1" {
		t.Fatalf("%v %v\n%s", err, labels, out)
	}
}
