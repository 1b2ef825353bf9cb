package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"testing"
)

// BenchmarkCheck100Links measures the checker's own overhead: 100 URLs on 10
// loopback hosts that answer at once, default concurrency, no per-host delay.
func BenchmarkCheck100Links(b *testing.B) {
	var targets []Target
	for h := range 10 {
		srv := newServer(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
		for i := range 10 {
			targets = append(targets, Target{URL: fmt.Sprintf("%s/%d/%d", srv.URL, h, i)})
		}
	}
	c := New(Options{PerHostInterval: -1, DirectOnly: true})
	defer c.Close()
	b.ResetTimer()
	for b.Loop() {
		for _, r := range c.Check(context.Background(), targets, nil) {
			if r.Status != StatusOK {
				b.Fatalf("%+v", r)
			}
		}
	}
}
