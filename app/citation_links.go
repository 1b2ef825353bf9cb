package app

import (
	"context"
	"os"
	"strings"
	"sync"
	"time"

	"copydesk/backend/citation"
	"copydesk/backend/library"
	"copydesk/backend/linkcheck"
	"copydesk/backend/store"
)

// archiveEndpoint is the archive asked for snapshots of dead links:
// COPYDESK_ARCHIVE_ENDPOINT, else the profile's; "none" asks none.
func archiveEndpoint(profileEndpoint string) string {
	endpoint := strings.TrimSpace(profileEndpoint)
	if env, ok := os.LookupEnv("COPYDESK_ARCHIVE_ENDPOINT"); ok {
		endpoint = strings.TrimSpace(env)
	}
	if strings.EqualFold(endpoint, "none") {
		return ""
	}
	return endpoint
}

// linkChecker is shared by every check of the session, so its per-host
// limits hold across checks started one after another.
// Loopback and private addresses are fetched only when the profile says
// links.allow_private (or COPYDESK_LINKS_ALLOW_PRIVATE=1, for tests against
// local servers).
func (s *CitationService) linkChecker(profileEndpoint string, allowPrivate bool) *linkcheck.Checker {
	s.checkerOnce.Do(func() {
		allowPrivate = allowPrivate || os.Getenv("COPYDESK_LINKS_ALLOW_PRIVATE") == "1"
		s.checker = linkcheck.New(linkcheck.Options{ArchiveEndpoint: archiveEndpoint(profileEndpoint), AllowPrivate: allowPrivate, Now: s.editor.now})
	})
	return s.checker
}

