package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// hangingHandler never answers; it returns when the client gives up.
func hangingHandler(w http.ResponseWriter, r *http.Request) {
	<-r.Context().Done()
}

func TestSlowLinksTimeOutTogether(t *testing.T) {
	const n = 10
	const timeout = time.Second
	// Every server counts the requests hanging at once, across all of them.
	var inFlight, peak atomic.Int32
	hang := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		now := inFlight.Add(1)
		defer inFlight.Add(-1)
		for old := peak.Load(); now > old && !peak.CompareAndSwap(old, now); old = peak.Load() {
		}
		<-r.Context().Done()
	})
	var targets []Target
	for i := range n {
		// Ten servers: ten hosts, as ten citations of ten outlets would be.
		srv := newServer(t, hang)
		targets = append(targets, Target{URL: fmt.Sprintf("%s/slow/%d", srv.URL, i)})
	}
	opts := testOptions(t)
	opts.Timeout = timeout
	c := New(opts)
	defer c.Close()
	start := time.Now()
	results := c.Check(context.Background(), targets, nil)
	elapsed := time.Since(start)
	for _, r := range results {
		if r.Status != StatusError || r.Err != "time-out" || r.CheckedAt.IsZero() {
			t.Errorf("%s: %+v", r.URL, r)
		}
	}
	t.Logf("%d hanging links, time-out %v: %v", n, timeout, elapsed)
	if elapsed < timeout {
		t.Errorf("finished in %v, before the time-out", elapsed)
	}
	// Checked one after another, a single request would hang at a time;
	// checked together, all of them wait out the time-out at once. (Counted,
	// not timed: a busy machine cannot make this pass or fail.)
	if got := peak.Load(); got != n {
		t.Errorf("at most %d of %d slow links were waited on at once, want all", got, n)
	}
}

func TestSlowButInTimeIsOK(t *testing.T) {
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(150 * time.Millisecond)
	}))
	opts := testOptions(t)
	opts.Timeout = time.Second
	c := New(opts)
	defer c.Close()
	if r := c.Check(context.Background(), []Target{{URL: srv.URL + "/slow"}}, nil)[0]; r.Status != StatusOK {
		t.Fatalf("got %+v", r)
	}
}

// hostMonitor records, for one server, how many requests were in flight at
// most and when each one arrived.
type hostMonitor struct {
	mu          sync.Mutex
	inFlight    int
	maxInFlight int
	arrivals    []time.Time
	hold        time.Duration
}

func (m *hostMonitor) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	m.inFlight++
	m.maxInFlight = max(m.maxInFlight, m.inFlight)
	m.arrivals = append(m.arrivals, time.Now())
	m.mu.Unlock()
	time.Sleep(m.hold)
	m.mu.Lock()
	m.inFlight--
	m.mu.Unlock()
}

func TestPerHostConcurrencyLimit(t *testing.T) {
	// Requests are held long enough that three of them overlap even on a
	// busy machine.
	mon := &hostMonitor{hold: 300 * time.Millisecond}
	srv := newServer(t, mon)
	other := &hostMonitor{hold: 300 * time.Millisecond}
	otherSrv := newServer(t, other)
	var targets []Target
	for i := range 9 {
		targets = append(targets, Target{URL: fmt.Sprintf("%s/a/%d", srv.URL, i)})
		targets = append(targets, Target{URL: fmt.Sprintf("%s/b/%d", otherSrv.URL, i)})
	}
	opts := testOptions(t)
	opts.PerHost = 3
	opts.Concurrency = 16
	c := New(opts)
	defer c.Close()
	start := time.Now()
	for _, r := range c.Check(context.Background(), targets, nil) {
		if r.Status != StatusOK {
			t.Errorf("%s: %+v", r.URL, r)
		}
	}
	elapsed := time.Since(start)
	for name, m := range map[string]*hostMonitor{"first host": mon, "second host": other} {
		if m.maxInFlight != 3 {
			t.Errorf("%s: at most %d requests in flight, want exactly the limit 3", name, m.maxInFlight)
		}
	}
	// 9 requests per host, 3 at a time, 300 ms each: at least three rounds.
	// (No upper bound: on a busy machine it says nothing; that the limit is
	// reached is shown by maxInFlight above.)
	t.Logf("18 links on 2 hosts, 3 per host, 300 ms each: %v", elapsed)
	if elapsed < 900*time.Millisecond {
		t.Errorf("took %v, less than three rounds of 300 ms", elapsed)
	}
}

