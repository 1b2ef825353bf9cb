package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"copydesk/backend/citation"
	"copydesk/backend/citations"
	"copydesk/backend/linkcheck"
	"copydesk/backend/profile"
	"copydesk/backend/site"
	"copydesk/backend/workspace"
)

const citeUsage = `Usage: copydesk cite [--json] [--today YYYY-MM-DD] [--profile FILE] [--timeout SECONDS]
                     [--label N] URL...
       copydesk cite [--json] [--today YYYY-MM-DD] [--profile FILE] [--label N]
                     --html FILE --url URL

Fetches each page and prints one house-style citation definition for it:

  [^N]: [TITLE](URL)·OUTLET·AUTHORS（PUBLISHED）·检索日期TODAY

The title, outlet, authors and publication date are read from the page's own
metadata (JSON-LD, citation_* and Open Graph tags, bylines, Chinese 来源/作者
lines); where the page states no value, its place is left empty and a warning
on stderr names it: a wrong guess is worse than none. The URL written is the
page's address after redirects. 检索日期 is the day of the fetch in the
profile's time zone.

A bot, consent or paywall page stands in front of some articles. Save the page
from a browser and read the saved file instead:

  copydesk cite --html saved.html --url https://example.com/article

Flags:
  --json             one JSON document on stdout instead of lines of text
  --label N          the footnote label of the first definition (default "?");
                     a number counts up for each further URL
  --today DATE       the 检索日期 to write (default: today in the profile's zone)
  --timeout SECONDS  time-out of each request (default 15)
  --profile FILE     the copydesk.yaml to use (default: found by walking up from
                     the current folder; the built-in profile); its citations
                     style, outlets table and links.allow_private apply
  --html FILE        read a saved page instead of fetching (needs --url)
  --url URL          the address the saved page came from

The command writes nothing but its output: no library, no file.

Exit status: 0 every page was read, 1 some page could not be fetched or read
(named on stderr and in the JSON), 2 bad usage or a --html file that cannot
be read.
`

type citeJSON struct {
	Citations []citeEntry `json:"citations"`
}

type citeEntry struct {
	URL        string       `json:"url"`
	FinalURL   string       `json:"final_url"`
	Title      string       `json:"title"`
	Outlet     string       `json:"outlet"`
	Authors    []string     `json:"authors"`
	Published  *string      `json:"published"` // YYYY-MM-DD, null when unknown
	Retrieved  string       `json:"retrieved"`
	Line       string       `json:"line"`
	Evidence   citeEvidence `json:"evidence"`
	Warnings   []string     `json:"warnings"`
	Status     string       `json:"status"`
	HTTPStatus int          `json:"http_status"`
	Wall       string       `json:"wall,omitempty"`
	ArchiveURL string       `json:"archive_url,omitempty"`
	Error      string       `json:"error,omitempty"`
}

type citeEvidence struct {
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Authors   string `json:"authors"`
	Published string `json:"published"`
}

type citeFlags struct {
	asJSON   bool
	today    citation.Date
	timeout  time.Duration
	profile  *profile.Profile
	label    string
	htmlFile string
	pageURL  string
}

func runCite(args []string, stdout, stderr io.Writer) int {
	opts, urls, status := parseCiteFlags(args, stdout, stderr)
	if status >= 0 {
		return status
	}
	var html []byte
	if opts.htmlFile != "" {
		b, err := readSavedPage(opts.htmlFile)
		if err != nil {
			fmt.Fprintf(stderr, "copydesk cite: %v\n", err)
			return ExitUsage
		}
		html = b
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	checker := linkcheck.New(linkcheck.Options{Timeout: opts.timeout, AllowPrivate: opts.profile.LinksAllowPrivate})
	defer checker.Close()
	svc := citations.New(citations.Options{Profile: opts.profile, Checker: checker, Retrieved: opts.today})

	out := citeJSON{Citations: []citeEntry{}}
	status = ExitOK
	for i, u := range urls {
		var c citations.Captured
		if html != nil {
			c = svc.CaptureHTML(ctx, html, u)
		} else {
			c = svc.Capture(ctx, u)
		}
		e := citeEntryOf(c, labelAt(opts.label, i))
		if e.Error != "" {
			fmt.Fprintf(stderr, "%s: %s\n", u, e.Error)
			status = ExitFindings
		}
		for _, w := range e.Warnings {
			fmt.Fprintf(stderr, "%s: warning: %s\n", u, w)
		}
		out.Citations = append(out.Citations, e)
	}
	if opts.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "copydesk cite: %v\n", err)
			return ExitUsage
		}
		return status
	}
	for _, e := range out.Citations {
		if e.Line != "" {
			fmt.Fprintln(stdout, e.Line)
		}
	}
	return status
}

