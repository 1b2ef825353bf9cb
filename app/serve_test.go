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
		req.Header.Set("X-Copydesk-Token", r.header)
	}
	if r.cookie != "" {
		req.AddCookie(&http.Cookie{Name: tokenCookie, Value: r.cookie})
	}
	w := httptest.NewRecorder()
	b.ServeHTTP(w, req)
	return w
}

const versionCall = `{"method":"SystemService.Version","args":[]}`

// Every request without the token, with a wrong one, naming another host
// (DNS rebinding) or coming from another origin is refused with 403, on every
// kind of path.
func TestBrowserFaceRefusesForeignRequests(t *testing.T) {
	b := newTestFace(t)
	paths := []string{"/", "/assets/app.js", "/api/call", "/api/events", "/api/nothing", "/no/such/page"}
	cases := map[string]faceRequest{
		"no token":                  {},
		"wrong header token":        {header: strings.Repeat("0", len(testToken))},
		"wrong cookie token":        {cookie: "00ff"},
		"wrong header, good cookie": {header: "00ff", cookie: testToken},
		"another host name":         {header: testToken, host: "rebound.example:4567"},
		"another port":              {header: testToken, host: "127.0.0.1:4568"},
		"host without port":         {header: testToken, host: "127.0.0.1"},
		"another origin":            {header: testToken, origin: "http://evil.example"},
		"another local origin":      {header: testToken, origin: "http://127.0.0.1:8080"},
		"https origin":              {header: testToken, origin: "https://127.0.0.1:4567"},
		"opaque origin":             {cookie: testToken, origin: "null"},
		"wrong first-visit token":   {cookie: testToken},
	}
	for name, c := range cases {
		for _, p := range paths {
			for _, method := range []string{http.MethodGet, http.MethodPost} {
				c := c
				c.method, c.path, c.body = method, p, versionCall
				if name == "wrong first-visit token" {
					c.path = p + "?token=00ff"
				}
				if w := b.do(c); w.Code != http.StatusForbidden {
					t.Errorf("%s: %s %s: status %d, want 403", name, method, c.path, w.Code)
				}
			}
		}
	}
}

func TestBrowserFaceServesTheTokenHolder(t *testing.T) {
	b := newTestFace(t)
	for _, c := range []faceRequest{
		{header: testToken},
		{cookie: testToken},
		{header: testToken, origin: "http://127.0.0.1:4567"},
		{cookie: testToken, host: "localhost:4567", origin: "http://localhost:4567"},
	} {
		c.method, c.path, c.body = http.MethodPost, "/api/call", versionCall
		w := b.do(c)
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"result"`) {
			t.Errorf("%+v: status %d, body %s", c, w.Code, w.Body)
		}
	}
	if w := b.do(faceRequest{path: "/assets/app.js", cookie: testToken}); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "copydesk") {
		t.Errorf("asset: status %d, body %s", w.Code, w.Body)
	}
	if w := b.do(faceRequest{path: "/library", cookie: testToken}); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "<title>Copydesk") {
		t.Errorf("one-page app route: status %d, body %s", w.Code, w.Body)
	}
}

// The first visit's ?token= becomes a cookie only this site sends, and the
// token leaves the address bar.
func TestBrowserFaceFirstVisit(t *testing.T) {
	b := newTestFace(t)
	w := b.do(faceRequest{path: "/?token=" + testToken})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/" {
		t.Fatalf("status %d, Location %q", w.Code, w.Header().Get("Location"))
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 {
		t.Fatalf("cookies %v", cookies)
	}
	c := cookies[0]
	if c.Name != tokenCookie || c.Value != testToken || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode {
		t.Errorf("cookie %+v", c)
	}
	if w := b.do(faceRequest{path: "/", cookie: c.Value}); w.Code != http.StatusOK {
		t.Errorf("with the cookie: status %d", w.Code)
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
