package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// bigCall is a well-formed call whose one argument is n bytes of text.
func bigCall(n int) string {
	return `{"method":"SystemService.Version","args":["` + strings.Repeat("文", n/3) + `"]}`
}

func (b *browserFace) post(ctx context.Context, body string, chunked bool) *httptest.ResponseRecorder {
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "http://127.0.0.1:4567/api/call", strings.NewReader(body))
	req.Host = "127.0.0.1:4567"
	req.Header.Set(tokenHeader, testToken)
	if chunked {
		req.ContentLength = -1 // as for Transfer-Encoding: chunked
	}
	w := httptest.NewRecorder()
	b.ServeHTTP(w, req)
	return w
}

// A call body is capped near the article limit, whether its length is
// declared or not; a body within the cap still reaches the method.
func TestBrowserFaceBodyCap(t *testing.T) {
	b := newTestFace(t)
	over := bigCall(maxCallBody + 1024)
	for _, chunked := range []bool{false, true} {
		if w := b.post(context.Background(), over, chunked); w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("chunked=%v: %d bytes: status %d, want 413", chunked, len(over), w.Code)
		}
		// Within the cap: the method is reached and refuses the extra argument.
		if w := b.post(context.Background(), bigCall(maxCallBody/2), chunked); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "argument") {
			t.Errorf("chunked=%v: within the cap: status %d, %.200s", chunked, w.Code, w.Body)
		}
	}
}

// Large bodies are read a few at a time: with every slot taken a large call
// waits (here its client gives up), while small calls go on.
func TestBrowserFaceBoundsConcurrentLargeCalls(t *testing.T) {
	b := newTestFace(t)
	for i := 0; i < maxBigCalls; i++ {
		b.bigCalls <- struct{}{}
	}
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	large := bigCall(smallCallBody * 2)
	if w := b.post(gone, large, false); w.Code != http.StatusServiceUnavailable {
		t.Errorf("large call with every slot taken: status %d, want 503", w.Code)
	}
	if w := b.post(context.Background(), versionCall, false); w.Code != http.StatusOK {
		t.Errorf("small call with every slot taken: status %d", w.Code)
	}
	done := make(chan int)
	go func() { done <- b.post(context.Background(), large, true).Code }()
	<-b.bigCalls // one slot frees: the waiting call goes on
	if code := <-done; code != http.StatusBadRequest {
		t.Errorf("large call after a slot freed: status %d, want 400 (extra argument)", code)
	}
	if len(b.bigCalls) != maxBigCalls-1 {
		t.Errorf("%d slots taken after the call, want %d", len(b.bigCalls), maxBigCalls-1)
	}
}
