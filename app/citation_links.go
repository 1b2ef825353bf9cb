package app

import (
	"context"

	"copydesk/backend/citations"
	"copydesk/backend/linkcheck"
)

// CheckLinks re-verifies every URL the text's definitions cite, sending
// "links-progress" events, and caches each finished result in the sources
// table with the time of the check. jobID is chosen by the caller so that
// CancelCheck can stop the check while this call is still running; results
// not finished by then are reported without a check time and not cached.
func (s *CitationService) CheckLinks(jobID, text string) (LinkCheckSummary, error) {
	svc, err := s.service()
	if err != nil {
		return LinkCheckSummary{}, err
	}
	if _, err := s.library.open(); err != nil {
		return LinkCheckSummary{}, err
	}
	ctx, done, err := s.startJob(jobID)
	if err != nil {
		return LinkCheckSummary{}, err
	}
	defer done()

	var progress progressThrottle
	report, err := svc.CheckLinks(ctx, text, func(done, total int, r linkcheck.Result) {
		progress.send(done, total, func() {
			s.platform.Emit("links-progress", LinkCheckProgress{JobID: jobID, Done: done, Total: total, Result: linkResultOf(r)})
		})
	})
	if err != nil {
		return LinkCheckSummary{}, citationError(err)
	}
	out := LinkCheckSummary{JobID: jobID, Cancelled: report.Cancelled, Results: make([]LinkResult, 0, len(report.Links)),
		Counts: map[string]int{}}
	for st, n := range report.Counts {
		out.Counts[string(st)] = n
	}
	for _, l := range report.Links {
		lr := linkResultOf(l.Result)
		lr.Label, lr.Line = l.Label, l.Line
		if l.Change != nil {
			ch := LinkChange(*l.Change)
			lr.Change = &ch
		}
		out.Results = append(out.Results, lr)
	}
	return out, nil
}

// startJob starts a link check or capture under jobID, which the UI
// chooses so it can cancel while the call runs; done ends it.
func (s *CitationService) startJob(jobID string) (ctx context.Context, done func(), err error) {
	if jobID == "" {
		return nil, nil, newAPIError("links.job_id", map[string]string{"job": jobID})
	}
	ctx, done, ok := s.jobs.start(jobID)
	if !ok {
		return nil, nil, newAPIError("links.job_id", map[string]string{"job": jobID})
	}
	return ctx, done, nil
}

// CancelCheck stops the check started with jobID; unknown ids are ignored
// (the check may just have finished).
func (s *CitationService) CancelCheck(jobID string) { s.jobs.cancel(jobID) }

func linkResultOf(r linkcheck.Result) LinkResult {
	return LinkResult{URL: r.URL, Status: string(r.Status), HTTPStatus: r.HTTPStatus, FinalURL: r.FinalURL,
		ArchiveURL: r.ArchiveURL, Error: r.Err, CheckedAt: citations.FormatTime(r.CheckedAt)}
}

// MarkRetrievedToday sets 检索日期 to today (in the profile's time zone) on
// the named definitions whose URL was verified (ok or redirected) by a check
// made today, as stored in the sources table. Every other label is left
// alone and listed in Skipped with the reason: a dead, unverifiable or
// unchecked link never looks freshly retrieved. Only the dates' bytes change.
func (s *CitationService) MarkRetrievedToday(text string, labels []string) (RetrievedMarked, error) {
	svc, err := s.service()
	if err != nil {
		return RetrievedMarked{}, err
	}
	m, err := svc.MarkRetrievedToday(text, labels)
	if err != nil {
		return RetrievedMarked{}, citationError(err)
	}
	out := RetrievedMarked{Text: string(m.Text), Today: svc.TodayText(), Marked: m.Marked, Skipped: make([]SkippedSource, 0, len(m.Skipped))}
	for _, sk := range m.Skipped {
		out.Skipped = append(out.Skipped, SkippedSource(sk))
	}
	return out, nil
}
