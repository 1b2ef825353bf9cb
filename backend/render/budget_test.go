package render

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// pathological is Markdown goldmark needs long for: thousands of footnotes
// each referenced (a quadratic walk), as an adversarial probe found.
func pathological(n int) []byte {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "引用[^%d]。", i)
	}
	b.WriteString("\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "[^%d]: 来源%d\n", i, i)
	}
	return []byte(b.String())
}

func TestBudgetAbandonsASlowRenderAndPausesThatTextOnly(t *testing.T) {
	r := New(Default())
	slow := pathological(2500)
	start := time.Now()
	if _, err := r.Render(slow); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if took < 40*time.Millisecond {
		t.Skipf("the pathological input rendered in %v on this machine: too fast to test a budget with", took)
	}
	b := NewBudget(took / 8)
	var runs atomic.Int32
	counted := func(body []byte) ([]byte, error) { runs.Add(1); return r.Render(body) }

	t0 := time.Now()
	if _, err := b.Render("draft-1", slow, counted); !errors.Is(err, ErrOverBudget) {
		t.Fatalf("slow render: %v, want ErrOverBudget", err)
	}
	if waited := time.Since(t0); waited > took/2 {
		t.Errorf("the caller waited %v for a render over a budget of %v", waited, took/8)
	}
	// The same text again: refused at once, not rendered a second time.
	if _, err := b.Render("draft-1", slow, counted); !errors.Is(err, ErrOverBudget) || runs.Load() != 1 {
		t.Fatalf("same slow text: %v after %d renders, want ErrOverBudget after 1", err, runs.Load())
	}
	// Another document is not held up by draft-1's abandoned render.
	if html, err := b.Render("draft-2", []byte("正文。"), counted); err != nil || !strings.Contains(string(html), "正文") {
		t.Fatalf("another document: %q, %v", html, err)
	}
	// A different text of draft-1 waits for the abandoned render to finish
	// (never two at once), then renders.
	var html []byte
	var err error
	deadline := time.Now().Add(took * 4)
	for time.Now().Before(deadline) {
		html, err = b.Render("draft-1", []byte("短文。"), counted)
		if err == nil {
			break
		}
	}
	if err != nil || !strings.Contains(string(html), "短文") {
		t.Fatalf("a different text after the slow one: %q, %v", html, err)
	}
}

func TestBudgetRunsOneRenderPerDocumentAtATime(t *testing.T) {
	b := NewBudget(time.Second)
	var running, most atomic.Int32
	render := func(body []byte) ([]byte, error) {
		n := running.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
		running.Add(-1)
		return body, nil
	}
	done := make(chan error)
	for i := 0; i < 8; i++ {
		go func() {
			_, err := b.Render("same", []byte(fmt.Sprint(i)), render)
			done <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	if most.Load() != 1 {
		t.Errorf("%d renders of one document ran at once, want 1", most.Load())
	}
}
