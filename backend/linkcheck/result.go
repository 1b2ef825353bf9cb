package linkcheck

import (
	"time"
)

// Status is the class of a checked URL. The values are stable: they appear in
// the CLI's JSON and in the library's sources table.
type Status string

const (
	StatusOK           Status = "ok"           // 2xx at the cited URL
	StatusRedirected   Status = "redirected"   // 2xx at another URL after redirects
	StatusDead         Status = "dead"         // 404/410 or a host that does not exist
	StatusUnverifiable Status = "unverifiable" // bot wall or access refused: a person must look
	StatusError        Status = "error"        // time-out, connection failure, 5xx: try later
)

// Statuses lists every status in the order summaries show them.
var Statuses = []Status{StatusOK, StatusRedirected, StatusDead, StatusUnverifiable, StatusError}

// Verified reports whether the URL answered with a page (ok or redirected),
// the only outcomes that justify setting a citation's retrieval date to today.
func (s Status) Verified() bool { return s == StatusOK || s == StatusRedirected }

// Target is one URL to check. Retrieved is the citation's retrieval date
// (only its calendar day is used); for a dead link, the archive snapshot
// closest to that day is suggested. A zero Retrieved asks for the most
// recent snapshot.
type Target struct {
	URL       string
	Retrieved time.Time
}

// Result is the outcome of checking one Target.
type Result struct {
	URL        string    // the URL as cited
	FinalURL   string    // the last URL requested (equals URL when there was no redirect); "" if nothing answered
	Status     Status    //
	HTTPStatus int       // status code of the final answer; 0 when no answer was received
	ArchiveURL string    // for dead links: the closest archived snapshot, when the archive has one
	ArchiveErr string    // why the archive could not be asked, when it could not
	CheckedAt  time.Time // when the check finished; zero when it was cancelled (do not cache)
	Err        string    // human-readable reason for dead, unverifiable and error results
}

// Summary counts results by status.
type Summary map[Status]int

// Summarize counts results by status; every status is present, even at zero.
func Summarize(results []Result) Summary {
	s := Summary{}
	for _, st := range Statuses {
		s[st] = 0
	}
	for _, r := range results {
		s[r.Status]++
	}
	return s
}
