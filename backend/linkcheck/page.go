package linkcheck

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"time"
)

// DefaultMaxPageBytes caps the body FetchPage keeps: far above any article
// page, low enough that an endless or hostile answer costs little.
const DefaultMaxPageBytes = 8 << 20

// Page is a page fetched for its content (a citation capture), classified
// like a checked link.
type Page struct {
	URL         string // as asked
	FinalURL    string // after redirects; "" when nothing answered
	Status      Status
	HTTPStatus  int
	ContentType string
	Body        []byte // at most the cap; nil unless some server answered with a body
	// Truncated: the body was longer than the cap and was cut there.
	Truncated bool
	// Challenge: the answer is a bot challenge page, not the article.
	Challenge bool
	FetchedAt time.Time // zero when the fetch was cancelled
	Err       string    // why the page is dead, unverifiable or an error
}

// FetchPage fetches raw with GET through the checker's client: its
// User-Agent, per-host limits, time-out (which covers reading the body),
// redirect handling and bot-challenge detection. At most maxBytes of the
// body are kept (<= 0: DefaultMaxPageBytes). The page is classified as Check
// would classify the link.
func (c *Checker) FetchPage(ctx context.Context, raw string, maxBytes int) Page {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxPageBytes
	}
	p := Page{URL: raw}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		p.Status, p.Err = StatusError, "not an http(s) URL"
		p.FetchedAt = c.opts.Now()
		return p
	}
	jar, _ := cookiejar.New(nil)
	sink := &pageSink{max: maxBytes}
	a := c.follow(context.WithValue(ctx, pageSinkKey{}, sink), u, http.MethodGet, jar)
	if ctx.Err() != nil && a.err != nil {
		p.Status, p.Err = StatusError, "canceled"
		return p
	}
	switch {
	case a.final == nil || (!a.answered && a.hops == 0):
	case sameDocument(a.final, u):
		p.FinalURL = raw
	default:
		p.FinalURL = withFragment(a.final, u.Fragment)
	}
	if a.err != nil {
		p.Status, p.Err = classifyError(a.err)
	} else {
		p.HTTPStatus = a.code
		p.Status, p.Err = classifyStatus(a.code, !sameDocument(a.final, u), a.challenge)
		p.ContentType, p.Body, p.Truncated, p.Challenge = sink.contentType, sink.body, sink.truncated, a.challenge
		if sink.err != nil && p.Status.Verified() {
			// The status was fine but the body did not arrive whole.
			p.Status, p.Err = classifyError(sink.err)
			if p.Err == "" {
				p.Err = sink.err.Error()
			}
		}
	}
	p.FetchedAt = c.opts.Now()
	return p
}

// pageSink receives the body of the final answer of a FetchPage. It travels
// in the request context so that FetchPage reuses follow and exchange (the
// same hops, limits and time-outs as a check) without a second client.
type pageSink struct {
	max         int
	body        []byte
	contentType string
	truncated   bool
	err         error
}

type pageSinkKey struct{}

func pageSinkOf(ctx context.Context) *pageSink {
	s, _ := ctx.Value(pageSinkKey{}).(*pageSink)
	return s
}

// read keeps up to max bytes of resp's body and reports whether the answer
// is a bot challenge.
func (s *pageSink) read(resp *http.Response) (challenge bool) {
	s.contentType = resp.Header.Get("Content-Type")
	body, err := io.ReadAll(io.LimitReader(resp.Body, int64(s.max)+1))
	if len(body) > s.max {
		body, s.truncated = body[:s.max], true
	} else if err != nil {
		s.err = fmt.Errorf("reading the page: %w", err)
	}
	s.body = body
	peek := body
	if len(peek) > bodyPeek {
		peek = peek[:bodyPeek]
	}
	return isChallenge(resp, peek)
}
