package app

import (
	"context"
	"strings"

	"copydesk/backend/citations"
)

// CaptureURLs fetches each URL and reads it as a citation (title, outlet,
// authors, published date, with where each came from), sending a
// "capture-progress" event as each page is done. Each capture is kept with
// its source in the library so later link checks can tell when the page
// was rewritten. CancelCheck(jobID) stops it; pages not fetched by then are
// reported with the error "canceled".
func (s *CitationService) CaptureURLs(jobID string, urls []string) (CaptureSummary, error) {
	svc, err := s.service()
	if err != nil {
		return CaptureSummary{}, err
	}
	ctx, done, err := s.startJob(jobID)
	if err != nil {
		return CaptureSummary{}, err
	}
	defer done()
	out := CaptureSummary{JobID: jobID, Results: make([]CapturedCitation, 0, len(urls))}
	for i, u := range urls {
		var c CapturedCitation
		if ctx.Err() != nil {
			c = CapturedCitation{URL: strings.TrimSpace(u), Status: "error", Error: "canceled",
				Fields: CitationFields{URL: strings.TrimSpace(u), Authors: []string{}}, Warnings: []string{}}
		} else {
			c = capturedOf(svc.Capture(ctx, u))
		}
		out.Results = append(out.Results, c)
		s.platform.Emit("capture-progress", CaptureProgress{JobID: jobID, Done: i + 1, Total: len(urls), Result: c})
	}
	out.Cancelled = ctx.Err() != nil
	return out, nil
}

// CaptureHTML reads a page the editor saved from a browser (or copied as
// HTML) as the page at url: for bot, consent and paywall pages the link
// checker cannot get past.
func (s *CitationService) CaptureHTML(html, url string) (CapturedCitation, error) {
	svc, err := s.service()
	if err != nil {
		return CapturedCitation{}, err
	}
	return capturedOf(svc.CaptureHTML(context.Background(), []byte(html), url)), nil
}

func capturedOf(c citations.Captured) CapturedCitation {
	out := CapturedCitation{URL: c.URL, FinalURL: c.FinalURL, Status: string(c.Status), HTTPStatus: c.HTTPStatus, Error: c.Err,
		Wall: c.Wall, Fields: c.Fields, Evidence: c.Evidence, Warnings: c.Warnings,
		Line: c.Line, ArchiveURL: c.ArchiveURL, CheckedAt: citations.FormatTime(c.RetrievedAt)}
	if out.Fields.Authors == nil {
		out.Fields.Authors = []string{}
	}
	if out.Warnings == nil {
		out.Warnings = []string{}
	}
	return out
}