// CheckLinks re-verifies every URL the text's definitions cite, sending
// "links-progress" events, and caches each finished result in the sources
// table with the time of the check. jobID is chosen by the caller so that
// CancelCheck can stop the check while this call is still running; results
// not finished by then are reported without a check time and not cached.
func (s *CitationService) CheckLinks(jobID, text string) (LinkCheckSummary, error) {
	p, _, err := s.editor.setup()
	if err != nil {
		return LinkCheckSummary{}, err
	}
	lib, err := s.library.open()
	if err != nil {
		return LinkCheckSummary{}, err
	}
	cited, err := linkcheck.CitedURLs([]byte(text), p.Style)
	if err != nil {
		return LinkCheckSummary{}, readError(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.jobsMu.Lock()
	if _, busy := s.jobs[jobID]; busy || jobID == "" {
		s.jobsMu.Unlock()
		return LinkCheckSummary{}, newAPIError("links.job_id", map[string]string{"job": jobID})
	}
	s.jobs[jobID] = cancel
	s.jobsMu.Unlock()
	defer func() {
		s.jobsMu.Lock()
		delete(s.jobs, jobID)
		s.jobsMu.Unlock()
	}()

	targets := make([]linkcheck.Target, len(cited))
	for i, c := range cited {
		targets[i] = c.Target()
	}
	var mu sync.Mutex
	var last time.Time
	results := s.linkChecker(p.ArchiveEndpoint, p.LinksAllowPrivate).Check(ctx, targets, func(done, total int, r linkcheck.Result) {
		// Cache as each result arrives: a check cancelled half-way keeps
		// what it learnt.
		if !r.CheckedAt.IsZero() {
			_ = lib.Store().UpdateSourceCheck(context.Background(), sourceCheckOf(r))
		}
		mu.Lock()
		defer mu.Unlock()
		if done < total && time.Since(last) < progressInterval {
			return
		}
		last = time.Now()
		s.platform.Emit("links-progress", LinkCheckProgress{JobID: jobID, Done: done, Total: total, Result: linkResultOf(r)})
	})
	out := LinkCheckSummary{JobID: jobID, Cancelled: ctx.Err() != nil, Results: make([]LinkResult, 0, len(results)),
		Counts: map[string]int{}}
	for st, n := range linkcheck.Summarize(results) {
		out.Counts[string(st)] = n
	}
	for i, r := range results {
		lr := linkResultOf(r)
		lr.Label, lr.Line = cited[i].Label, cited[i].Line
		out.Results = append(out.Results, lr)
	}
	return out, nil
}

// CancelCheck stops the check started with jobID; unknown ids are ignored
// (the check may just have finished).
func (s *CitationService) CancelCheck(jobID string) {
	s.jobsMu.Lock()
	defer s.jobsMu.Unlock()
	if cancel, ok := s.jobs[jobID]; ok {
		cancel()
	}
}

func sourceCheckOf(r linkcheck.Result) store.SourceCheck {
	msg := r.Err
	if msg == "" && r.ArchiveErr != "" {
		msg = "archive: " + r.ArchiveErr
	}
	return store.SourceCheck{NormURL: library.NormalizeURL(r.URL), URL: r.URL, Status: string(r.Status),
		HTTPStatus: r.HTTPStatus, FinalURL: r.FinalURL, ArchiveURL: r.ArchiveURL, Err: msg, CheckedAt: r.CheckedAt}
}

func linkResultOf(r linkcheck.Result) LinkResult {
	return LinkResult{URL: r.URL, Status: string(r.Status), HTTPStatus: r.HTTPStatus, FinalURL: r.FinalURL,
		ArchiveURL: r.ArchiveURL, Error: r.Err, CheckedAt: formatTime(r.CheckedAt)}
}

// MarkRetrievedToday sets 检索日期 to today (in the profile's time zone) on
// the named definitions whose URL was verified (ok or redirected) by a check
// made today, as stored in the sources table. Every other label is left
// alone and listed in Skipped with the reason: a dead, unverifiable or
// unchecked link never looks freshly retrieved. Only the dates' bytes change.
func (s *CitationService) MarkRetrievedToday(text string, labels []string) (RetrievedMarked, error) {
	p, _, err := s.editor.setup()
	if err != nil {
		return RetrievedMarked{}, err
	}
	lib, err := s.library.open()
	if err != nil {
		return RetrievedMarked{}, err
	}
	cited, err := linkcheck.CitedURLs([]byte(text), p.Style)
	if err != nil {
		return RetrievedMarked{}, readError(err)
	}
	today := s.today(p)
	out := RetrievedMarked{Text: text, Today: today.Format(layoutOf(p.Style)), Marked: []string{}, Skipped: []SkippedSource{}}
	byLabel := map[string]linkcheck.Cited{}
	for _, c := range cited {
		if _, seen := byLabel[c.Label]; !seen {
			byLabel[c.Label] = c
		}
	}
	var checked []linkcheck.Checked
	for _, label := range labels {
		c, ok := byLabel[label]
		switch {
		case !ok:
			out.Skipped = append(out.Skipped, SkippedSource{Label: label, Reason: "no_url"})
			continue
		case !c.HouseStyle:
			out.Skipped = append(out.Skipped, SkippedSource{Label: label, Reason: "not_house_style"})
			continue
		}
		src, err := lib.Source(context.Background(), c.URL)
		if err != nil || src.CheckedAt.IsZero() || citation.DateOf(src.CheckedAt, p.Location()) != today {
			out.Skipped = append(out.Skipped, SkippedSource{Label: label, Reason: "not_checked", Status: src.CheckStatus})
			continue
		}
		if !linkcheck.Status(src.CheckStatus).Verified() {
			out.Skipped = append(out.Skipped, SkippedSource{Label: label, Reason: "not_verified", Status: src.CheckStatus})
			continue
		}
		checked = append(checked, linkcheck.Checked{Label: label,
			Result: linkcheck.Result{URL: c.URL, Status: linkcheck.Status(src.CheckStatus), CheckedAt: src.CheckedAt}})
	}
	if len(checked) == 0 {
		return out, nil
	}
	edited, marked, err := linkcheck.MarkRetrieved([]byte(text), checked, today, p.Style)
	if err != nil {
		return RetrievedMarked{}, newAPIError("citation.cannot_edit", map[string]string{"detail": err.Error()})
	}
	out.Text = string(edited)
	out.Marked = append(out.Marked, marked...)
	return out, nil
}
