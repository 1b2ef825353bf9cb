package citations

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"copydesk/backend/library"
)

// fixture reads testdata/name.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// gbk encodes a UTF-8 fixture in GBK, as Chinese portals serve pages.
func gbk(t testing.TB, b []byte) []byte {
	t.Helper()
	out, err := simplifiedchinese.GBK.NewEncoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// pageServer serves the fixtures: /graph (JSON-LD @graph), /old (a
// redirect to /graph), /portal (GBK, Content-Type without charset),
// /consent, /wall (a bot challenge), anything else 404.
func pageServer(t testing.TB) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	serve := func(path, ctype string, body []byte) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.Write(body)
		})
	}
	serve("/graph", "text/html; charset=utf-8", fixture(t, "graph.html"))
	serve("/portal", "text/html", gbk(t, fixture(t, "portal_zh.html")))
	serve("/consent", "text/html; charset=utf-8", fixture(t, "consent.html"))
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/graph", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/wall", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cf-Mitigated", "challenge")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte("<html><head><title>Just a moment...</title></head><body></body></html>"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestCaptureReadsFieldsWithEvidenceAndStoresIt(t *testing.T) {
	s, lib := newTestService(t)
	srv := pageServer(t)
	c := s.Capture(t.Context(), srv.URL+"/graph")
	if c.Err != "" || !c.Read || c.Status != "ok" || c.HTTPStatus != 200 {
		t.Fatalf("capture: %+v", c)
	}
	f := c.Fields
	if f.Title != "Chip export rules tighten again: what changes for cloud providers" || f.Outlet != "Example Wire" ||
		strings.Join(f.Authors, "|") != "Jane Doe|Li Wei" || f.Published != "2025/7/6" || f.Retrieved != "2025/7/8" ||
		f.URL != srv.URL+"/graph" {
		t.Errorf("fields: %+v", f)
	}
	if c.Evidence.Title == "" || c.Evidence.Authors == "" || c.Evidence.Published == "" || c.Evidence.Outlet == "" {
		t.Errorf("evidence: %+v", c.Evidence)
	}
	want := "[Chip export rules tighten again: what changes for cloud providers](" + srv.URL + "/graph)·Example Wire·Jane Doe, Li Wei（2025/7/6）·检索日期2025/7/8"
	if c.Line != want {
		t.Errorf("line:\n got %s\nwant %s", c.Line, want)
	}
	stored, err := lib.Store().Capture(t.Context(), library.NormalizeURL(srv.URL+"/graph"))
	if err != nil || stored.Title != f.Title || stored.Published != "2025-07-06" || len(stored.BodySHA256) != 64 ||
		!strings.Contains(stored.Text, "licence requirement") || !stored.RetrievedAt.Equal(testNow) || stored.Evidence["title"] != c.Evidence.Title {
		t.Errorf("stored capture: %+v %v", stored, err)
	}
	// The fetch counts as a check made today, so "retrieved today" may mark it.
	if src, err := lib.Source(t.Context(), srv.URL+"/graph"); err != nil || src.CheckStatus != "ok" || !src.CheckedAt.Equal(testNow) {
		t.Errorf("source check: %+v %v", src, err)
	}
}

func TestCaptureRedirectedGBKAndFailures(t *testing.T) {
	s, lib := newTestService(t)
	srv := pageServer(t)

	c := s.Capture(t.Context(), srv.URL+"/old")
	if c.Status != "redirected" || c.FinalURL != srv.URL+"/graph" || c.Fields.URL != srv.URL+"/graph" || c.Err != "" {
		t.Errorf("redirected: %+v", c)
	}
	// The capture and a fresh check belong to the address cited, the final one.
	if _, err := lib.Store().Capture(t.Context(), library.NormalizeURL(srv.URL+"/graph")); err != nil {
		t.Errorf("capture of the final address: %v", err)
	}
	if src, err := lib.Source(t.Context(), srv.URL+"/graph"); err != nil || src.CheckStatus != "ok" {
		t.Errorf("check of the final address: %+v %v", src, err)
	}
	if src, err := lib.Source(t.Context(), srv.URL+"/old"); err != nil || src.CheckStatus != "redirected" {
		t.Errorf("check of the address given: %+v %v", src, err)
	}

	c = s.Capture(t.Context(), srv.URL+"/portal")
	if c.Err != "" || c.Fields.Title != "国产算力芯片出货量上半年翻番" || strings.Join(c.Fields.Authors, "|") != "王小明" ||
		c.Fields.Published != "2025/7/7" {
		t.Errorf("GBK portal page: %+v", c.Fields)
	}
	for _, a := range c.Fields.Authors {
		if strings.Contains(a, "编辑") {
			t.Errorf("the editor taken for an author: %v", c.Fields.Authors)
		}
	}

	c = s.Capture(t.Context(), srv.URL+"/gone")
	if c.Status != "dead" || c.HTTPStatus != 404 || c.Err == "" || c.Read || c.Line != "" {
		t.Errorf("dead page: %+v", c)
	}
	c = s.Capture(t.Context(), srv.URL+"/wall")
	if c.Status != "unverifiable" || c.Wall != "bot" || c.Err == "" || c.Fields.Title != "" {
		t.Errorf("bot wall: %+v", c)
	}
	c = s.Capture(t.Context(), srv.URL+"/consent")
	if c.Wall != "consent" || c.Err == "" || c.Fields.Title != "" {
		t.Errorf("consent wall: %+v", c)
	}
}

