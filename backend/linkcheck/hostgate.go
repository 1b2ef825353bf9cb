package linkcheck

import (
	"context"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// hostGate enforces, per host, at most perHost requests in flight and at least
// interval between the starts of two requests. Every request, including each
// redirect hop, the GET after a refused HEAD and archive look-ups, passes
// through it, so a site is never hit harder than the limits say however the
// URLs are spread over articles.
type hostGate struct {
	perHost  int
	interval time.Duration

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	inFlight chan struct{}
	pace     *rate.Limiter
}

func newHostGate(perHost int, interval time.Duration) *hostGate {
	return &hostGate{perHost: perHost, interval: interval, hosts: map[string]*hostSlot{}}
}

// hostKey is the unit the limits apply to: host and port, case-folded.
func hostKey(hostport string) string { return strings.ToLower(hostport) }

func (g *hostGate) slot(host string) *hostSlot {
	g.mu.Lock()
	defer g.mu.Unlock()
	s, ok := g.hosts[host]
	if !ok {
		limit := rate.Inf
		if g.interval > 0 {
			limit = rate.Every(g.interval)
		}
		s = &hostSlot{inFlight: make(chan struct{}, g.perHost), pace: rate.NewLimiter(limit, 1)}
		g.hosts[host] = s
	}
	return s
}

// acquire waits for a free slot on host and for its pace, and returns the
// function that frees the slot. It gives up when ctx is done.
func (g *hostGate) acquire(ctx context.Context, host string) (release func(), err error) {
	s := g.slot(hostKey(host))
	select {
	case s.inFlight <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if err := s.pace.Wait(ctx); err != nil {
		<-s.inFlight
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	return func() { <-s.inFlight }, nil
}
