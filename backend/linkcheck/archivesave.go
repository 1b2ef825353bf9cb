package linkcheck

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// SaveToArchive asks a Wayback-style save endpoint to keep a snapshot of
// target now (GET ENDPOINT/TARGET) and returns the snapshot's address, taken
// from the answer's redirect Location or its Content-Location header. The
// request goes through the checker's per-host limits and time-out; the
// archive may take longer than a normal page, so a time-out is an error the
// caller reports, not a reason to fail the capture.
func (c *Checker) SaveToArchive(ctx context.Context, endpoint, target string) (string, error) {
	ep, err := url.Parse(strings.TrimRight(strings.TrimSpace(endpoint), "/"))
	if err != nil || (ep.Scheme != "http" && ep.Scheme != "https") || ep.Host == "" {
		return "", fmt.Errorf("archive save endpoint %q is not an http(s) URL", endpoint)
	}
	release, err := c.gate.acquire(ctx, ep.Host)
	if err != nil {
		return "", err
	}
	defer release()
	rctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, ep.String()+"/"+target, nil)
	if err != nil {
		return "", fmt.Errorf("archive save: %w", err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	client := &http.Client{Transport: c.transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		_, why := classifyError(err)
		return "", fmt.Errorf("archive save: %s", why)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused
	if resp.StatusCode >= 400 {
		return "", fmt.Errorf("archive save: HTTP %d", resp.StatusCode)
	}
	for _, h := range []string{"Location", "Content-Location"} {
		if loc := resp.Header.Get(h); loc != "" {
			snap, err := ep.Parse(loc)
			if err == nil && (snap.Scheme == "http" || snap.Scheme == "https") {
				return snap.String(), nil
			}
		}
	}
	return "", fmt.Errorf("archive save: HTTP %d without a snapshot address", resp.StatusCode)
}
