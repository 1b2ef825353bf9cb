package app

import "copydesk/backend/citations"

// The shapes the citations panel, the sources library and the audit exchange
// with the UI. Offsets are UTF-16 code units into the whole text (what the
// editor uses); lines are 1-based; times are RFC 3339 ("" when unknown).

// CitationFields, LinkState and CaptureEvidence cross as the citations
// package has them: they hold no offsets or lines to convert.
type (
	CitationFields  = citations.Fields
	LinkState       = citations.LinkState
	CaptureEvidence = citations.Evidence
)

// CitationRow is one footnote definition of the draft.
type CitationRow struct {
	Label string `json:"label"`
	// Number is the number Hugo shows for it (order of first citation);
	// 0 when it is never cited, so Hugo leaves it out.
	Number int    `json:"number"`
	Line   int    `json:"line"`
	From   int    `json:"from"` // the definition line, without its line ending
	To     int    `json:"to"`
	Raw    string `json:"raw"` // the text after "[^label]: ", as written
	// HouseStyle is false for a free-text definition: Fields then holds only
	// what could be guessed (the URL) and FormatError says what is missing.
	HouseStyle  bool           `json:"houseStyle"`
	FormatError string         `json:"formatError"`
	Fields      CitationFields `json:"fields"`
	RefCount    int            `json:"refCount"`
	FirstRef    int            `json:"firstRef"`  // offset of its first citation in the text; -1 when uncited
	Duplicate   bool           `json:"duplicate"` // the label is defined more than once
	Link        LinkState      `json:"link"`
}

// CitationList is the panel's content for one text.
type CitationList struct {
	Rows []CitationRow `json:"rows"`
	// Today is the profile's today as a citation date ("2025/7/8").
	Today string `json:"today"`
	// InOrder: labels already run 1..n in order of first citation.
	InOrder bool `json:"inOrder"`
}

// AddedCitation is the text after Add and where its reference went.
type AddedCitation struct {
	Text    string `json:"text"`
	Label   string `json:"label"`
	RefFrom int    `json:"refFrom"` // -1 when no reference was inserted
	RefTo   int    `json:"refTo"`
}

// SourceSuggestion is what the sources library knows about a URL.
type SourceSuggestion struct {
	Known   bool           `json:"known"`
	NormURL string         `json:"normUrl"`
	Fields  CitationFields `json:"fields"` // Retrieved is always empty
	Link    LinkState      `json:"link"`
	CitedBy []SourceCite   `json:"citedBy"`
}

// SourceCite is one draft citing a source.
type SourceCite struct {
	DraftID int64  `json:"draftId"`
	Title   string `json:"title"`
	Label   string `json:"label"`
}

// SourceRow is one URL cited anywhere in the library.
type SourceRow struct {
	NormURL string         `json:"normUrl"`
	Fields  CitationFields `json:"fields"`
	Link    LinkState      `json:"link"`
	CitedBy []SourceCite   `json:"citedBy"`
}

// SourceApplied is the result of rewriting one text's citations of a source.
type SourceApplied struct {
	Text   string   `json:"text"`
	Labels []string `json:"labels"` // the definitions rewritten
}

// DraftSourceUpdate is the outcome for one draft of ApplySourceToDrafts.
type DraftSourceUpdate struct {
	DraftID int64    `json:"draftId"`
	Title   string   `json:"title"`
	Labels  []string `json:"labels"`
	// Error is an error code ("draft.conflict", "draft.not_found", ...) or
	// a message; "" when the draft was updated (or had nothing to change).
	Error string `json:"error"`
}

// LinkCheckProgress is sent as the "links-progress" event during CheckLinks.
type LinkCheckProgress struct {
	JobID  string     `json:"jobId"`
	Done   int        `json:"done"`
	Total  int        `json:"total"`
	Result LinkResult `json:"result"`
}

