package app

// The shapes the library pane exchanges with the UI.

// DraftFilter narrows the library list. Empty fields do not filter.
type DraftFilter struct {
	Query       string `json:"query"`
	Status      string `json:"status"`
	Topic       string `json:"topic"`
	Tag         string `json:"tag"`
	HasProblems bool   `json:"hasProblems"`
	Trashed     bool   `json:"trashed"` // list the trash instead of the library
}

// DraftSummary is one row of the library list.
type DraftSummary struct {
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	Status    string   `json:"status"`
	Date      string   `json:"date"`
	UpdatedAt string   `json:"updatedAt"`
	Topics    []string `json:"topics"`
	Tags      []string `json:"tags"`
	Errors    int      `json:"errors"`
	Warnings  int      `json:"warnings"`
	Path      string   `json:"path"`
	Snippet   string   `json:"snippet"`
}

// DraftText is a draft as the editor opens it.
type DraftText struct {
	ID        int64  `json:"id"`
	Text      string `json:"text"`
	Version   int64  `json:"version"`
	Title     string `json:"title"`
	UpdatedAt string `json:"updatedAt"`
	Path      string `json:"path"`
}

// ImportFailure names one file that could not be imported, and why.
type ImportFailure struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// ImportSummary is the result of an import.
type ImportSummary struct {
	Total     int             `json:"total"`
	Created   int             `json:"created"`
	Updated   int             `json:"updated"`
	Unchanged int             `json:"unchanged"`
	Failed    []ImportFailure `json:"failed"`
	Cancelled bool            `json:"cancelled"`
}

// ImportProgress is sent as the "import-progress" event while importing.
type ImportProgress struct {
	Done    int    `json:"done"`
	Total   int    `json:"total"`
	Current string `json:"current"`
}

// UploadedFile is a file the browser read for import (the UI cannot hand a
// local path to the backend from a file picker, so it sends the text).
type UploadedFile struct {
	Name string `json:"name"`
	Text string `json:"text"`
}