func TestPerHostDelay(t *testing.T) {
	const interval = 100 * time.Millisecond
	mon := &hostMonitor{}
	srv := newServer(t, mon)
	var targets []Target
	for i := range 6 {
		targets = append(targets, Target{URL: fmt.Sprintf("%s/story/%d", srv.URL, i)})
	}
	opts := testOptions(t)
	opts.PerHost = 6
	opts.PerHostInterval = interval
	c := New(opts)
	defer c.Close()
	start := time.Now()
	for _, r := range c.Check(context.Background(), targets, nil) {
		if r.Status != StatusOK {
			t.Errorf("%s: %+v", r.URL, r)
		}
	}
	// A request never arrives before the limiter lets it go, and the k-th
	// go-ahead on a host comes k intervals after the first (which is no
	// earlier than start). Arrivals can be late under load, never early, so
	// this lower bound holds however busy the machine is.
	sort.Slice(mon.arrivals, func(i, j int) bool { return mon.arrivals[i].Before(mon.arrivals[j]) })
	for k, at := range mon.arrivals {
		if since := at.Sub(start); since < time.Duration(k)*interval-5*time.Millisecond {
			t.Errorf("request %d arrived %v after the start, want >= %v", k, since, time.Duration(k)*interval)
		}
	}
}

func TestSameURLCheckedOnce(t *testing.T) {
	var heads, gets atomic.Int32
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			heads.Add(1)
		} else {
			gets.Add(1)
		}
	}))
	u := srv.URL + "/cited-three-times"
	targets := []Target{{URL: u}, {URL: srv.URL + "/other"}, {URL: u}, {URL: " " + u + " "}}
	c := New(testOptions(t))
	defer c.Close()
	results := c.Check(context.Background(), targets, nil)
	for i, r := range results {
		if r.Status != StatusOK || r.URL != targets[i].URL {
			t.Errorf("%d: %+v", i, r)
		}
	}
	if heads.Load() != 2 || gets.Load() != 0 {
		t.Errorf("%d HEAD and %d GET requests, want 2 HEAD", heads.Load(), gets.Load())
	}
}

func TestCancelReturnsPromptly(t *testing.T) {
	var targets []Target
	for i := range 6 {
		srv := newServer(t, http.HandlerFunc(hangingHandler))
		targets = append(targets, Target{URL: fmt.Sprintf("%s/%d", srv.URL, i)})
	}
	opts := testOptions(t)
	opts.Timeout = 30 * time.Second
	opts.Concurrency = 2 // some targets are still queued when the cancel comes
	c := New(opts)
	defer c.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(150*time.Millisecond, cancel)

	var calls []int
	// Without the cancel every link would end in a "time-out" after 30 s:
	// the "canceled" below shows Check stopped on the cancel, no clock needed.
	results := c.Check(ctx, targets, func(done, total int, r Result) {
		if total != len(targets) {
			t.Errorf("total %d", total)
		}
		calls = append(calls, done)
	})
	for _, r := range results {
		if r.Status != StatusError || r.Err != "canceled" || !r.CheckedAt.IsZero() {
			t.Errorf("%s: %+v", r.URL, r)
		}
	}
	if len(calls) != len(targets) || calls[len(calls)-1] != len(targets) {
		t.Errorf("progress calls %v", calls)
	}
}

func TestProgressCountsEveryTarget(t *testing.T) {
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	var targets []Target
	for i := range 20 {
		targets = append(targets, Target{URL: fmt.Sprintf("%s/%d", srv.URL, i%7)})
	}
	c := New(testOptions(t))
	defer c.Close()
	var seen []int
	var urls []string
	c.Check(context.Background(), targets, func(done, total int, r Result) {
		seen = append(seen, done)
		urls = append(urls, r.URL)
	})
	for i, d := range seen {
		if d != i+1 {
			t.Fatalf("progress sequence %v", seen)
		}
	}
	if len(seen) != 20 || !strings.HasPrefix(urls[0], srv.URL) {
		t.Fatalf("progress calls %d", len(seen))
	}
}
