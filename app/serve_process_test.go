package app

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// serveArgsEnv makes the test binary run `copydesk serve` with these
// arguments (one per line) instead of the tests: a real process to signal.
const serveArgsEnv = "COPYDESK_TEST_SERVE_ARGS"

func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv(serveArgsEnv); ok {
		assets := fstest.MapFS{"frontend/dist/index.html": {Data: []byte("<!doctype html><title>Copydesk</title>")}}
		os.Exit(runServe(strings.Split(args, "\n"), assets, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

type serveProcess struct {
	cmd    *exec.Cmd
	url    string // as printed
	origin string
	token  string
	exited chan error
}

var printedURL = regexp.MustCompile(`http://(\S+?)/#token=([0-9a-f]+)`)

// startServe runs `copydesk serve` in a child process and waits for its URL.
func startServe(t *testing.T, args ...string) *serveProcess {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), serveArgsEnv+"="+strings.Join(args, "\n"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &serveProcess{cmd: cmd, exited: make(chan error, 1)}
	found := make(chan []string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := printedURL.FindStringSubmatch(sc.Text()); m != nil {
				found <- m
			}
		}
		p.exited <- cmd.Wait()
	}()
	t.Cleanup(func() { cmd.Process.Kill() })
	select {
	case m := <-found:
		p.url, p.origin, p.token = m[0], "http://"+m[1], m[2]
	case err := <-p.exited:
		t.Fatalf("serve exited (%v) before printing its URL; stderr: %s", err, stderr.String())
	case <-time.After(30 * time.Second):
		t.Fatalf("serve printed no URL; stderr: %s", stderr.String())
	}
	return p
}

// With an event stream open, SIGTERM ends the process at once: the stream is
// closed instead of holding the shutdown until its grace period runs out.
func TestServeExitsPromptlyWithAnOpenEventStream(t *testing.T) {
	p := startServe(t, "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "library.db"))
	resp, err := http.Get(p.origin + "/api/events?token=" + p.token)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	line, err := bufio.NewReader(resp.Body).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, ": connected") {
		t.Fatalf("event stream: %q, %v", line, err)
	}
	start := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-p.exited:
		if err != nil {
			t.Errorf("exit: %v", err)
		}
	case <-time.After(4 * time.Second): // the old shutdown waited 5 s
		t.Fatal("still running 4 s after SIGTERM with an event stream open")
	}
	t.Logf("exited %v after SIGTERM", time.Since(start))
}

// --addr 127.0.0.2:P serves its own address (which it prints).
func TestServeOnAnotherLoopbackAddress(t *testing.T) {
	p := startServe(t, "--addr", "127.0.0.2:0", "--db", filepath.Join(t.TempDir(), "library.db"))
	if !strings.HasPrefix(p.origin, "http://127.0.0.2:") {
		t.Fatalf("printed %s", p.url)
	}
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, p.origin+"/api/call", strings.NewReader(versionCall))
	req.Header.Set(tokenHeader, p.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("call at its own address: status %d", resp.StatusCode)
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	<-p.exited
}

// A library that cannot be opened is named in a sentence, not as the JSON
// the UI receives.
func TestServeBrokenLibraryMessage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(db, bytes.Repeat([]byte("not a database "), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	assets := fstest.MapFS{"frontend/dist/index.html": {Data: []byte("<title>Copydesk</title>")}}
	if code := runServe([]string{"--db", db}, assets, &stdout, &stderr); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	msg := stderr.String()
	if strings.Contains(msg, "{") || !strings.Contains(msg, "cannot open the library "+db) {
		t.Errorf("stderr: %s", msg)
	}
}
