package linkcheck

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// archiveAnswer is the outcome of one archive look-up: a snapshot URL, or
// why there is none ("" for both when the archive simply has no snapshot).
type archiveAnswer struct{ url, err string }

// availability is the part of the Wayback availability answer that matters:
// {"archived_snapshots":{"closest":{"available":true,"url":…,"timestamp":…,"status":"200"}}}
type availability struct {
	ArchivedSnapshots struct {
		Closest *struct {
			Available bool   `json:"available"`
			URL       string `json:"url"`
			Timestamp string `json:"timestamp"`
			Status    string `json:"status"`
		} `json:"closest"`
	} `json:"archived_snapshots"`
}

// lookupArchive asks the archive endpoint for the snapshot of target closest
// to day (YYYYMMDD; "" for the latest).
func (c *Checker) lookupArchive(ctx context.Context, target, day string) archiveAnswer {
	ep, err := url.Parse(c.opts.ArchiveEndpoint)
	if err != nil || (ep.Scheme != "http" && ep.Scheme != "https") || ep.Host == "" {
		return archiveAnswer{err: fmt.Sprintf("archive endpoint %q is not an http(s) URL", c.opts.ArchiveEndpoint)}
	}
	q := ep.Query()
	q.Set("url", target)
	if day != "" {
		q.Set("timestamp", day)
	}
	ep.RawQuery = q.Encode()

	release, err := c.gate.acquire(ctx, ep.Host)
	if err != nil {
		return archiveAnswer{err: "archive: " + err.Error()}
	}
	defer release()
	rctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, ep.String(), nil)
	if err != nil {
		return archiveAnswer{err: "archive: " + err.Error()}
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "application/json")
	resp, err := (&http.Client{Transport: c.transport}).Do(req)
	if err != nil {
		_, why := classifyError(err)
		return archiveAnswer{err: "archive: " + why}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return archiveAnswer{err: fmt.Sprintf("archive: HTTP %d", resp.StatusCode)}
	}
	var a availability
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&a); err != nil {
		return archiveAnswer{err: "archive: unreadable answer: " + err.Error()}
	}
	snap := a.ArchivedSnapshots.Closest
	// A snapshot of an error page is no help to a reader.
	if snap == nil || !snap.Available || snap.URL == "" ||
		(snap.Status != "" && !strings.HasPrefix(snap.Status, "2") && !strings.HasPrefix(snap.Status, "3")) {
		return archiveAnswer{}
	}
	return archiveAnswer{url: snap.URL}
}
