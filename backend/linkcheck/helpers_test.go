package linkcheck

import (
	"context"
	"encoding/binary"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// testOptions keeps tests fast and strictly local: short time-outs, no
// per-host delay unless a test asks for one, no proxy, and a resolver that
// fails the test if anything tries to look a name up through the network.
func testOptions(t *testing.T) Options {
	t.Helper()
	return Options{
		Timeout:         2 * time.Second,
		PerHostInterval: -1,
		PerHost:         8,
		DirectOnly:      true,
		Resolver:        forbiddenResolver(t),
	}
}

func forbiddenResolver(t *testing.T) *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
		t.Errorf("unexpected DNS query to %s", address)
		return nil, &net.OpError{Op: "dial", Net: network, Err: net.UnknownNetworkError("forbidden in tests")}
	}}
}

func newServer(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// fakeDNS is a loopback UDP DNS server that answers every query with rcode
// (3 = NXDOMAIN, 2 = SERVFAIL) and no records. It lets the tests exercise the
// real resolver path without sending anything off the machine.
func fakeDNS(t *testing.T, rcode byte) *net.Resolver {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		buf := make([]byte, 1500)
		for {
			n, addr, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			if n < 12 {
				continue
			}
			q := append([]byte(nil), buf[:n]...)
			// Keep ID and the question; set QR, keep opcode and RD, set RA, rcode.
			q[2] = 0x80 | (q[2] & 0x79)
			q[3] = 0x80 | rcode
			binary.BigEndian.PutUint16(q[6:], 0)  // ANCOUNT
			binary.BigEndian.PutUint16(q[8:], 0)  // NSCOUNT
			binary.BigEndian.PutUint16(q[10:], 0) // ARCOUNT
			// Drop any EDNS OPT record in the additional section by
			// cutting after the first question.
			end := 12
			for end < len(q) && q[end] != 0 {
				end += int(q[end]) + 1
			}
			end += 5
			if end <= len(q) {
				q = q[:end]
			}
			pc.WriteTo(q, addr)
		}
	}()
	t.Cleanup(func() { pc.Close(); wg.Wait() })
	addr := pc.LocalAddr().String()
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", addr)
	}}
}
