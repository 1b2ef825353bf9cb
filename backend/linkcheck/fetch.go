package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/netip"
	"net/url"
	"strings"
)

// bodyPeek is how much of a GET answer is read to recognise a challenge page;
// interstitials announce themselves in the <head>.
const bodyPeek = 32 << 10

// answer is what one method (HEAD or GET) found at the end of a redirect chain.
type answer struct {
	final     *url.URL // last URL requested
	code      int      // its status code; 0 when err is set
	hops      int      // redirects followed
	challenge bool
	answered  bool // some server answered (a redirect counts)
	err       error
}

// checkURL checks one URL: HEAD, then GET when HEAD does not give a 2xx.
// notFound reports a host name the resolver said does not exist (a reserved
// .invalid name aside, which never exists on any network).
func (c *Checker) checkURL(ctx context.Context, raw string) (r Result, notFound bool) {
	r = Result{URL: raw}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		r.Status, r.Err = StatusError, "not an http(s) URL"
		r.CheckedAt = c.opts.Now()
		return r, false
	}
	// Credentials in a cited URL are never sent (Go would turn them into
	// Basic auth): the checker asks as an anonymous reader would.
	u.User = nil
	// One cookie jar per URL, shared by the HEAD and GET attempts, as a
	// browser tab would keep them.
	jar, _ := cookiejar.New(nil)
	a := c.follow(ctx, u, http.MethodHead, jar)
	if c.retryWithGET(a) {
		a = c.follow(ctx, u, http.MethodGet, jar)
	}
	if ctx.Err() != nil && (a.err != nil) {
		// Cancelled mid-flight: not a finding about the URL.
		r.Status, r.Err = StatusError, "canceled"
		return r, false
	}
	if a.answered && !isIP(u.Hostname()) {
		markResolved(ctx) // a kept-alive connection answers without a new dial
	}
	switch {
	case a.final == nil || (!a.answered && a.hops == 0):
	case sameDocument(a.final, u):
		r.FinalURL = raw // exactly as cited, not re-escaped
	default:
		r.FinalURL = withFragment(a.final, u.Fragment)
	}
	if a.err != nil {
		r.Status, r.Err = classifyError(a.err)
		var dnsErr *net.DNSError
		notFound = errors.As(a.err, &dnsErr) && dnsErr.IsNotFound && !isInvalidHost(dnsErr.Name)
	} else {
		r.HTTPStatus = a.code
		r.Status, r.Err = classifyStatus(a.code, !sameDocument(a.final, u), a.challenge)
	}
	r.CheckedAt = c.opts.Now()
	return r, notFound
}

func isIP(host string) bool {
	_, err := netip.ParseAddr(host)
	return err == nil
}

// retryWithGET: HEAD is refused in many ways (403, 404, 405, 501, a dropped
// connection), so anything but a clean 2xx is asked again with GET. A
// time-out, a missing host or a refused certificate would only repeat, so
// they are not.
func (c *Checker) retryWithGET(a answer) bool {
	if a.err == nil {
		return a.code < 200 || a.code > 299 || a.challenge
	}
	if isTimeout(a.err) || errors.Is(a.err, context.Canceled) || isCertificateError(a.err) || isBlocked(a.err) {
		return false
	}
	status, _ := classifyError(a.err)
	return status != StatusDead
}

// follow requests start with method and follows redirects by hand, so that
// each hop waits for its own host's turn.
func (c *Checker) follow(ctx context.Context, start *url.URL, method string, jar http.CookieJar) answer {
	client := &http.Client{
		Transport:     c.transport,
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	visits := map[string]int{}
	cur := start
	for hops := 0; ; hops++ {
		key := withFragment(cur, "")
		visits[key]++
		// A second visit is allowed: sites that set a cookie and send the
		// visitor back to where it came from are common.
		if visits[key] > 2 {
			return answer{final: cur, hops: hops, answered: true, err: errRedirectLoop}
		}
		if hops > c.opts.MaxRedirects {
			return answer{final: cur, hops: hops, answered: true, err: errTooManyRedirects}
		}
		if isInvalidHost(cur.Hostname()) {
			return answer{final: cur, hops: hops, err: notFound(cur.Hostname())}
		}
		code, location, challenge, err := c.exchange(ctx, client, method, cur)
		if err != nil {
			return answer{final: cur, hops: hops, err: err}
		}
		if location == "" {
			return answer{final: cur, code: code, hops: hops, challenge: challenge, answered: true}
		}
		next, err := cur.Parse(location)
		if err != nil || (next.Scheme != "http" && next.Scheme != "https") || next.Host == "" {
			return answer{final: cur, hops: hops, answered: true, err: fmt.Errorf("redirect to an unusable location %q", location)}
		}
		next.User = nil // never send credentials a redirect names either
		cur = next
	}
}

// exchange sends one request once the host's limits allow it, and returns
// the status, the redirect target (empty when the answer is not a redirect)
// and whether the answer is a bot challenge.
func (c *Checker) exchange(ctx context.Context, client *http.Client, method string, u *url.URL) (code int, location string, challenge bool, err error) {
	release, err := c.gate.acquire(ctx, u.Host)
	if err != nil {
		return 0, "", false, err
	}
	defer release()

	rctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, method, withFragment(u, ""), nil)
	if err != nil {
		return 0, "", false, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", false, err
	}
	defer resp.Body.Close()

	switch resp.StatusCode {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		if loc := resp.Header.Get("Location"); loc != "" {
			return resp.StatusCode, loc, false, nil
		}
	}
	if sink := pageSinkOf(ctx); sink != nil && method == http.MethodGet {
		return resp.StatusCode, "", sink.read(resp), nil // FetchPage: keep the whole page
	}
	var body []byte
	if method == http.MethodGet && looksLikeHTML(resp) {
		// A read cut short by the time-out still leaves the status, which
		// is what matters; the peek is only for challenge pages.
		body, _ = io.ReadAll(io.LimitReader(resp.Body, bodyPeek))
	}
	return resp.StatusCode, "", isChallenge(resp, body), nil
}

func looksLikeHTML(resp *http.Response) bool {
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	return ct == "" || strings.Contains(ct, "html")
}

// withFragment renders u with its fragment replaced by frag ("" drops it).
func withFragment(u *url.URL, frag string) string {
	v := *u
	v.Fragment, v.RawFragment = "", ""
	if frag == "" {
		return v.String()
	}
	if u.Fragment != "" {
		return u.String() // the redirect named its own fragment
	}
	v.Fragment = frag
	return v.String()
}

// sameDocument reports whether final is the cited URL, fragments aside.
func sameDocument(final, cited *url.URL) bool {
	return withFragment(final, "") == withFragment(cited, "")
}

// interleaveByHost orders urls so that consecutive ones are on different
// hosts where possible: host A's first, host B's first, ..., A's second...
// Workers then rarely queue behind one host's limits while others are idle.
func interleaveByHost(urls []string) []string {
	var hosts []string
	byHost := map[string][]string{}
	for _, raw := range urls {
		h := ""
		if u, err := url.Parse(raw); err == nil {
			h = hostKey(u.Host)
		}
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], raw)
	}
	out := make([]string, 0, len(urls))
	for round := 0; len(out) < len(urls); round++ {
		for _, h := range hosts {
			if round < len(byHost[h]) {
				out = append(out, byHost[h][round])
			}
		}
	}
	return out
}
