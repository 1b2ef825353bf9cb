package linkcheck

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
)

// Credentials in a cited URL (or in a redirect's Location) are never sent.
func TestCredentialsAreNeverSent(t *testing.T) {
	var withAuth atomic.Int32
	var requests atomic.Int32
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if r.Header.Get("Authorization") != "" || r.URL.User != nil {
			withAuth.Add(1)
		}
		if r.URL.Path == "/hop" {
			http.Redirect(w, r, "http://admin:hunter2@"+r.Host+"/page", http.StatusFound)
		}
	}))
	c := New(testOptions(t))
	defer c.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	rs := c.Check(context.Background(), []Target{
		{URL: "http://editor:s3cret@" + host + "/page"},
		{URL: "http://token@" + host + "/hop"},
	}, nil)
	for _, r := range rs {
		if !r.Status.Verified() {
			t.Errorf("%+v", r)
		}
		if strings.Contains(r.FinalURL, "hunter2") {
			t.Errorf("credentials in the final URL: %s", r.FinalURL)
		}
	}
	if requests.Load() == 0 || withAuth.Load() != 0 {
		t.Errorf("%d of %d requests carried credentials", withAuth.Load(), requests.Load())
	}
}

// Link-local addresses are refused at the dialer, whatever leads there: a
// cited URL, a redirect, a name that resolves there. Loopback and private
// addresses only when AllowPrivate.
func TestDialerRefusesInternalAddresses(t *testing.T) {
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	}))
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	opts := testOptions(t)
	opts.Resolver = fakeDNSWith(t, 3, "intranet.example")
	c := New(opts)
	rs := c.Check(context.Background(), []Target{
		{URL: "http://169.254.169.254/latest/meta-data/"},
		{URL: "http://[fe80::1]/"},
		{URL: srv.URL + "/to-metadata"},
	}, nil)
	c.Close()
	for _, r := range rs {
		if r.Status != StatusUnverifiable || !strings.Contains(r.Err, "link-local") {
			t.Errorf("allowing private: %+v", r)
		}
	}

	opts.AllowPrivate = false
	c = New(opts)
	defer c.Close()
	rs = c.Check(context.Background(), []Target{
		{URL: srv.URL + "/"},
		{URL: "http://intranet.example:" + port + "/"},
		{URL: "http://0.0.0.0:" + port + "/"},
		{URL: "http://10.1.2.3/"},
	}, nil)
	for _, r := range rs {
		if r.Status != StatusUnverifiable || !strings.HasPrefix(r.Err, "not fetched: ") {
			t.Errorf("not allowing private: %+v", r)
		}
	}
}

func TestBlockReason(t *testing.T) {
	for addr, want := range map[string][2]bool{ // [blocked when private allowed, blocked otherwise]
		"169.254.169.254": {true, true}, "fe80::1": {true, true}, "::ffff:169.254.1.1": {true, true},
		"127.0.0.1": {false, true}, "::1": {false, true}, "10.0.0.1": {false, true}, "192.168.1.1": {false, true},
		"172.16.0.1": {false, true}, "fd00::1": {false, true}, "0.0.0.0": {false, true}, "::": {false, true},
		"93.184.215.14": {false, false}, "2606:2800:21f:cb07:6820:80da:af6b:8b2c": {false, false},
	} {
		ip := netip.MustParseAddr(addr)
		if got := [2]bool{blockReason(ip, true) != "", blockReason(ip, false) != ""}; got != want {
			t.Errorf("%s: blocked %v, want %v", addr, got, want)
		}
	}
}
