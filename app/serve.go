package app

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"
)

const tokenCookie = "copydesk_token"

func runServe(args []string, assets fs.FS, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:0", "loopback address to listen on (HOST:PORT; port 0 picks a free one)")
	dbFlag := flags.String("db", "", "library database file (default: $COPYDESK_DB, then the per-user data folder)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "Usage: copydesk serve [--addr 127.0.0.1:PORT] [--db FILE]")
		fmt.Fprintln(stderr, "\nServes the Copydesk UI to a browser on this machine only and prints the URL to open.")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if err := requireLoopback(*addr); err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", err)
		return 2
	}
	dist, err := frontendFS(assets)
	if err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", err)
		return 2
	}
	dbPath, err := dbPathFromEnv(*dbFlag)
	if err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", err)
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk serve: cannot listen on %s (%v): pick another port with --addr 127.0.0.1:PORT\n", *addr, err)
		return 2
	}
	token, err := newToken()
	if err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", err)
		return 2
	}
	svc := newServices(dbPath)
	b := newBrowserFace(svc, dist, token, ln.Addr().String())
	if err := svc.open(); err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", err)
		return 2
	}
	defer svc.close()
	srv := &http.Server{Handler: b, ReadHeaderTimeout: 10 * time.Second}

	fmt.Fprintf(stdout, "Copydesk is running. Open this address in a browser on this machine:\n  %s\n(Ctrl+C stops it.)\n", b.openURL())
	if f, ok := stdout.(*os.File); ok {
		f.Sync()
	}

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintln(stderr, "copydesk serve:", err)
			return 1
		}
	case <-stop:
	case <-b.quit:
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
	return 0
}

// requireLoopback refuses any address that is not on the loopback interface:
// the browser face has no other protection than its token.
func requireLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q is not HOST:PORT", addr)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("--addr %q is not a loopback address: use 127.0.0.1:PORT", addr)
	}
	return nil
}

func newToken() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("cannot make a secret token: %v", err)
	}
	return hex.EncodeToString(b), nil
}

// browserFace serves the UI bundle and the bound methods over HTTP. Every
// request must carry the per-run token (cookie, header, or the ?token= of the
// first visit) and name this server as its Host and Origin.
type browserFace struct {
	services *Services
	calls    *dispatcher
	static   http.Handler
	dist     fs.FS
	token    string
	addr     string
	quit     chan struct{}
	quitOnce sync.Once

	mu      sync.Mutex
	clients map[chan []byte]struct{}
}

func newBrowserFace(svc *Services, dist fs.FS, token, addr string) *browserFace {
	b := &browserFace{
		services: svc,
		static:   http.FileServer(http.FS(dist)),
		dist:     dist,
		token:    token,
		addr:     addr,
		quit:     make(chan struct{}),
		clients:  map[chan []byte]struct{}{},
	}
	svc.attach(b)
	b.calls = newDispatcher(svc.bound())
	return b
}

func (b *browserFace) openURL() string { return "http://" + b.addr + "/?token=" + b.token }

// Platform implementation.
func (b *browserFace) Face() string    { return "browser" }
func (b *browserFace) SetTitle(string) {}
func (b *browserFace) Quit()           { b.quitOnce.Do(func() { close(b.quit) }) }
func (b *browserFace) PickFolder(string) (string, error) {
	return "", errors.New("not available in the browser")
}
func (b *browserFace) Emit(name string, data any) {
	payload, err := json.Marshal(map[string]any{"name": name, "data": data})
	if err != nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for c := range b.clients {
		select {
		case c <- payload:
		default: // a slow tab misses progress ticks rather than blocking the work
		}
	}
}

func (b *browserFace) allowedHost(host string) bool {
	_, port, err := net.SplitHostPort(b.addr)
	if err != nil {
		return false
	}
	for _, h := range []string{"127.0.0.1", "localhost", "[::1]"} {
		if host == h+":"+port {
			return true
		}
	}
	return false
}

func (b *browserFace) validToken(s string) bool {
	return s != "" && subtle.ConstantTimeCompare([]byte(s), []byte(b.token)) == 1
}

func forbidden(w http.ResponseWriter) { http.Error(w, "forbidden", http.StatusForbidden) }

func (b *browserFace) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !b.allowedHost(r.Host) {
		forbidden(w)
		return
	}
	if origin := r.Header.Get("Origin"); origin != "" && origin != "http://"+r.Host {
		forbidden(w)
		return
	}
	if q := r.URL.Query().Get("token"); q != "" {
		if !b.validToken(q) {
			forbidden(w)
			return
		}
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: b.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	tok := r.Header.Get("X-Copydesk-Token")
	if c, err := r.Cookie(tokenCookie); err == nil && tok == "" {
		tok = c.Value
	}
	if !b.validToken(tok) {
		forbidden(w)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	switch {
	case r.URL.Path == "/api/call":
		b.serveCall(w, r)
	case r.URL.Path == "/api/events":
		b.serveEvents(w, r)
	case strings.HasPrefix(r.URL.Path, "/api/"):
		http.NotFound(w, r)
	default:
		b.serveStatic(w, r)
	}
}

type callRequest struct {
	Method string            `json:"method"`
	Args   []json.RawMessage `json:"args"`
}

func (b *browserFace) serveCall(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	var req callRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<20)).Decode(&req); err != nil {
		http.Error(w, "bad request body: "+err.Error(), http.StatusBadRequest)
		return
	}
	result, err := b.calls.call(req.Method, req.Args)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if err != nil {
		status := http.StatusOK // an application error is a normal answer, like a rejected Wails promise
		if errors.Is(err, errUnknownMethod) || errors.Is(err, errBadArguments) {
			status = http.StatusBadRequest
		}
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]any{"error": err.Error()})
		return
	}
	json.NewEncoder(w).Encode(map[string]any{"result": result})
}

// serveEvents streams Platform.Emit events to the tab as server-sent events.
func (b *browserFace) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan []byte, 256)
	b.mu.Lock()
	b.clients[c] = struct{}{}
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		delete(b.clients, c)
		b.mu.Unlock()
	}()
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	keepAlive := time.NewTicker(25 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-b.quit:
			return
		case msg := <-c:
			fmt.Fprintf(w, "data: %s\n\n", msg)
			flusher.Flush()
		case <-keepAlive.C:
			fmt.Fprint(w, ": ping\n\n")
			flusher.Flush()
		}
	}
}

// serveStatic serves the bundle; unknown paths get index.html (one-page app).
func (b *browserFace) serveStatic(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.Path, "/")
	if path != "" {
		if _, err := fs.Stat(b.dist, path); err == nil {
			b.static.ServeHTTP(w, r)
			return
		}
	}
	index, err := fs.ReadFile(b.dist, "index.html")
	if err != nil {
		http.Error(w, "the UI bundle has no index.html", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(index)
}
