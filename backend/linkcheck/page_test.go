package linkcheck

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestFetchPage(t *testing.T) {
	article := "<!doctype html><html><head><title>头条</title></head><body><p>" + strings.Repeat("正文。", 2000) + "</p></body></html>"
	mux := http.NewServeMux()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			t.Errorf("page fetched with %s", r.Method)
		}
		if ua := r.Header.Get("User-Agent"); ua != DefaultUserAgent {
			t.Errorf("User-Agent %q", ua)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(article))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/a", http.StatusFound) })
	mux.HandleFunc("/wall", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte("<html><head><title>Just a moment...</title></head><body>cf-chl-widget</body></html>"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 64 {
			w.Write(bytes.Repeat([]byte("x"), 1024))
		}
	})
	srv := newServer(t, mux)
	c := New(testOptions(t))
	defer c.Close()

	p := c.FetchPage(t.Context(), srv.URL+"/a", 0)
	if p.Status != StatusOK || p.HTTPStatus != 200 || string(p.Body) != article || p.FinalURL != srv.URL+"/a" ||
		p.ContentType != "text/html; charset=utf-8" || p.Truncated || p.FetchedAt.IsZero() {
		t.Errorf("ok page: %+v", withoutBody(p))
	}
	p = c.FetchPage(t.Context(), srv.URL+"/moved#frag", 0)
	if p.Status != StatusRedirected || p.FinalURL != srv.URL+"/a#frag" || string(p.Body) != article {
		t.Errorf("redirected page: %+v", withoutBody(p))
	}
	p = c.FetchPage(t.Context(), srv.URL+"/gone", 0)
	if p.Status != StatusDead || p.HTTPStatus != 404 {
		t.Errorf("dead page: %+v", withoutBody(p))
	}
	p = c.FetchPage(t.Context(), srv.URL+"/wall", 0)
	if p.Status != StatusUnverifiable || !p.Challenge || !strings.Contains(string(p.Body), "Just a moment") {
		t.Errorf("bot wall: %+v", withoutBody(p))
	}
	p = c.FetchPage(t.Context(), srv.URL+"/big", 10_000)
	if p.Status != StatusOK || !p.Truncated || len(p.Body) != 10_000 {
		t.Errorf("capped page: %+v (%d bytes)", withoutBody(p), len(p.Body))
	}
	p = c.FetchPage(t.Context(), "mailto:x@example.com", 0)
	if p.Status != StatusError || p.Err != "not an http(s) URL" {
		t.Errorf("not a web URL: %+v", withoutBody(p))
	}
}

// A body that stops arriving is a time-out, not a page.
func TestFetchPageBodyTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><head><title>慢</title>"))
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	opts := testOptions(t)
	opts.Timeout = 300 * time.Millisecond
	c := New(opts)
	defer c.Close()
	p := c.FetchPage(t.Context(), srv.URL+"/slow", 0)
	if p.Status != StatusError || p.Err != "time-out" {
		t.Errorf("slow body: %+v", withoutBody(p))
	}
}

func withoutBody(p Page) Page { p.Body = nil; return p }

func TestSaveToArchive(t *testing.T) {
	var asked []string
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.URL.RequestURI())
		switch {
		case strings.HasPrefix(r.URL.Path, "/save/https://a.example/"):
			w.Header().Set("Location", "/web/20250708020000/https://a.example/x")
			w.WriteHeader(http.StatusFound)
		case strings.HasPrefix(r.URL.Path, "/save/https://b.example/"):
			w.Header().Set("Content-Location", "/web/20250708020001/https://b.example/y")
		case strings.HasPrefix(r.URL.Path, "/save/https://c.example/"):
			w.WriteHeader(http.StatusOK)
		default:
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	c := New(testOptions(t))
	defer c.Close()
	got, err := c.SaveToArchive(t.Context(), srv.URL+"/save/", "https://a.example/x")
	if err != nil || got != srv.URL+"/web/20250708020000/https://a.example/x" {
		t.Errorf("redirect answer: %q %v", got, err)
	}
	got, err = c.SaveToArchive(t.Context(), srv.URL+"/save", "https://b.example/y")
	if err != nil || got != srv.URL+"/web/20250708020001/https://b.example/y" {
		t.Errorf("Content-Location answer: %q %v", got, err)
	}
	if _, err := c.SaveToArchive(t.Context(), srv.URL+"/save", "https://c.example/z"); err == nil || !strings.Contains(err.Error(), "without a snapshot address") {
		t.Errorf("no address: %v", err)
	}
	if _, err := c.SaveToArchive(t.Context(), srv.URL+"/save", "https://d.example/"); err == nil || !strings.Contains(err.Error(), "HTTP 429") {
		t.Errorf("refused: %v", err)
	}
	if _, err := c.SaveToArchive(t.Context(), "ftp://x", "https://d.example/"); err == nil {
		t.Error("a non-http endpoint was asked")
	}
	if len(asked) != 4 || asked[0] != "/save/https://a.example/x" {
		t.Errorf("requests: %v", asked)
	}
}
