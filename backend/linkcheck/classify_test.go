package linkcheck

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

const challengeHTML = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="refresh" content="360"></head><body><div id="cf-chl-widget"></div></body></html>`

// siteHandler is a small site with one path per situation the checker must classify.
func siteHandler(t *testing.T, userAgents *atomic.Value) http.Handler {
	mux := http.NewServeMux()
	page := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>新闻报道</title></head><body>正文</body></html>`)
	}
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		userAgents.Store(r.Header.Get("User-Agent"))
		page(w, r)
	})
	mux.HandleFunc("/new-home", page)
	for _, code := range []int{401, 403, 404, 410, 429, 451, 999, 400, 500, 502, 503, 408} {
		mux.HandleFunc(fmt.Sprintf("/status/%d", code), func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(code)
		})
	}
	mux.HandleFunc("/cf-header", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cf-Mitigated", "challenge")
		w.WriteHeader(http.StatusForbidden)
	})
	mux.HandleFunc("/cf-interstitial", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(w, challengeHTML)
	})
	// A wall that refuses HEAD and serves its interstitial with 200 to GET.
	mux.HandleFunc("/wall-200", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, challengeHTML)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new-home", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/chain/1", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/chain/2", http.StatusFound) })
	mux.HandleFunc("/chain/2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/chain/3", http.StatusSeeOther) })
	mux.HandleFunc("/chain/3", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new-home", http.StatusPermanentRedirect)
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/self-loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/self-loop", http.StatusFound) })
	mux.HandleFunc("/endless/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
	})
	mux.HandleFunc("/moved-then-gone", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/status/404", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/head-405", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		page(w, r)
	})
	mux.HandleFunc("/head-404", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		page(w, r)
	})
	mux.HandleFunc("/head-drop", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Error(err)
				return
			}
			conn.Close()
			return
		}
		page(w, r)
	})
	mux.HandleFunc("/cookie-bounce", func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("seen"); err != nil {
			http.SetCookie(w, &http.Cookie{Name: "seen", Value: "1", Path: "/"})
			http.Redirect(w, r, "/cookie-bounce", http.StatusFound)
			return
		}
		page(w, r)
	})
	mux.HandleFunc("/redirect-to-ftp", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "ftp://files.invalid/x")
		w.WriteHeader(http.StatusFound)
	})
	mux.HandleFunc("/redirect-to-invalid-host", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://moved.example.invalid/page", http.StatusMovedPermanently)
	})
	return mux
}

func TestClassifiesEveryStatus(t *testing.T) {
	var ua atomic.Value
	srv := newServer(t, siteHandler(t, &ua))
	refused := refusedURL(t)
	cases := []struct {
		path      string // relative to srv.URL unless it has a scheme
		status    Status
		code      int
		finalPath string // "" : FinalURL must equal URL; "-": FinalURL must be empty
	}{
		{"/ok", StatusOK, 200, ""},
		{"/ok#第二节", StatusOK, 200, ""},
		{"/moved", StatusRedirected, 200, "/new-home"},
		{"/moved#frag", StatusRedirected, 200, "/new-home#frag"},
		{"/chain/1", StatusRedirected, 200, "/new-home"},
		{"/cookie-bounce", StatusOK, 200, ""},
		{"/head-405", StatusOK, 200, ""},
		{"/head-404", StatusOK, 200, ""},
		{"/head-drop", StatusOK, 200, ""},
		{"/status/404", StatusDead, 404, ""},
		{"/status/410", StatusDead, 410, ""},
		{"/moved-then-gone", StatusDead, 404, "/status/404"},
		{"/status/401", StatusUnverifiable, 401, ""},
		{"/status/403", StatusUnverifiable, 403, ""},
		{"/status/429", StatusUnverifiable, 429, ""},
		{"/status/451", StatusUnverifiable, 451, ""},
		{"/status/999", StatusUnverifiable, 999, ""},
		{"/status/400", StatusUnverifiable, 400, ""},
		{"/cf-header", StatusUnverifiable, 403, ""},
		{"/cf-interstitial", StatusUnverifiable, 503, ""},
		{"/wall-200", StatusUnverifiable, 200, ""},
		{"/loop/a", StatusUnverifiable, 0, "/loop/a"},
		{"/self-loop", StatusUnverifiable, 0, "/self-loop"},
		{"/endless/", StatusUnverifiable, 0, "/endless/xxxxxxxxxxx"},
		{"/status/500", StatusError, 500, ""},
		{"/status/502", StatusError, 502, ""},
		{"/status/503", StatusError, 503, ""},
		{"/status/408", StatusError, 408, ""},
		{"/redirect-to-ftp", StatusError, 0, "/redirect-to-ftp"},
		{"/redirect-to-invalid-host", StatusDead, 0, "http://moved.example.invalid/page"},
		{"http://no-such-site.invalid/2025/06/27/story.html", StatusDead, 0, "-"},
		{refused, StatusError, 0, "-"},
		{"ftp://example.invalid/file", StatusError, 0, "-"},
		{"not a url at all", StatusError, 0, "-"},
	}
	var targets []Target
	for _, c := range cases {
		u := c.path
		if strings.HasPrefix(u, "/") {
			u = srv.URL + u
		}
		targets = append(targets, Target{URL: u})
	}
	c := New(testOptions(t))
	defer c.Close()
	results := c.Check(context.Background(), targets, nil)
	for i, want := range cases {
		got := results[i]
		if got.URL != targets[i].URL {
			t.Errorf("%s: URL %q", want.path, got.URL)
		}
		if got.Status != want.status || got.HTTPStatus != want.code {
			t.Errorf("%s: got %s %d (%s), want %s %d", want.path, got.Status, got.HTTPStatus, got.Err, want.status, want.code)
		}
		wantFinal := targets[i].URL
		switch {
		case want.finalPath == "-":
			wantFinal = ""
		case strings.HasPrefix(want.finalPath, "http"):
			wantFinal = want.finalPath
		case want.finalPath != "":
			wantFinal = srv.URL + want.finalPath
		}
		if got.FinalURL != wantFinal {
			t.Errorf("%s: final URL %q, want %q", want.path, got.FinalURL, wantFinal)
		}
		if got.CheckedAt.IsZero() {
			t.Errorf("%s: CheckedAt not set", want.path)
		}
		if got.Status != StatusOK && got.Status != StatusRedirected && got.Err == "" {
			t.Errorf("%s: %s without a reason", want.path, got.Status)
		}
	}
	if got := ua.Load(); got != DefaultUserAgent {
		t.Errorf("User-Agent sent: %q", got)
	}
	if s := Summarize(results); s[StatusOK] != 6 || s[StatusRedirected] != 3 || s[StatusDead] != 5 ||
		s[StatusUnverifiable] != 12 || s[StatusError] != 8 {
		t.Errorf("summary %v", s)
	}
}

