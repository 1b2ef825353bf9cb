package citations

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"strings"
	"time"

	"copydesk/backend/citation"
	"copydesk/backend/library"
	"copydesk/backend/linkcheck"
	"copydesk/backend/pagemeta"
	"copydesk/backend/store"
)

// Evidence names the rule that gave each field of a capture, e.g.
// "json-ld NewsArticle.headline"; "" when the field was not found.
type Evidence struct {
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Authors   string `json:"authors"`
	Published string `json:"published"`
}

// Captured is a page read as a new citation.
type Captured struct {
	URL        string // as asked
	FinalURL   string // after redirects; "" when nothing answered
	Status     linkcheck.Status
	HTTPStatus int
	// Err says why the page could not be fetched or read; "" when it was.
	Err string
	// Read: the page's metadata was extracted (the fields mean something).
	Read bool
	// Wall is "consent", "paywall" or "bot" when an interstitial stood in
	// front of the article: the fields are the wall's, not the article's,
	// and are left empty.
	Wall string
	// Fields are ready for the citation form: URL is the address to cite
	// (the final one after redirects), Published and Retrieved are in the
	// profile's date layout ("" when the date is unknown).
	Fields    Fields
	Published citation.Date // zero when unknown
	Evidence  Evidence
	Warnings  []string
	// RetrievedAt is when the page was fetched; Retrieved is that instant's
	// day in the profile's zone (the 检索日期).
	RetrievedAt time.Time
	Retrieved   citation.Date
	// Line is the house-style definition content for the fields; with a
	// field missing it has that part empty, and Warnings say which.
	Line       string
	ArchiveURL string
	// Text is the compact plain text of the article (what later checks
	// compare against).
	Text string
}

// Capture fetches url with the service's link checker, extracts the page's
// metadata and, when the service has a library, stores the capture for the
// source (so later link checks can tell whether the page was rewritten) and
// records the fetch as the link's latest check. With the profile's
// links.archive_on_capture, the archive is asked to save a snapshot.
// A page that cannot be fetched or read is not an error: Captured.Err says
// why, so a batch of URLs goes on.
func (s *Service) Capture(ctx context.Context, url string) Captured {
	url = strings.TrimSpace(url)
	page := s.Checker().FetchPage(ctx, url, 0)
	c := Captured{URL: url, FinalURL: page.FinalURL, Status: page.Status, HTTPStatus: page.HTTPStatus,
		RetrievedAt: page.FetchedAt, Warnings: []string{}}
	lib, _ := s.opts.Library()
	if lib != nil && !page.FetchedAt.IsZero() {
		// The fetch is a check of the link made now, so "retrieved today"
		// may mark it; after redirects the address cited is the final one,
		// which answered directly.
		_ = lib.Store().UpdateSourceCheck(context.Background(), SourceCheck(linkcheck.Result{URL: url, FinalURL: page.FinalURL,
			Status: page.Status, HTTPStatus: page.HTTPStatus, Err: page.Err, CheckedAt: page.FetchedAt}))
		if page.Status == linkcheck.StatusRedirected && !page.Challenge {
			_ = lib.Store().UpdateSourceCheck(context.Background(), SourceCheck(linkcheck.Result{URL: page.FinalURL,
				FinalURL: page.FinalURL, Status: linkcheck.StatusOK, HTTPStatus: page.HTTPStatus, CheckedAt: page.FetchedAt}))
		}
	}
	readable := page.Status.Verified() || (page.Challenge && len(page.Body) > 0)
	if !readable {
		c.Err = page.Err
		if c.Err == "" {
			c.Err = fmt.Sprintf("HTTP %d", page.HTTPStatus)
		}
		c.Fields = Fields{URL: url, Authors: []string{}}
		return c
	}
	pageURL := page.FinalURL
	if pageURL == "" {
		pageURL = url
	}
	s.read(&c, page.Body, page.ContentType, pageURL)
	if page.Truncated {
		c.Warnings = append(c.Warnings, fmt.Sprintf("the page is larger than %d bytes; only the start was read", linkcheck.DefaultMaxPageBytes))
	}
	if page.Challenge && c.Wall == "" {
		c.Wall = pagemeta.WallBot
		c.Err = "a bot wall stands in front of the article: save the page from a browser and read the saved file, or enter the fields by hand"
		c.Fields = Fields{URL: c.Fields.URL, Authors: []string{}, Retrieved: c.Fields.Retrieved}
		c.Evidence = Evidence{}
	}
	s.finish(ctx, &c, page.Body, lib)
	return c
}

// CaptureHTML reads a page saved from a browser (for paywalls and consent
// walls, where the editor can read the page but the checker cannot) as the
// page at url. The retrieval is now. It is stored like Capture's, without
// an HTTP status.
func (s *Service) CaptureHTML(ctx context.Context, html []byte, url string) Captured {
	url = strings.TrimSpace(url)
	now := s.opts.Now()
	c := Captured{URL: url, FinalURL: url, Status: linkcheck.StatusOK, RetrievedAt: now, Warnings: []string{}}
	lib, _ := s.opts.Library()
	s.read(&c, html, "", url)
	s.finish(ctx, &c, html, lib)
	return c
}

