package linkcheck

import (
	"context"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Defaults used when the matching Options field is zero.
const (
	DefaultUserAgent       = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Copydesk-LinkCheck/1.0"
	DefaultTimeout         = 15 * time.Second
	DefaultConcurrency     = 16
	DefaultPerHost         = 2
	DefaultPerHostInterval = time.Second
	DefaultMaxRedirects    = 10
	// DefaultArchiveEndpoint is the public Wayback Machine availability API.
	// Options.ArchiveEndpoint is empty unless set: callers (the CLI, the
	// library) choose the profile's endpoint or this one.
	DefaultArchiveEndpoint = "https://archive.org/wayback/available"
)

// Options tune a Checker. The zero value is usable: every zero field takes its
// default, and no archive is asked.
type Options struct {
	// Timeout bounds each HTTP exchange (headers and the first bytes of the
	// body). Waiting for a host's turn does not count against it.
	Timeout time.Duration
	// Concurrency is how many URLs are checked at once, across all hosts.
	Concurrency int
	// PerHost is how many requests one host may have in flight at once.
	PerHost int
	// PerHostInterval is the minimum delay between the starts of two
	// requests to one host. Negative means no delay.
	PerHostInterval time.Duration
	// MaxRedirects is how many redirects are followed before giving up.
	MaxRedirects int
	// UserAgent replaces DefaultUserAgent.
	UserAgent string
	// ArchiveEndpoint is a Wayback-availability-style endpoint asked for a
	// snapshot of each dead link (?url=U&timestamp=YYYYMMDD). Empty: none is asked.
	ArchiveEndpoint string
	// Resolver resolves host names; nil uses the system resolver.
	Resolver *net.Resolver
	// DirectOnly ignores HTTP_PROXY/HTTPS_PROXY and connects directly.
	DirectOnly bool
	// AllowPrivate lets the checker connect to loopback, private and
	// unspecified addresses (a site on the intranet, a test server).
	// Link-local addresses are refused regardless (netpolicy.go).
	AllowPrivate bool
	// Now gives the time recorded in Result.CheckedAt; nil uses time.Now.
	Now func() time.Time
}

// Checker checks URLs. It is safe for concurrent use; its per-host limits
// hold across calls to Check, so repeated checks stay polite.
type Checker struct {
	opts      Options
	transport *http.Transport
	gate      *hostGate
}

// New returns a Checker with opts, defaults filled in.
func New(opts Options) *Checker {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = DefaultConcurrency
	}
	if opts.PerHost <= 0 {
		opts.PerHost = DefaultPerHost
	}
	if opts.PerHostInterval == 0 {
		opts.PerHostInterval = DefaultPerHostInterval
	} else if opts.PerHostInterval < 0 {
		opts.PerHostInterval = 0
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	opts.ArchiveEndpoint = strings.TrimSpace(opts.ArchiveEndpoint)

	tr := http.DefaultTransport.(*http.Transport).Clone()
	dialer := newDialer(net.Dialer{Timeout: opts.Timeout, KeepAlive: 30 * time.Second, Resolver: opts.Resolver}, opts.AllowPrivate)
	tr.DialContext = dialer.DialContext
	tr.Proxy = dialer.proxyFunc(tr.Proxy)
	tr.TLSHandshakeTimeout = opts.Timeout
	tr.ResponseHeaderTimeout = opts.Timeout
	tr.MaxIdleConnsPerHost = opts.PerHost
	if opts.DirectOnly {
		tr.Proxy = nil
	}
	return &Checker{opts: opts, transport: tr, gate: newHostGate(opts.PerHost, opts.PerHostInterval)}
}

// Close releases idle connections.
func (c *Checker) Close() { c.transport.CloseIdleConnections() }

// Check checks every target and returns one Result per target, in the same
// order. A URL cited several times is fetched once. Hosts are interleaved so
// that one slow site does not hold up the others.
//
// progress, when not nil, is called once per target as its result is known,
// with the number done so far and the total; calls never overlap.
//
// When ctx is cancelled, Check returns promptly: targets not finished get
// StatusError, Err "canceled" and a zero CheckedAt.
//
// A host that is not found makes a link dead only on evidence that the
// network works: some other host name resolved during the same check.
// Otherwise (offline, no working DNS) it is StatusError with an "offline"
// reason; such results are reported last, once that is known.
func (c *Checker) Check(ctx context.Context, targets []Target, progress func(done, total int, r Result)) []Result {
	ctx, run := withRun(ctx)
	results := make([]Result, len(targets))
	indexes := map[string][]int{} // URL -> positions in targets
	var urls []string
	for i, t := range targets {
		u := strings.TrimSpace(t.URL)
		if _, seen := indexes[u]; !seen {
			urls = append(urls, u)
		}
		indexes[u] = append(indexes[u], i)
	}

	var mu sync.Mutex
	done := 0
	report := func(i int, r Result) {
		mu.Lock()
		defer mu.Unlock()
		results[i] = r
		done++
		if progress != nil {
			progress(done, len(targets), r)
		}
	}

	// deliver reports u's result for every target citing it, with the
	// archived snapshot of a dead link.
	deliver := func(u string, r Result) {
		archived := map[string]archiveAnswer{}
		for _, i := range indexes[u] {
			ri := r
			ri.URL = targets[i].URL
			if ri.Status == StatusDead && c.opts.ArchiveEndpoint != "" && ctx.Err() == nil {
				day := dayStamp(targets[i].Retrieved)
				a, ok := archived[day]
				if !ok {
					a = c.lookupArchive(ctx, u, day)
					archived[day] = a
				}
				ri.ArchiveURL, ri.ArchiveErr = a.url, a.err
			}
			report(i, ri)
		}
	}
	pending := map[string]Result{} // hosts not found, before any name resolved

	jobs := make(chan string)
	var wg sync.WaitGroup
	workers := min(c.opts.Concurrency, len(urls))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range jobs {
				r, notFound := c.checkURL(ctx, u)
				if notFound && !run.namesResolve.Load() {
					mu.Lock()
					pending[u] = r
					mu.Unlock()
					continue
				}
				deliver(u, r)
			}
		}()
	}
feed:
	for _, u := range interleaveByHost(urls) {
		select {
		case jobs <- u:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()

	for _, u := range urls {
		r, ok := pending[u]
		if !ok {
			continue
		}
		if !run.namesResolve.Load() {
			r.Status = StatusError
			r.Err = "offline: " + r.Err + ", and no other host name resolved; not counted as dead"
		}
		deliver(u, r)
	}

	// Whatever was never handed to a worker was cancelled.
	for _, u := range urls {
		for _, i := range indexes[u] {
			if results[i].Status == "" {
				report(i, Result{URL: targets[i].URL, Status: StatusError, Err: "canceled"})
			}
		}
	}
	return results
}

// dayStamp is the archive's timestamp form of t's calendar day.
func dayStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("20060102")
}