// refusedURL returns a loopback URL on which nothing listens.
func refusedURL(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + "/article"
}

// A host that does not exist is dead while other names resolve in the same
// check: the resolver is working and says so.
func TestHostThatDoesNotExistIsDead(t *testing.T) {
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	opts := testOptions(t)
	opts.Resolver = fakeDNSWith(t, 3, "live-newsroom.example") // NXDOMAIN for every other name
	c := New(opts)
	defer c.Close()
	var order []string
	rs := c.Check(context.Background(), []Target{
		{URL: "http://closed-newsroom.example/2025/story"},
		{URL: "http://live-newsroom.example:" + port + "/story"},
	}, func(_, _ int, r Result) { order = append(order, string(r.Status)) })
	if rs[0].Status != StatusDead || !strings.Contains(rs[0].Err, "host not found") {
		t.Errorf("missing host: %+v", rs[0])
	}
	if rs[1].Status != StatusOK {
		t.Errorf("live host: %+v", rs[1])
	}
	if len(order) != 2 {
		t.Errorf("progress %v", order)
	}
}

// Offline (no name resolves, or the resolver cannot be reached), nothing is
// dead: a missing host is an error with an "offline" reason, so a check run
// on a train never raises a false alarm.
func TestOfflineNothingIsDead(t *testing.T) {
	closedPort := strings.TrimPrefix(strings.TrimSuffix(refusedURL(t), "/article"), "http://")
	for name, resolver := range map[string]*net.Resolver{
		"every name NXDOMAIN": fakeDNS(t, 3),
		"resolver refused": {PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "udp", closedPort)
		}},
	} {
		opts := testOptions(t)
		opts.Resolver = resolver
		c := New(opts)
		rs := c.Check(context.Background(), []Target{
			{URL: "http://closed-newsroom.example/2025/story"},
			{URL: "https://another-site.example/a"},
			{URL: "http://no-such.invalid/x"}, // reserved: never exists on any network
		}, nil)
		c.Close()
		for _, r := range rs[:2] {
			if r.Status != StatusError {
				t.Errorf("%s: %+v", name, r)
			}
		}
		if name == "every name NXDOMAIN" && !strings.HasPrefix(rs[0].Err, "offline: host not found") {
			t.Errorf("%s: reason %q", name, rs[0].Err)
		}
		if rs[2].Status != StatusDead {
			t.Errorf("%s: reserved name: %+v", name, rs[2])
		}
	}
}

func TestResolverFailureIsAnError(t *testing.T) {
	opts := testOptions(t)
	opts.Resolver = fakeDNS(t, 2) // SERVFAIL: the name may exist, ask later
	c := New(opts)
	defer c.Close()
	r := c.Check(context.Background(), []Target{{URL: "http://flaky-dns.example/story"}}, nil)[0]
	if r.Status != StatusError {
		t.Fatalf("got %+v", r)
	}
}

func TestClassifyErrorDirect(t *testing.T) {
	if s, _ := classifyError(&net.DNSError{Err: "no such host", Name: "x.example", IsNotFound: true}); s != StatusDead {
		t.Errorf("NXDOMAIN: %s", s)
	}
	if s, _ := classifyError(&net.DNSError{Err: "i/o timeout", Name: "x.example", IsTimeout: true}); s != StatusError {
		t.Errorf("DNS time-out: %s", s)
	}
	if s, why := classifyError(context.DeadlineExceeded); s != StatusError || why != "time-out" {
		t.Errorf("deadline: %s %s", s, why)
	}
}

func TestUntrustedCertificateIsAnError(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	c := New(testOptions(t))
	defer c.Close()
	r := c.Check(context.Background(), []Target{{URL: srv.URL + "/secure"}}, nil)[0]
	if r.Status != StatusError || !strings.HasPrefix(r.Err, "TLS certificate not accepted") {
		t.Fatalf("got %+v", r)
	}
}
