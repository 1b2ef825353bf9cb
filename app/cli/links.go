package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"time"

	"copydesk/backend/citation"
	"copydesk/backend/linkcheck"
	"copydesk/backend/profile"
	"copydesk/backend/site"
	"copydesk/backend/workspace"
)

const linksUsage = `Usage: copydesk links [--json] [--today YYYY-MM-DD] [--timeout SECONDS]
                      [--archive-endpoint URL] [--profile FILE] [--mark-retrieved] PATH...

Re-verifies every URL cited in the footnote definitions of the articles. PATH
is a file or a folder (its *.md files, recursively, in sorted order). A
definition that is not in house style is still checked when it holds a URL in
parentheses.

Each URL is classified as
  ok            the page answers (2xx) at the cited URL
  redirected    the page answers after redirects to another URL (shown)
  dead          404 or 410, or the host does not exist (while other host
                names resolve: offline, nothing is dead)
  unverifiable  the site refuses checkers (401, 403, 429, 451, 999, a bot
                challenge page): open it in a browser, it is not dead
  error         time-out, connection failure, 5xx, or offline: try again later

Credentials in a URL (user:pass@) are never sent. Link-local addresses
(169.254.0.0/16, fe80::/10) are never fetched; loopback and private ones only
when the profile says links.allow_private: true.
For a dead link, the archive is asked for the snapshot closest to the
citation's retrieval date.

Flags:
  --json                  one JSON document on stdout instead of lines of text
  --timeout SECONDS       time-out of each request (default 15)
  --archive-endpoint URL  Wayback-availability-style endpoint for dead links
                          (default: the profile's, normally the public Wayback
                          Machine); "none" asks no archive
  --profile FILE          the copydesk.yaml to use (default: found by walking
                          up from each file's folder; the built-in profile)
  --mark-retrieved        set 检索日期 to today in the files, for the sources
                          found ok or redirected (never for the others)
  --today DATE            the day --mark-retrieved writes (default: today in
                          the profile's time zone)

Exit status: 0 no dead link, 1 some link is dead (or a file could not be
updated, or the check was interrupted), 2 bad usage or a file that could not
be read.
`

type linksJSON struct {
	Links   []linkJSON      `json:"links"`
	Summary map[string]int  `json:"summary"`
	Marked  []linksMarkJSON `json:"marked,omitempty"`
	Errors  []linksFileErr  `json:"errors,omitempty"`
}

type linkJSON struct {
	Path         string `json:"path"`
	Label        string `json:"label"`
	Line         int    `json:"line"`
	URL          string `json:"url"`
	Status       string `json:"status"`
	HTTPStatus   int    `json:"http_status"`
	FinalURL     string `json:"final_url"`
	ArchiveURL   string `json:"archive_url"`
	Error        string `json:"error,omitempty"`
	ArchiveError string `json:"archive_error,omitempty"`
}

type linksMarkJSON struct {
	Path   string   `json:"path"`
	Date   string   `json:"date"`
	Labels []string `json:"labels"`
}

type linksFileErr struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// linksFile is one article and the URLs it cites.
type linksFile struct {
	path    string // as named on the command line (or under a named folder)
	text    []byte
	profile *profile.Profile
	cited   []linkcheck.Cited
	results []linkcheck.Result // parallel to cited
}

type linksFlags struct {
	asJSON        bool
	today         citation.Date
	timeout       time.Duration
	archive       string // "" : each file's profile decides
	profile       *profile.Profile
	markRetrieved bool
}

func runLinks(args []string, stdout, stderr io.Writer) int {
	opts, paths, status := parseLinksFlags(args, stdout, stderr)
	if status >= 0 {
		return status
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	files, out, status := readLinksFiles(paths, opts, stderr)
	checkLinksFiles(ctx, files, opts, linksProgress(stderr, opts.asJSON))

	out.Links = []linkJSON{}
	var all []linkcheck.Result
	for _, f := range files {
		for i, c := range f.cited {
			r := f.results[i]
			all = append(all, r)
			out.Links = append(out.Links, linkJSON{
				Path: f.path, Label: c.Label, Line: c.Line, URL: c.URL, Status: string(r.Status),
				HTTPStatus: r.HTTPStatus, FinalURL: r.FinalURL, ArchiveURL: r.ArchiveURL,
				Error: r.Err, ArchiveError: r.ArchiveErr,
			})
		}
	}
	out.Summary = map[string]int{}
	for st, n := range linkcheck.Summarize(all) {
		out.Summary[string(st)] = n
	}
	for _, r := range all {
		if strings.HasPrefix(r.Err, "offline: ") {
			fmt.Fprintln(stderr, "copydesk links: no host name resolved: the network looks offline; hosts not found are reported as error, not dead")
			break
		}
	}
	if out.Summary[string(linkcheck.StatusDead)] > 0 && status == ExitOK {
		status = ExitFindings
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "copydesk links: interrupted; unchecked links are reported as error (canceled)")
		if status == ExitOK {
			status = ExitFindings
		}
	} else if opts.markRetrieved {
		for _, f := range files {
			mark, err := markLinksFile(f, opts.today)
			if err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", site.Quote(f.path), err)
				out.Errors = append(out.Errors, linksFileErr{Path: f.path, Error: err.Error()})
				if status == ExitOK {
					status = ExitFindings
				}
			}
			if mark != nil {
				out.Marked = append(out.Marked, *mark)
			}
		}
	}

	if opts.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "copydesk links: %v\n", err)
			return ExitUsage
		}
		return status
	}
	printLinksText(stdout, out)
	return status
}

// parseLinksFlags returns the options and paths, or an exit status >= 0 when
// the command is already done (help or bad usage).
func parseLinksFlags(args []string, stdout, stderr io.Writer) (linksFlags, []string, int) {
	var opts linksFlags
	fs := flag.NewFlagSet("links", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&opts.asJSON, "json", false, "")
	todayFlag := fs.String("today", "", "")
	timeoutFlag := fs.String("timeout", "", "")
	fs.StringVar(&opts.archive, "archive-endpoint", "", "")
	profileFlag := fs.String("profile", "", "")
	fs.BoolVar(&opts.markRetrieved, "mark-retrieved", false, "")
	paths, err := parseInterspersed(fs, args)
	if err == flag.ErrHelp {
		fmt.Fprint(stdout, linksUsage)
		return opts, nil, ExitOK
	}
	usageErr := func(format string, a ...any) (linksFlags, []string, int) {
		fmt.Fprintf(stderr, "copydesk links: "+format+"\n\n%s", append(a, linksUsage)...)
		return opts, nil, ExitUsage
	}
	if err != nil {
		return usageErr("%v", err)
	}
	if len(paths) == 0 {
		return usageErr("no PATH given")
	}
	if opts.today, err = parseToday(*todayFlag); err != nil {
		return usageErr("%v", err)
	}
	if opts.timeout, err = parseTimeout(*timeoutFlag); err != nil {
		return usageErr("%v", err)
	}
	if opts.archive != "" && opts.archive != "none" {
		if !isHTTPURL(opts.archive) {
			return usageErr("--archive-endpoint %q is not an http(s) URL (or \"none\")", opts.archive)
		}
	}
	if *profileFlag != "" {
		p, err := workspace.FindProfile(*profileFlag, "")
		if err != nil {
			fmt.Fprintf(stderr, "copydesk links: %v\n", err)
			return opts, nil, ExitUsage
		}
		opts.profile = p
	}
	return opts, paths, -1
}

// isHTTPURL: s is an absolute http or https URL with a host.
func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
