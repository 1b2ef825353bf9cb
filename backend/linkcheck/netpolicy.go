package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sync"
	"sync/atomic"
	"syscall"
)

// Where the checker may connect. A cited URL is written by someone else, so
// it must not make the checker reach into this machine or its network:
// link-local addresses (169.254.0.0/16, fe80::/10: cloud metadata services
// answer there) are never dialled; loopback, private and unspecified
// addresses only when Options.AllowPrivate says so. The rule is applied by
// the dialer to the address actually connected to, after name resolution, so
// it covers every redirect hop, the archive look-up, and names that resolve
// to such addresses.

// blockedError is the dialer's refusal of an address.
type blockedError struct {
	addr   netip.Addr
	reason string
}

func (e *blockedError) Error() string {
	return fmt.Sprintf("not fetched: %s is %s", e.addr, e.reason)
}

// blockReason says why ip may not be dialled, or "" when it may.
func blockReason(ip netip.Addr, allowPrivate bool) string {
	ip = ip.Unmap()
	switch {
	case ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast():
		return "a link-local address"
	case allowPrivate:
		return ""
	case ip.IsLoopback():
		return "a loopback address (this machine)"
	case ip.IsPrivate():
		return "a private network address"
	case ip.IsUnspecified():
		return "an unspecified address (this machine)"
	case ip.IsMulticast() || ip.IsInterfaceLocalMulticast():
		return "a multicast address"
	}
	return ""
}

// control is a net.Dialer Control hook enforcing blockReason.
func control(allowPrivate bool) func(network, address string, c syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return &blockedError{reason: "not an IP address: " + address}
		}
		if reason := blockReason(ap.Addr(), allowPrivate); reason != "" {
			return &blockedError{addr: ap.Addr(), reason: reason}
		}
		return nil
	}
}

func isBlocked(err error) bool {
	var b *blockedError
	return errors.As(err, &b)
}

// dialer connects for a Checker: to targets under the address rule, to the
// configured proxy (which the user chose, so it may be private; never
// link-local) under a looser one. It also records, for the check in progress,
// whether any host name resolved: the evidence that the network works.
type dialer struct {
	target, proxy *net.Dialer
	proxies       sync.Map // "host:port" of proxies in use
}

func newDialer(base net.Dialer, allowPrivate bool) *dialer {
	t, p := base, base
	t.Control = control(allowPrivate)
	p.Control = control(true)
	return &dialer{target: &t, proxy: &p}
}

// proxyFunc wraps a Transport's Proxy to remember which addresses are proxies.
func (d *dialer) proxyFunc(next func(*http.Request) (*url.URL, error)) func(*http.Request) (*url.URL, error) {
	if next == nil {
		return nil
	}
	return func(r *http.Request) (*url.URL, error) {
		u, err := next(r)
		if u != nil {
			port := u.Port()
			if port == "" {
				port = map[string]string{"https": "443", "socks5": "1080"}[u.Scheme]
				if port == "" {
					port = "80"
				}
			}
			d.proxies.Store(net.JoinHostPort(u.Hostname(), port), true)
		}
		return u, err
	}
}

func (d *dialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	nd := d.target
	if _, ok := d.proxies.Load(addr); ok {
		nd = d.proxy
	}
	conn, err := nd.DialContext(ctx, network, addr)
	if host, _, splitErr := net.SplitHostPort(addr); splitErr == nil {
		var dnsErr *net.DNSError
		if _, ipErr := netip.ParseAddr(host); ipErr != nil && (err == nil || !errors.As(err, &dnsErr)) {
			markResolved(ctx)
		}
	}
	return conn, err
}

// checkRun is the state of one Check call, carried in its context.
type checkRun struct{ namesResolve atomic.Bool }

type runKey struct{}

func withRun(ctx context.Context) (context.Context, *checkRun) {
	r := &checkRun{}
	return context.WithValue(ctx, runKey{}, r), r
}

// markResolved records that a host name resolved during this check.
func markResolved(ctx context.Context) {
	if r, ok := ctx.Value(runKey{}).(*checkRun); ok {
		r.namesResolve.Store(true)
	}
}
