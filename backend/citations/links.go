package citations

import (
	"context"
	"os"
	"strings"
	"time"

	"copydesk/backend/citation"
	"copydesk/backend/library"
	"copydesk/backend/linkcheck"
	"copydesk/backend/store"
)

// ArchiveEndpoint is the archive asked for snapshots of dead links: the
// environment variable COPYDESK_ARCHIVE_ENDPOINT when set, else the
// profile's; "none" asks none (""), so tests and offline work never leave
// the machine.
func ArchiveEndpoint(profileEndpoint string) string {
	endpoint := strings.TrimSpace(profileEndpoint)
	if env, ok := os.LookupEnv("COPYDESK_ARCHIVE_ENDPOINT"); ok {
		endpoint = strings.TrimSpace(env)
	}
	if strings.EqualFold(endpoint, "none") {
		return ""
	}
	return endpoint
}

// Checker is the link checker shared by every check of the service, so its
// per-host limits hold across checks started one after another. Loopback
// and private addresses are fetched only when the profile says
// links.allow_private (or COPYDESK_LINKS_ALLOW_PRIVATE=1, for tests against
// local servers).
func (s *Service) Checker() *linkcheck.Checker {
	s.checkerOnce.Do(func() {
		allowPrivate := s.opts.Profile.LinksAllowPrivate || os.Getenv("COPYDESK_LINKS_ALLOW_PRIVATE") == "1"
		s.checker = linkcheck.New(linkcheck.Options{ArchiveEndpoint: ArchiveEndpoint(s.opts.Profile.ArchiveEndpoint),
			AllowPrivate: allowPrivate, Now: s.opts.Now})
	})
	return s.checker
}

// CheckCited checks the URLs of cited with checker, in the order given, and
// returns one result per entry. record, when not nil, is called with each
// finished result (never with one cancelled before it finished), so a
// check stopped half-way keeps what it learnt; progress as in
// linkcheck.Checker.Check.
func CheckCited(ctx context.Context, checker *linkcheck.Checker, cited []linkcheck.Cited,
	record func(linkcheck.Result), progress func(done, total int, r linkcheck.Result)) []linkcheck.Result {
	targets := make([]linkcheck.Target, len(cited))
	for i, c := range cited {
		targets[i] = c.Target()
	}
	return checker.Check(ctx, targets, func(done, total int, r linkcheck.Result) {
		if record != nil && !r.CheckedAt.IsZero() {
			record(r)
		}
		if progress != nil {
			progress(done, total, r)
		}
	})
}

// SourceCheck is a finished result as the sources table stores it.
func SourceCheck(r linkcheck.Result) store.SourceCheck {
	msg := r.Err
	if msg == "" && r.ArchiveErr != "" {
		msg = "archive: " + r.ArchiveErr
	}
	return store.SourceCheck{NormURL: library.NormalizeURL(r.URL), URL: r.URL, Status: string(r.Status),
		HTTPStatus: r.HTTPStatus, FinalURL: r.FinalURL, ArchiveURL: r.ArchiveURL, Err: msg, CheckedAt: r.CheckedAt}
}

// CheckedLink is the check of the URL one definition cites.
type CheckedLink struct {
	linkcheck.Cited
	Result linkcheck.Result
	// Change compares the page with its stored capture ("changed since
	// retrieved"); nil when the source was never captured or the page
	// cannot be read now.
	Change *Change
}

// LinkReport is the result of CheckLinks.
type LinkReport struct {
	Links     []CheckedLink
	Counts    linkcheck.Summary
	Cancelled bool
}

// CheckLinks re-verifies every URL the text's definitions cite and caches
// each finished result in the library's sources table with the time of the
// check. When ctx is cancelled it returns promptly; results not finished by
// then have a zero CheckedAt and are not cached.
func (s *Service) CheckLinks(ctx context.Context, text string, progress func(done, total int, r linkcheck.Result)) (LinkReport, error) {
	lib, err := s.opts.Library()
	if err != nil {
		return LinkReport{}, err
	}
	cited, err := linkcheck.CitedURLs([]byte(text), s.opts.Profile.Style)
	if err != nil {
		return LinkReport{}, err
	}
	record := func(r linkcheck.Result) {
		_ = lib.Store().UpdateSourceCheck(context.Background(), SourceCheck(r))
	}
	results := CheckCited(ctx, s.Checker(), cited, record, progress)
	out := LinkReport{Links: make([]CheckedLink, len(cited)), Counts: linkcheck.Summarize(results), Cancelled: ctx.Err() != nil}
	for i, c := range cited {
		out.Links[i] = CheckedLink{Cited: c, Result: results[i]}
	}
	s.changesSince(ctx, lib, out.Links)
	return out, nil
}

