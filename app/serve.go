package app

import (
	"context"
	"crypto/rand"
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
	defer ln.Close() // Serve closes it too; this covers the early returns
	token, err := newToken()
	if err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", err)
		return 2
	}
	svc := newServices(dbPath)
	b := newBrowserFace(svc, dist, token, ln.Addr().String())
	if err := svc.open(); err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", errorText(err))
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
	// Open event streams never go idle: end them first, or Shutdown would
	// wait its whole grace period for them.
	b.Quit()
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
// request must name this server as its Host and Origin; every /api/ request
// must also carry the per-run token (serve_guard.go).
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

	bigCalls chan struct{} // one slot per large call body being read (admitBody)
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
		bigCalls: make(chan struct{}, maxBigCalls),
	}
	svc.attach(b)
	b.calls = newDispatcher(svc.bound())
	return b
}

// openURL carries the token in the fragment, which the browser never sends
// to any server: the page's transport reads it and sends it as a header.
func (b *browserFace) openURL() string { return "http://" + b.addr + "/#token=" + b.token }

// Platform implementation.
func (b *browserFace) Face() string    { return "browser" }
func (b *browserFace) SetTitle(string) {}
func (b *browserFace) Quit()           { b.quitOnce.Do(func() { close(b.quit) }) }
func (b *browserFace) PickFolder(string) (string, error) {
	return "", errors.New("not available in the browser")
}
func (b *browserFace) PickFile(string, FileFilter) (string, error) {
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
	release, ok := b.admitBody(w, r)
	if !ok {
		return
	}
	var req callRequest
	err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxCallBody)).Decode(&req)
	release()
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			http.Error(w, fmt.Sprintf("request body larger than %d MB", maxCallBody>>20), http.StatusRequestEntityTooLarge)
			return
		}
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
