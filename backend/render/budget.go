package render

import (
	"crypto/sha256"
	"errors"
	"sync"
	"time"
)

// ErrOverBudget is returned by Budget.Render for a text whose render took
// longer than the budget (or could not start because the previous, too
// slow render of the same document is still running).
var ErrOverBudget = errors.New("rendering took too long")

// Budget bounds the preview renders of documents that change as they are
// typed. goldmark cannot be interrupted, and pathological Markdown (a
// megabyte of nested lists, tens of thousands of footnotes) takes seconds
// to minutes, so a render runs in its own goroutine and the caller stops
// waiting for it at the limit. Per document (key) at most one render runs at
// a time, so abandoned renders cannot pile up; a text that exceeded the limit
// is not rendered again, a different text of the same document is.
type Budget struct {
	limit time.Duration

	mu   sync.Mutex
	docs map[string]*budgetDoc
}

type budgetDoc struct {
	slot     chan struct{} // holds a token while a render of this document runs
	slow     bool
	slowHash [sha256.Size]byte // the text that exceeded the limit
}

// maxBudgetDocs bounds what a Budget remembers; idle documents are forgotten
// first (a paused one is then simply tried once more).
const maxBudgetDocs = 256

// NewBudget makes a Budget with the given limit per render.
func NewBudget(limit time.Duration) *Budget {
	return &Budget{limit: limit, docs: map[string]*budgetDoc{}}
}

func (b *Budget) doc(key string) *budgetDoc {
	b.mu.Lock()
	defer b.mu.Unlock()
	d := b.docs[key]
	if d == nil {
		if len(b.docs) >= maxBudgetDocs {
			for k, old := range b.docs {
				if len(old.slot) == 0 {
					delete(b.docs, k)
				}
			}
		}
		d = &budgetDoc{slot: make(chan struct{}, 1)}
		b.docs[key] = d
	}
	return d
}

// Render runs render(body) for the document key within the budget.
func (b *Budget) Render(key string, body []byte, render func([]byte) ([]byte, error)) ([]byte, error) {
	d := b.doc(key)
	hash := sha256.Sum256(body)
	b.mu.Lock()
	paused := d.slow && d.slowHash == hash
	b.mu.Unlock()
	if paused {
		return nil, ErrOverBudget
	}
	wait := time.NewTimer(b.limit)
	select {
	case d.slot <- struct{}{}:
		wait.Stop()
	case <-wait.C:
		return nil, ErrOverBudget // the previous render of this document is still running
	}
	type result struct {
		html []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		defer func() { <-d.slot }()
		html, err := render(body)
		done <- result{html, err}
	}()
	timer := time.NewTimer(b.limit)
	defer timer.Stop()
	select {
	case r := <-done:
		b.mu.Lock()
		d.slow = false
		b.mu.Unlock()
		return r.html, r.err
	case <-timer.C:
		b.mu.Lock()
		d.slow, d.slowHash = true, hash
		b.mu.Unlock()
		return nil, ErrOverBudget
	}
}
