package linkcheck

import (
	"context"
	"encoding/binary"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
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
		AllowPrivate:    true, // the test servers listen on 127.0.0.1
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
func fakeDNS(t *testing.T, rcode byte) *net.Resolver { return fakeDNSWith(t, rcode) }

// fakeDNSWith is fakeDNS, except that the names in known exist: they get
// NOERROR, and an A query for them the address 127.0.0.1.
func fakeDNSWith(t *testing.T, rcode byte, known ...string) *net.Resolver {
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
			var labels []string
			for end < len(q) && q[end] != 0 {
				if end+1+int(q[end]) <= len(q) {
					labels = append(labels, string(q[end+1:end+1+int(q[end])]))
				}
				end += int(q[end]) + 1
			}
			qtype := uint16(0)
			if end+3 <= len(q) {
				qtype = binary.BigEndian.Uint16(q[end+1:])
			}
			end += 5
			if end <= len(q) {
				q = q[:end]
			}
			if slices.Contains(known, strings.ToLower(strings.Join(labels, "."))) {
				q[3] = 0x80
				if qtype == 1 { // A: one answer, the name by pointer to the question
					binary.BigEndian.PutUint16(q[6:], 1)
					q = append(q, 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1)
				}
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
