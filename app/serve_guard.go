package app

import (
	"crypto/subtle"
	"net"
	"net/http"
	"strings"

	"copydesk/backend/article"
	"copydesk/backend/images"
)

// The browser face's guard: which requests reach the UI and its methods.
//
// The token never travels in a cookie: cookies ignore ports, so a cookie for
// 127.0.0.1 would reach every other local server (a `hugo server`, a second
// `copydesk serve`, which would also overwrite it). The printed address
// carries it in the fragment, which browsers never send; the page's transport
// keeps it in the tab and sends it with every call as a header. EventSource
// cannot set headers, so the events stream takes it as a query parameter:
// that goes to this origin (port included) only, and with Referrer-Policy
// no-referrer it is never passed on.
//
// The static bundle needs no token (the page has to load before it can read
// its fragment): it is the same code as in the binary and holds no library
// data. Every /api/ path needs the token; the preview's images (/site-static/)
// need the image route's own per-run key instead (see ImageService); every
// path needs this server as Host (no DNS rebinding) and, when the browser
// names one, as Origin.

const tokenHeader = "X-Copydesk-Token"

// maxCallBody bounds one call's JSON body: an article is at most
// article.MaxSize bytes and JSON escaping at most doubles it (quotes,
// backslashes, line breaks); an image is at most images.MaxSize bytes, sent
// as base64 (4 bytes for every 3); plus room for the other arguments.
const maxCallBody = max(2*article.MaxSize, (images.MaxSize+2)/3*4) + 1<<20

// Bodies over smallCallBody (or of unknown length) are read at most
// maxBigCalls at a time, so a burst of large calls cannot hold gigabytes.
const (
	smallCallBody = 256 << 10
	maxBigCalls   = 2
)

// setSecurityHeaders goes on every answer, refusals included.
func setSecurityHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	// No other page, local or not, may frame the UI (clickjacking).
	h.Set("Content-Security-Policy", "frame-ancestors 'none'")
	h.Set("X-Frame-Options", "DENY")
}

// allowedHost accepts the address the server listens on, and localhost on
// its port.
func (b *browserFace) allowedHost(host string) bool {
	_, port, err := net.SplitHostPort(b.addr)
	if err != nil {
		return false
	}
	return host == b.addr || host == "localhost:"+port
}

func (b *browserFace) validToken(s string) bool {
	return s != "" && subtle.ConstantTimeCompare([]byte(s), []byte(b.token)) == 1
}

func forbidden(w http.ResponseWriter) { http.Error(w, "forbidden", http.StatusForbidden) }

func (b *browserFace) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w)
	if !b.allowedHost(r.Host) {
		forbidden(w)
		return
	}
	if origin := r.Header.Get("Origin"); origin != "" && origin != "http://"+r.Host {
		forbidden(w)
		return
	}
	header := r.Header.Get(tokenHeader)
	query := r.URL.Query().Get("token")
	// A token that is presented must be right, wherever it is.
	if (header != "" && !b.validToken(header)) || (query != "" && !b.validToken(query)) {
		forbidden(w)
		return
	}
	api := strings.HasPrefix(r.URL.Path, "/api/")
	switch {
	case api && r.URL.Path == "/api/events" && (header != "" || query != ""):
		b.serveEvents(w, r)
	case isImageRoute(r.URL.Path):
		// An <img> sends no header: the route's own key authorises it (ImageService).
		b.services.Images.serveRoute(w, r)
	case api && header == "":
		forbidden(w)
	case r.URL.Path == "/api/call":
		b.serveCall(w, r)
	case api:
		http.NotFound(w, r)
	case query != "":
		// An address in the old form: move the token out of the query.
		http.Redirect(w, r, "/#token="+b.token, http.StatusSeeOther)
	default:
		b.serveStatic(w, r)
	}
}

// admitBody waits for a slot when the body is large (or of unknown length);
// release frees it. It answers the request itself, and returns false, when
// the body is declared too large or the client went away while waiting.
func (b *browserFace) admitBody(w http.ResponseWriter, r *http.Request) (release func(), ok bool) {
	if r.ContentLength > maxCallBody {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return nil, false
	}
	if r.ContentLength >= 0 && r.ContentLength <= smallCallBody {
		return func() {}, true
	}
	release = func() { <-b.bigCalls }
	select {
	case b.bigCalls <- struct{}{}:
		return release, true
	default:
	}
	select {
	case b.bigCalls <- struct{}{}:
		return release, true
	case <-r.Context().Done():
		http.Error(w, "busy: the client went away while waiting", http.StatusServiceUnavailable)
		return nil, false
	}
}