// LinkResult is the outcome of checking the URL one definition cites.
type LinkResult struct {
	Label      string `json:"label"` // "" in progress events (a URL cited twice is checked once)
	Line       int    `json:"line"`
	URL        string `json:"url"`
	Status     string `json:"status"`
	HTTPStatus int    `json:"httpStatus"`
	FinalURL   string `json:"finalUrl"`
	ArchiveURL string `json:"archiveUrl"`
	Error      string `json:"error"`
	CheckedAt  string `json:"checkedAt"` // "" when the check was cancelled before this URL
	// Change, for a source captured before, says how the page differs
	// from the capture ("changed since retrieved"); absent otherwise.
	Change *LinkChange `json:"change,omitempty"`
}

// LinkChange compares a page with its capture. Similarity is the share of
// the text's 5-character shingles the two versions have in common (0..1;
// -1 when either has no text); Text is set when it is below 0.5.
type LinkChange struct {
	Headline   bool    `json:"headline"`
	OldTitle   string  `json:"oldTitle"`
	NewTitle   string  `json:"newTitle"`
	Text       bool    `json:"text"`
	Similarity float64 `json:"similarity"`
}

// LinkCheckSummary is the result of CheckLinks.
type LinkCheckSummary struct {
	JobID     string         `json:"jobId"`
	Cancelled bool           `json:"cancelled"`
	Results   []LinkResult   `json:"results"`
	Counts    map[string]int `json:"counts"` // per status, every status present
}

// RetrievedMarked is the text after MarkRetrievedToday.
type RetrievedMarked struct {
	Text    string          `json:"text"`
	Today   string          `json:"today"`
	Marked  []string        `json:"marked"`
	Skipped []SkippedSource `json:"skipped"`
}

// SkippedSource is a label MarkRetrievedToday would not touch, and why:
// not_checked (never checked, or not today), not_verified (dead,
// unverifiable or error), no_url, not_house_style, unknown_label.
type SkippedSource struct {
	Label  string `json:"label"`
	Reason string `json:"reason"`
	Status string `json:"status"`
}

// AuditDraft is one draft with retrieval-date or link problems.
type AuditDraft struct {
	DraftID  int64          `json:"draftId"`
	Title    string         `json:"title"`
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Problems []AuditProblem `json:"problems"`
}

// AuditProblem is one problem of a draft's citation. Codes: the check's
// citation.retrieved_* codes, and link.dead (error), link.unverifiable,
// link.error and link.changed (warnings) from the last stored check.
type AuditProblem struct {
	Code     string            `json:"code"`
	Severity string            `json:"severity"`
	Label    string            `json:"label"`
	Line     int               `json:"line"`
	URL      string            `json:"url"`
	Message  string            `json:"message"` // localized for check codes; "" for link codes (the UI words them)
	Params   map[string]string `json:"params"`
}

// CapturedCitation is a web page read as a new citation: the fields for
// the form, where each came from, and what went wrong.
type CapturedCitation struct {
	URL        string          `json:"url"`      // as given
	FinalURL   string          `json:"finalUrl"` // after redirects
	Status     string          `json:"status"`   // ok, redirected, dead, unverifiable, error
	HTTPStatus int             `json:"httpStatus"`
	Error      string          `json:"error"` // "" when the page was read
	Wall       string          `json:"wall"`  // "", consent, paywall or bot
	Fields     CitationFields  `json:"fields"`
	Evidence   CaptureEvidence `json:"evidence"`
	Warnings   []string        `json:"warnings"`
	Line       string          `json:"line"` // the house-style definition content; "" when not read
	ArchiveURL string          `json:"archiveUrl"`
	CheckedAt  string          `json:"checkedAt"` // when it was fetched (RFC 3339)
}

// CaptureProgress is sent as the "capture-progress" event during CaptureURLs.
type CaptureProgress struct {
	JobID  string           `json:"jobId"`
	Done   int              `json:"done"`
	Total  int              `json:"total"`
	Result CapturedCitation `json:"result"`
}

// CaptureSummary is the result of CaptureURLs, one capture per URL in order.
type CaptureSummary struct {
	JobID     string             `json:"jobId"`
	Cancelled bool               `json:"cancelled"`
	Results   []CapturedCitation `json:"results"`
}
