package app

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestCaptureURLsSendsProgressAndFillsTheForm(t *testing.T) {
	s, rec := newTestCitations(t)
	page := `<html lang="zh-CN"><head><meta charset="utf-8"><title>示例标题 - 示例网</title>
<meta property="og:site_name" content="示例网"><meta property="og:title" content="示例标题">
<meta property="article:published_time" content="2025-07-01T08:00:00+08:00"><meta name="author" content="张三">
</head><body><article><h1>示例标题</h1><p>正文第一段，讲述示例事件的经过。</p></article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/a" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	sum, err := s.CaptureURLs("cap-1", []string{srv.URL + "/a", srv.URL + "/missing"})
	if err != nil || sum.Cancelled || len(sum.Results) != 2 {
		t.Fatalf("%+v %v", sum, err)
	}
	a := sum.Results[0]
	if a.Error != "" || a.Fields.Title != "示例标题" || a.Fields.Outlet != "示例网" || strings.Join(a.Fields.Authors, ",") != "张三" ||
		a.Fields.Published != "2025/7/1" || a.Fields.Retrieved != "2025/7/8" || a.Evidence.Published == "" || a.CheckedAt == "" {
		t.Errorf("captured: %+v", a)
	}
	if b := sum.Results[1]; b.Status != "dead" || b.Error == "" || b.Fields.URL != srv.URL+"/missing" {
		t.Errorf("missing page: %+v", b)
	}
	if len(rec.events) != 2 || !strings.HasPrefix(rec.events[1], `capture-progress {"jobId":"cap-1","done":2,"total":2`) {
		t.Errorf("events: %v", rec.events)
	}
	// The form's fields go straight into Add.
	added, err := s.Add(citeFront+"正文。\n", a.Fields, -1)
	if err != nil || !strings.HasSuffix(added.Text, "[^1]: [示例标题]("+srv.URL+"/a)·示例网·张三（2025/7/1）·检索日期2025/7/8\n") {
		t.Errorf("add from capture: %v %q", err, added.Text)
	}
	// A saved page reads the same without a fetch.
	h, err := s.CaptureHTML(page, "https://example.cn/a")
	if err != nil || h.Fields.Title != "示例标题" || h.Fields.URL != "https://example.cn/a" {
		t.Errorf("saved page: %+v %v", h, err)
	}
	if _, err := s.CaptureURLs("", []string{srv.URL + "/a"}); err == nil || !strings.Contains(err.Error(), "links.job_id") {
		t.Errorf("empty job id: %v", err)
	}
}

// CancelCheck stops a capture between pages: the page being read is
// abandoned and the rest are reported cancelled, none with fields.
func TestCaptureURLsCancel(t *testing.T) {
	s, _ := newTestCitations(t)
	arrived := make(chan struct{}, 8)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	done := make(chan CaptureSummary)
	go func() {
		sum, _ := s.CaptureURLs("cap-slow", []string{srv.URL + "/1", srv.URL + "/2", srv.URL + "/3"})
		done <- sum
	}()
	select {
	case <-arrived:
	case <-time.After(5 * time.Second):
		t.Fatal("no request reached the server")
	}
	s.CancelCheck("cap-slow")
	select {
	case sum := <-done:
		if !sum.Cancelled || len(sum.Results) != 3 {
			t.Fatalf("summary: %+v", sum)
		}
		for _, r := range sum.Results {
			if r.Error == "" || r.Fields.Title != "" {
				t.Errorf("cancelled page has fields: %+v", r)
			}
		}
		if sum.Results[2].Error != "canceled" {
			t.Errorf("unstarted page: %+v", sum.Results[2])
		}
	case <-time.After(5 * time.Second):
		t.Fatal("cancel did not stop the capture")
	}
}
