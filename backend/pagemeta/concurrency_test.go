package pagemeta

import (
	"sync"
	"testing"
)

// TestConcurrentExtract: a capture extracts several pages at once; Extract
// shares only read-only tables (run with -race).
func TestConcurrentExtract(t *testing.T) {
	goldens := loadGoldens(t)
	var wg sync.WaitGroup
	for name, g := range goldens {
		body := fixtureBytes(t, name, g)
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := Extract(body, g.ContentType, g.URL, Options{Outlets: map[string]string{"example.com": "Example"}})
			if err != nil {
				t.Errorf("%s: %v", name, err)
				return
			}
			if p.Title != g.Want.Title {
				t.Errorf("%s: title %q, want %q", name, p.Title, g.Want.Title)
			}
		}()
	}
	wg.Wait()
}