// read extracts the page's metadata into c.
func (s *Service) read(c *Captured, body []byte, contentType, pageURL string) {
	p := s.opts.Profile
	c.Retrieved = citation.DateOf(c.RetrievedAt, p.Location())
	if !s.opts.Retrieved.IsZero() {
		c.Retrieved = s.opts.Retrieved
	}
	c.Fields = Fields{URL: pageURL, Authors: []string{}, Retrieved: c.Retrieved.Format(layoutOf(p.Style))}
	if c.Status == linkcheck.StatusOK {
		c.Fields.URL = c.URL // exactly as given, when nothing moved
	}
	page, err := pagemeta.Extract(body, contentType, pageURL, pagemeta.Options{Outlets: p.Outlets})
	if err != nil {
		c.Err = err.Error()
		return
	}
	c.Read, c.Wall, c.Text = true, page.Wall, page.Text
	c.Warnings = append(c.Warnings, page.Warnings...)
	if c.Wall != "" {
		// The wall's own title and date are not the article's.
		c.Err = "a " + c.Wall + " wall stands in front of the article: save the page from a browser and read the saved file, or enter the fields by hand"
		return
	}
	c.Fields.Title, c.Fields.Outlet = page.Title, page.Outlet
	if page.Authors != nil {
		c.Fields.Authors = page.Authors
	}
	if page.Published != nil && page.Published.Valid() {
		c.Published = *page.Published
		c.Fields.Published = c.Published.Format(layoutOf(p.Style))
	}
	c.Evidence = Evidence{Title: page.Evidence.Title, Outlet: page.Evidence.Outlet, Authors: page.Evidence.Authors,
		Published: page.Evidence.Published}
}

// finish writes the line, asks the archive and stores the capture.
func (s *Service) finish(ctx context.Context, c *Captured, body []byte, lib *library.Library) {
	if !c.Read {
		return
	}
	c.Line, c.Warnings = s.draftLine(c.Fields, c.Warnings)
	if c.Wall != "" {
		return
	}
	p := s.opts.Profile
	if p.ArchiveOnCapture && c.URL != "" {
		if snap, err := s.Checker().SaveToArchive(ctx, p.ArchiveSaveURL, c.Fields.URL); err != nil {
			c.Warnings = append(c.Warnings, err.Error())
		} else {
			c.ArchiveURL = snap
		}
	}
	if lib == nil {
		return
	}
	sum := sha256.Sum256(body)
	published := ""
	if !c.Published.IsZero() {
		published = c.Published.Format(citation.LayoutISO)
	}
	// The capture belongs to the address the citation will cite.
	err := lib.Store().SaveCapture(context.Background(), store.Capture{NormURL: library.NormalizeURL(c.Fields.URL), URL: c.URL,
		FinalURL: c.FinalURL, HTTPStatus: c.HTTPStatus, Status: string(c.Status), RetrievedAt: c.RetrievedAt,
		BodySHA256: hex.EncodeToString(sum[:]), Title: c.Fields.Title, Outlet: c.Fields.Outlet, Authors: c.Fields.Authors,
		Published: published, Evidence: map[string]string{"title": c.Evidence.Title, "outlet": c.Evidence.Outlet,
			"authors": c.Evidence.Authors, "published": c.Evidence.Published},
		Warnings: c.Warnings, Text: c.Text, ArchiveURL: c.ArchiveURL})
	if err != nil {
		c.Warnings = append(c.Warnings, "the capture could not be stored: "+err.Error())
	}
}

// draftLine is the house-style line for fields as far as they are known.
// A missing title, outlet or date leaves its place empty (a wrong guess is
// worse than none) and adds a warning naming it, so `copydesk check` and the
// editor see the gap.
func (s *Service) draftLine(f Fields, warnings []string) (string, []string) {
	st := s.opts.Profile.Style
	if line, err := s.Line(f); err == nil {
		return line, warnings
	}
	c := citation.Citation{Title: oneLine(f.Title), URL: f.URL, Outlet: oneLine(f.Outlet), PublishedText: f.Published,
		RetrievedText: f.Retrieved}
	for _, a := range f.Authors {
		c.Authors = append(c.Authors, oneLine(a))
	}
	c.Published, _ = citation.ParseDate(f.Published)
	c.Retrieved, _ = citation.ParseDate(f.Retrieved)
	for _, miss := range []struct{ name, value string }{{"title", c.Title}, {"outlet", c.Outlet}, {"published date", f.Published}} {
		if miss.value == "" {
			warnings = append(warnings, "no "+miss.name+" found: fill it in")
		}
	}
	line := citation.Format(c, st)
	if back, err := citation.Parse(line, st); err == nil && !reflect.DeepEqual(back.Authors, c.Authors) {
		warnings = append(warnings, "the authors do not read back from the line: check them")
	} else if err == nil && back.Title != c.Title {
		warnings = append(warnings, "the title does not read back from the line (it holds Markdown link characters): check it")
	}
	return line, warnings
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