// citeEntryOf is one capture as the contract's JSON entry; Line is the
// whole definition ("[^N]: …"), "" when the page could not be read.
func citeEntryOf(c citations.Captured, label string) citeEntry {
	e := citeEntry{URL: c.URL, FinalURL: c.FinalURL, Title: c.Fields.Title, Outlet: c.Fields.Outlet, Authors: c.Fields.Authors,
		Retrieved: c.Retrieved.Format(citation.LayoutISO), Evidence: citeEvidence(c.Evidence), Warnings: c.Warnings,
		Status: string(c.Status), HTTPStatus: c.HTTPStatus, Wall: c.Wall, ArchiveURL: c.ArchiveURL, Error: c.Err}
	if e.Authors == nil {
		e.Authors = []string{}
	}
	if e.Warnings == nil {
		e.Warnings = []string{}
	}
	if c.Retrieved.IsZero() {
		e.Retrieved = ""
	}
	if !c.Published.IsZero() {
		p := c.Published.Format(citation.LayoutISO)
		e.Published = &p
	}
	if c.Err == "" && c.Line != "" {
		e.Line = "[^" + label + "]: " + c.Line
	}
	return e
}

// labelAt is the label of the i-th definition: a numeric label counts up.
func labelAt(first string, i int) string {
	if n, err := strconv.Atoi(first); err == nil {
		return strconv.Itoa(n + i)
	}
	return first
}

// readSavedPage reads a page saved from a browser through the file gateway:
// a FIFO or device is refused instead of read, and a file larger than any
// article page is refused before it is read whole.
func readSavedPage(name string) ([]byte, error) {
	b, err := site.ReadFile(name, linkcheck.DefaultMaxPageBytes)
	if errors.Is(err, site.ErrTooLarge) {
		return nil, fmt.Errorf("%s: larger than %d MiB; a saved article page is far smaller", site.Quote(name), linkcheck.DefaultMaxPageBytes>>20)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", site.Quote(name), err)
	}
	return b, nil
}

// parseCiteFlags returns the options and URLs, or an exit status >= 0 when
// the command is already done (help or bad usage).
func parseCiteFlags(args []string, stdout, stderr io.Writer) (citeFlags, []string, int) {
	var opts citeFlags
	fs := flag.NewFlagSet("cite", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&opts.asJSON, "json", false, "")
	todayFlag := fs.String("today", "", "")
	timeoutFlag := fs.String("timeout", "", "")
	profileFlag := fs.String("profile", "", "")
	fs.StringVar(&opts.label, "label", "?", "")
	fs.StringVar(&opts.htmlFile, "html", "", "")
	fs.StringVar(&opts.pageURL, "url", "", "")
	urls, err := parseInterspersed(fs, args)
	if err == flag.ErrHelp {
		fmt.Fprint(stdout, citeUsage)
		return opts, nil, ExitOK
	}
	usageErr := func(format string, a ...any) (citeFlags, []string, int) {
		fmt.Fprintf(stderr, "copydesk cite: "+format+"\n\n%s", append(a, citeUsage)...)
		return opts, nil, ExitUsage
	}
	if err != nil {
		return usageErr("%v", err)
	}
	switch {
	case opts.htmlFile != "" && (opts.pageURL == "" || len(urls) > 0):
		return usageErr("--html FILE needs --url URL (the page's address) and no other URL")
	case opts.htmlFile == "" && opts.pageURL != "":
		return usageErr("--url is the address of a saved page read with --html FILE")
	case opts.htmlFile != "":
		urls = []string{opts.pageURL}
	case len(urls) == 0:
		return usageErr("no URL given")
	}
	for _, u := range urls {
		if !isHTTPURL(strings.TrimSpace(u)) {
			return usageErr("%q is not an http(s) URL", u)
		}
	}
	if opts.label = strings.TrimSpace(opts.label); opts.label == "" || strings.ContainsAny(opts.label, "[]^ \t") {
		return usageErr("--label %q is not a footnote label (like 3)", opts.label)
	}
	if _, err := strconv.Atoi(opts.label); err != nil && len(urls) > 1 && opts.label != "?" {
		return usageErr("--label %q is not a number, so it cannot count up for %d URLs", opts.label, len(urls))
	}
	if opts.today, err = parseToday(*todayFlag); err != nil {
		return usageErr("%v", err)
	}
	if opts.timeout, err = parseTimeout(*timeoutFlag); err != nil {
		return usageErr("%v", err)
	}
	wd, _ := os.Getwd() // "" (the built-in profile) when the folder is gone
	p, err := workspace.FindProfile(*profileFlag, wd)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk cite: %v\n", err)
		return opts, nil, ExitUsage
	}
	opts.profile = p
	return opts, urls, -1
}