// Skipped is a label MarkRetrieved would not touch, and why: not_checked
// (never checked, or not freshly), not_verified (dead, unverifiable or
// error), no_url, not_house_style.
type Skipped struct {
	Label  string
	Reason string
	Status string
}

// Marked is the text after MarkRetrieved.
type Marked struct {
	Text    []byte
	Marked  []string
	Skipped []Skipped
}

// LastCheck is what is known about the last check of a URL.
type LastCheck struct {
	Status    linkcheck.Status
	CheckedAt time.Time
}

// MarkRetrieved applies the one rule for setting 检索日期 to today: only on
// house-style definitions whose URL was verified (ok or redirected) by a
// fresh check. labels names the definitions to consider (nil: every cited
// one); lastCheck says what is known about a URL; fresh says whether a check
// time is recent enough (checked today, or in this run). Every other label
// is listed in Skipped with the reason: a dead, unverifiable or unchecked
// link never looks freshly retrieved. Only the dates' bytes change.
func MarkRetrieved(text []byte, st citation.Style, labels []string, today citation.Date,
	lastCheck func(url string) (LastCheck, bool), fresh func(time.Time) bool) (Marked, error) {
	out := Marked{Text: text, Marked: []string{}, Skipped: []Skipped{}}
	cited, err := linkcheck.CitedURLs(text, st)
	if err != nil {
		return out, err
	}
	byLabel := map[string]linkcheck.Cited{}
	var all []string
	for _, c := range cited {
		if _, seen := byLabel[c.Label]; !seen {
			byLabel[c.Label] = c
			all = append(all, c.Label)
		}
	}
	if labels == nil {
		labels = all
	}
	var checked []linkcheck.Checked
	for _, label := range labels {
		c, ok := byLabel[label]
		switch {
		case !ok:
			out.Skipped = append(out.Skipped, Skipped{Label: label, Reason: "no_url"})
			continue
		case !c.HouseStyle:
			out.Skipped = append(out.Skipped, Skipped{Label: label, Reason: "not_house_style"})
			continue
		}
		last, ok := lastCheck(c.URL)
		if !ok || last.CheckedAt.IsZero() || !fresh(last.CheckedAt) {
			out.Skipped = append(out.Skipped, Skipped{Label: label, Reason: "not_checked", Status: string(last.Status)})
			continue
		}
		if !last.Status.Verified() {
			out.Skipped = append(out.Skipped, Skipped{Label: label, Reason: "not_verified", Status: string(last.Status)})
			continue
		}
		checked = append(checked, linkcheck.Checked{Label: label,
			Result: linkcheck.Result{URL: c.URL, Status: last.Status, CheckedAt: last.CheckedAt}})
	}
	if len(checked) == 0 {
		return out, nil
	}
	edited, marked, err := linkcheck.MarkRetrieved(text, checked, today, st)
	if err != nil {
		return out, newError(CodeCannotEdit, map[string]string{"detail": err.Error()})
	}
	out.Text = edited
	out.Marked = append(out.Marked, marked...)
	return out, nil
}

// MarkRetrievedToday sets 检索日期 to today (in the profile's time zone) on
// the named definitions whose URL a check made today, as stored in the
// sources table, verified.
func (s *Service) MarkRetrievedToday(text string, labels []string) (Marked, error) {
	lib, err := s.opts.Library()
	if err != nil {
		return Marked{}, err
	}
	if labels == nil {
		labels = []string{}
	}
	p, today := s.opts.Profile, s.Today()
	lastCheck := func(url string) (LastCheck, bool) {
		src, err := lib.Source(context.Background(), url)
		if err != nil {
			return LastCheck{}, false
		}
		return LastCheck{Status: linkcheck.Status(src.CheckStatus), CheckedAt: src.CheckedAt}, true
	}
	checkedToday := func(t time.Time) bool { return citation.DateOf(t, p.Location()) == today }
	return MarkRetrieved([]byte(text), p.Style, labels, today, lastCheck, checkedToday)
}
