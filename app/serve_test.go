package app

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

const testToken = "0123456789abcdef0123456789abcdef0123456789abcdef"

// newTestFace is the browser face as `copydesk serve` builds it, listening
// (as far as its Host check knows) on 127.0.0.1:4567.
func newTestFace(t *testing.T) *browserFace {
	t.Helper()
	svc := newServices(filepath.Join(t.TempDir(), "library.db"))
	dist := fstest.MapFS{
		"index.html":    {Data: []byte("<!doctype html><title>Copydesk</title>")},
		"assets/app.js": {Data: []byte("console.log('copydesk')")},
	}
	b := newBrowserFace(svc, dist, testToken, "127.0.0.1:4567")
	t.Cleanup(svc.close)
	return b
}

type faceRequest struct {
	method, path, host, origin, header, cookie string
	body                                       string
}

func (b *browserFace) do(r faceRequest) *httptest.ResponseRecorder {
	method := r.method
	if method == "" {
		method = http.MethodGet
	}
	// A tab that already went away: an event stream let through answers
	// and ends at once instead of streaming until the test times out.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, method, "http://127.0.0.1:4567"+r.path, strings.NewReader(r.body))
	req.Host = r.host
	if req.Host == "" {
		req.Host = "127.0.0.1:4567"
	}
	if r.origin != "" {
		req.Header.Set("Origin", r.origin)
	}
	if r.header != "" {
		req.Header.Set(tokenHeader, r.header)
	}
	if r.cookie != "" {
		req.AddCookie(&http.Cookie{Name: "copydesk_token", Value: r.cookie})
	}
	w := httptest.NewRecorder()
	b.ServeHTTP(w, req)
	return w
}

const versionCall = `{"method":"SystemService.Version","args":[]}`

var (
	apiPaths    = []string{"/api/call", "/api/events", "/api/nothing"}
	staticPaths = []string{"/", "/assets/app.js", "/no/such/page"}
)

// Every /api/ request without the token, with a wrong one, with the token
// only in a cookie (cookies ignore ports: see serve_guard.go), naming another
// host (DNS rebinding) or coming from another origin is refused with 403.
func TestBrowserFaceRefusesForeignAPIRequests(t *testing.T) {
	b := newTestFace(t)
	cases := map[string]faceRequest{
		"no token":                 {},
		"wrong header token":       {header: strings.Repeat("0", len(testToken))},
		"token only in a cookie":   {cookie: testToken},
		"wrong query token":        {path: "?token=00ff"},
		"wrong header, good query": {header: "00ff", path: "?token=" + testToken},
		"good header, wrong query": {header: testToken, path: "?token=00ff"},
		"another host name":        {header: testToken, host: "rebound.example:4567"},
		"another port":             {header: testToken, host: "127.0.0.1:4568"},
		"another loopback address": {header: testToken, host: "127.0.0.2:4567"},
		"host without port":        {header: testToken, host: "127.0.0.1"},
		"another origin":           {header: testToken, origin: "http://evil.example"},
		"another local origin":     {header: testToken, origin: "http://127.0.0.1:8080"},
		"https origin":             {header: testToken, origin: "https://127.0.0.1:4567"},
		"opaque origin":            {header: testToken, origin: "null"},
	}
	for name, c := range cases {
		for _, p := range apiPaths {
			for _, method := range []string{http.MethodGet, http.MethodPost} {
				c := c
				c.method, c.path, c.body = method, p+c.path, versionCall
				if w := b.do(c); w.Code != http.StatusForbidden {
					t.Errorf("%s: %s %s: status %d, want 403", name, method, c.path, w.Code)
				}
			}
		}
	}
}

// The UI bundle loads without the token (the page reads it from its own
// address afterwards), but never for another host or origin, nor with a
// wrong token.
func TestBrowserFaceStaticBundle(t *testing.T) {
	b := newTestFace(t)
	for _, p := range staticPaths {
		if w := b.do(faceRequest{path: p}); w.Code != http.StatusOK {
			t.Errorf("GET %s without token: status %d, want 200", p, w.Code)
		}
		for name, c := range map[string]faceRequest{
			"another host":   {host: "rebound.example:4567"},
			"another port":   {host: "127.0.0.1:4568"},
			"another origin": {origin: "http://127.0.0.1:1313"},
			"wrong token":    {header: "00ff"},
			"wrong query":    {path: "?token=00ff"},
		} {
			c.path = p + c.path
			if w := b.do(c); w.Code != http.StatusForbidden {
				t.Errorf("%s: GET %s: status %d, want 403", name, c.path, w.Code)
			}
		}
	}
}