func TestCaptureHTMLReadsASavedPage(t *testing.T) {
	s, lib := newTestService(t)
	c := s.CaptureHTML(t.Context(), gbk(t, fixture(t, "portal_zh.html")), "https://news.example.cn/2025/07/07/chips.shtml")
	if c.Err != "" || c.Fields.Title != "国产算力芯片出货量上半年翻番" || c.Fields.URL != "https://news.example.cn/2025/07/07/chips.shtml" ||
		c.Retrieved.String() != "2025/7/8" {
		t.Fatalf("saved page: %+v", c)
	}
	if _, err := lib.Store().Capture(t.Context(), "https://news.example.cn/2025/07/07/chips.shtml"); err != nil {
		t.Errorf("saved page not stored: %v", err)
	}
}

func TestCaptureAsksTheArchiveWhenTheProfileSaysSo(t *testing.T) {
	s, _ := newTestService(t)
	srv := pageServer(t)
	var asked string
	archive := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = r.URL.Path
		w.Header().Set("Location", "/web/20250708020000/"+strings.TrimPrefix(r.URL.Path, "/save/"))
		w.WriteHeader(http.StatusFound)
	}))
	defer archive.Close()
	s.opts.Profile.ArchiveOnCapture = true
	s.opts.Profile.ArchiveSaveURL = archive.URL + "/save"
	c := s.Capture(t.Context(), srv.URL+"/graph")
	if asked != "/save/"+srv.URL+"/graph" || c.ArchiveURL != archive.URL+"/web/20250708020000/"+srv.URL+"/graph" {
		t.Errorf("archive asked %q, snapshot %q", asked, c.ArchiveURL)
	}
}

func TestCheckLinksReportsChangedSinceRetrieved(t *testing.T) {
	s, lib := newTestService(t)
	page := string(fixture(t, "graph.html"))
	current := page
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(current))
	}))
	defer srv.Close()
	if c := s.Capture(t.Context(), srv.URL+"/a"); c.Err != "" {
		t.Fatal(c.Err)
	}
	text := sampleText(srv.URL + "/a")
	check := func() *Change {
		t.Helper()
		rep, err := s.CheckLinks(t.Context(), text, nil)
		if err != nil || len(rep.Links) != 1 {
			t.Fatalf("%+v %v", rep, err)
		}
		return rep.Links[0].Change
	}
	if ch := check(); ch == nil || ch.Changed() || ch.Similarity != 1 {
		t.Errorf("unchanged page: %+v", ch)
	}
	// A corrected sentence is not a rewrite.
	current = strings.Replace(page, "keep records for five years", "keep records for six years", 1)
	if ch := check(); ch == nil || ch.Changed() || ch.Similarity < TextChangedBelow {
		t.Errorf("small correction: %+v", ch)
	}
	// A new headline and a different story are.
	current = strings.ReplaceAll(page, "Chip export rules tighten again: what changes for cloud providers", "Export rules withdrawn")
	current = strings.Replace(current, "<article>", "<article><p>"+strings.Repeat("The agency withdrew the proposal after a week of objections from industry groups. ", 4)+"</p>", 1)
	current = current[:strings.Index(current, "<p>The new rules")] + "</article></body></html>"
	ch := check()
	if ch == nil || !ch.Headline || !ch.Text || ch.NewTitle != "Export rules withdrawn" {
		t.Errorf("rewritten page: %+v", ch)
	}
	// The comparison is kept: the panel's row and the audit show it.
	l, err := s.List(text)
	if err != nil || len(l.Rows) != 1 {
		t.Fatal(err)
	}
	if ls := l.Rows[0].Link; !ls.Captured || !ls.ChangedHeadline || !ls.ChangedText || ls.PageTitle != "Export rules withdrawn" ||
		ls.CapturedTitle != "Chip export rules tighten again: what changes for cloud providers" {
		t.Errorf("row link state: %+v", ls)
	}
	if _, err := lib.Create(t.Context(), text); err != nil {
		t.Fatal(err)
	}
	audit, err := s.Audit("en")
	if err != nil || len(audit) != 1 {
		t.Fatalf("audit: %+v %v", audit, err)
	}
	var codes []string
	for _, p := range audit[0].Problems {
		codes = append(codes, p.Code)
	}
	if !strings.Contains(strings.Join(codes, " "), "link.changed") {
		t.Errorf("audit codes: %v", codes)
	}
}

func TestCompareShingles(t *testing.T) {
	same := Compare("标题", "今年上半年，国产算力芯片出货量同比增长一倍以上。", " 标题 ", "今年上半年, 国产算力芯片出货量同比增长一倍以上")
	if same.Changed() || same.Similarity != 1 {
		t.Errorf("punctuation and spacing only: %+v", same)
	}
	other := Compare("标题", "今年上半年，国产算力芯片出货量同比增长一倍以上。", "标题", "央行宣布下调存款准备金率零点五个百分点。")
	if !other.Text || other.Similarity > 0.05 {
		t.Errorf("different story: %+v", other)
	}
	if empty := Compare("", "", "标题", "正文"); empty.Changed() || empty.Similarity != -1 {
		t.Errorf("no capture text: %+v", empty)
	}
}
