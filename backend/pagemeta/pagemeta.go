// Package pagemeta reads a web page's citation metadata: given the bytes of
// a page and its URL it returns the title, outlet, authors, published and
// modified days, language and canonical URL, and for every field the rule
// that gave it (its evidence). It also says when the page is a wall (consent,
// paywall, bot challenge) rather than the article, and keeps a compact plain
// text of the article body so a later check can tell that a cited page was
// rewritten.
//
// The rules, per field and in priority order, are the table in rules.go; the
// same table is rendered in RULES.md beside this file (a test keeps the two
// equal). Structured metadata (JSON-LD, Highwire, Open Graph, Parse.ly,
// Sailthru, Dublin Core, microdata) comes before what is read from visible
// text, because markup meant for machines is less often ambiguous than
// layout. When two rules disagree the higher one still wins, but the
// disagreement is reported as a warning: a wrong guess is worse than none.
//
// Extraction is bounded for hostile pages: at most Options.MaxBytes of the
// body are read, the element tree is capped in depth and size, and JSON-LD
// blocks above a size cap are skipped; Extract never panics.
package pagemeta

import (
	"fmt"

	"copydesk/backend/citation"
)

// DefaultMaxBytes is how much of a body Extract reads when Options.MaxBytes
// is 0. Real article pages are well under 2 MiB; the cap keeps a 50 MB body
// (or an endless one) from costing more than a normal page.
const DefaultMaxBytes = 8 << 20

// MaxTextBytes caps Page.Text: enough to compare two versions of an article,
// small enough to store with every capture.
const MaxTextBytes = 64 << 10

// Options tune one extraction.
type Options struct {
	// Outlets maps a host to an outlet name; it extends and overrides the
	// built-in host table (the profile's `outlets:`). A key matches the host
	// and its subdomains.
	Outlets map[string]string
	// MaxBytes caps the bytes of the body that are read; 0 means
	// DefaultMaxBytes. Larger bodies are truncated, with a warning.
	MaxBytes int
}

// Day is a calendar day: citation dates are days, never instants.
type Day = citation.Date

// Page is what Extract read from one page.
type Page struct {
	Title   string
	Outlet  string
	Authors []string
	// Published is the calendar day in the offset the page states. A UTC
	// time becomes the day in the outlet's home zone (host table), else
	// in an offset the page states elsewhere for the same instant, else
	// the UTC day; a time without an offset is the day as written. The
	// evidence says which. Never the modified date.
	Published *Day
	// PublishedAt is the raw value the day came from (RFC 3339 when it
	// carried a time and an offset).
	PublishedAt string
	Modified    *Day
	// Language is the BCP 47 tag as declared (html lang, content-language,
	// og:locale), "" if none.
	Language string
	// Canonical is the absolute canonical URL, "" if none.
	Canonical string
	Evidence  Evidence
	// Warnings are human-readable (English) notes: rules that disagree, a
	// URL date path a day off, a truncated body, skipped JSON-LD.
	Warnings []string
	// Text is a compact plain-text extract of the article body (at most
	// MaxTextBytes), for telling later whether the page was rewritten.
	Text string
	// Wall is "" for an article, or "consent", "paywall" or "bot" when the
	// page is an interstitial standing in front of the article.
	Wall string
	// Charset is the encoding actually used to decode the body.
	Charset string
}

// Evidence names the rule that gave each field, e.g.
// "json-ld NewsArticle.headline" or "meta article:published_time".
type Evidence struct {
	Title, Outlet, Authors, Published, Modified, Language, Canonical string
}

// Wall kinds.
const (
	WallConsent = "consent"
	WallPaywall = "paywall"
	WallBot     = "bot"
)

// Extract reads the metadata of one page. contentType is the HTTP
// Content-Type header ("" when unknown, e.g. a saved file) and pageURL the
// final URL of the page (used for relative links, the host table and the URL
// date path). It never panics; it returns an error only when the bytes are
// not HTML at all, saying what they are.
func Extract(body []byte, contentType string, pageURL string, opts Options) (page *Page, err error) {
	defer func() {
		// A bug must not take the caller down with it: report it as an
		// error naming the page instead.
		if r := recover(); r != nil {
			page, err = nil, fmt.Errorf("pagemeta: internal error reading %s: %v", pageURL, r)
		}
	}()
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	var warnings []string
	if len(body) > limit {
		warnings = append(warnings, fmt.Sprintf("body is %d bytes; only the first %d were read", len(body), limit))
		body = body[:limit]
	}
	if err := checkHTML(body, contentType); err != nil {
		return nil, err
	}
	text, cs, csWarn := decode(body, contentType)
	warnings = append(warnings, csWarn...)
	d := newDoc(text, pageURL, opts)
	d.warn(warnings...)
	p := d.extract()
	p.Charset = cs
	return p, nil
}