func TestBrowserFaceServesTheTokenHolder(t *testing.T) {
	b := newTestFace(t)
	for _, c := range []faceRequest{
		{header: testToken},
		{header: testToken, origin: "http://127.0.0.1:4567"},
		{header: testToken, host: "localhost:4567", origin: "http://localhost:4567"},
	} {
		c.method, c.path, c.body = http.MethodPost, "/api/call", versionCall
		w := b.do(c)
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"result"`) {
			t.Errorf("%+v: status %d, body %s", c, w.Code, w.Body)
		}
	}
	if w := b.do(faceRequest{path: "/assets/app.js"}); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "copydesk") {
		t.Errorf("asset: status %d, body %s", w.Code, w.Body)
	}
	if w := b.do(faceRequest{path: "/library"}); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "<title>Copydesk") {
		t.Errorf("one-page app route: status %d, body %s", w.Code, w.Body)
	}
	// EventSource cannot set headers: the stream takes the token in its query.
	for _, c := range []faceRequest{{path: "/api/events?token=" + testToken}, {path: "/api/events", header: testToken}} {
		if w := b.do(c); w.Code != http.StatusOK || w.Header().Get("Content-Type") != "text/event-stream" {
			t.Errorf("%+v: status %d, type %q", c, w.Code, w.Header().Get("Content-Type"))
		}
	}
}

// The address printed carries the token in the fragment (never sent to a
// server) and nothing sets a cookie; an address in the old ?token= form is
// moved to the fragment.
func TestBrowserFaceTokenNeverInACookie(t *testing.T) {
	b := newTestFace(t)
	if u := b.openURL(); u != "http://127.0.0.1:4567/#token="+testToken {
		t.Errorf("openURL %q", u)
	}
	for _, c := range []faceRequest{{path: "/?token=" + testToken}, {path: "/"}, {method: http.MethodPost, path: "/api/call", header: testToken, body: versionCall}} {
		w := b.do(c)
		if cookies := w.Result().Cookies(); len(cookies) != 0 {
			t.Errorf("%+v sets cookies %v", c, cookies)
		}
	}
	w := b.do(faceRequest{path: "/?token=" + testToken})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/#token="+testToken {
		t.Errorf("old address: status %d, Location %q", w.Code, w.Header().Get("Location"))
	}
}

// No page may frame the UI: every answer, refusals included, says so.
func TestBrowserFaceDeniesFraming(t *testing.T) {
	b := newTestFace(t)
	for _, c := range []faceRequest{{path: "/"}, {path: "/api/call"}, {path: "/", host: "evil.example:4567"}, {method: http.MethodPost, path: "/api/call", header: testToken, body: versionCall}} {
		w := b.do(c)
		if got := w.Header().Get("Content-Security-Policy"); got != "frame-ancestors 'none'" {
			t.Errorf("%+v: CSP %q", c, got)
		}
		if got := w.Header().Get("X-Frame-Options"); got != "DENY" {
			t.Errorf("%+v: X-Frame-Options %q", c, got)
		}
	}
}

// A server listening on another loopback address accepts its own address.
func TestBrowserFaceOtherLoopbackAddress(t *testing.T) {
	svc := newServices(filepath.Join(t.TempDir(), "library.db"))
	t.Cleanup(svc.close)
	b := newBrowserFace(svc, fstest.MapFS{"index.html": {Data: []byte("<title>Copydesk</title>")}}, testToken, "127.0.0.2:4567")
	for host, want := range map[string]int{"127.0.0.2:4567": 200, "localhost:4567": 200, "127.0.0.1:4567": 403, "127.0.0.2:4568": 403} {
		if w := b.do(faceRequest{method: http.MethodPost, path: "/api/call", header: testToken, body: versionCall, host: host, origin: "http://" + host}); w.Code != want {
			t.Errorf("Host %s: status %d, want %d", host, w.Code, want)
		}
	}
}

// The transport's own errors: GET on the call endpoint, unknown methods and
// wrong argument counts are client errors, not results.
func TestBrowserFaceCallErrors(t *testing.T) {
	b := newTestFace(t)
	if w := b.do(faceRequest{path: "/api/call", header: testToken}); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET /api/call: status %d", w.Code)
	}
	for body, want := range map[string]int{
		`{"method":"SystemService.Nothing","args":[]}`:  http.StatusBadRequest,
		`{"method":"SystemService.Version","args":[1]}`: http.StatusBadRequest,
		`{"method":"SystemService.Version"`:             http.StatusBadRequest,
	} {
		w := b.do(faceRequest{method: http.MethodPost, path: "/api/call", header: testToken, body: body})
		if w.Code != want {
			data, _ := io.ReadAll(w.Body)
			t.Errorf("%s: status %d, want %d (%s)", body, w.Code, want, data)
		}
	}
}
