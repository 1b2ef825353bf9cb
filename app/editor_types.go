package app

// The shapes the editor exchanges with the UI. Positions sent to the UI are
// UTF-16 code unit offsets into the whole text (what CodeMirror uses); lines
// and columns are 1-based.

// ProfileInfo is what the front matter form is generated from.
type ProfileInfo struct {
	TimeZone         string      `json:"timeZone"`
	Offset           string      `json:"offset"` // the zone's offset now, e.g. "+08:00"
	Fields           []FieldInfo `json:"fields"`
	KeyOrder         []string    `json:"keyOrder"`
	SiteKnown        bool        `json:"siteKnown"`
	CitationsHeading string      `json:"citationsHeading"`
	Path             string      `json:"path"` // the copydesk.yaml in use, "" for the built-in profile
}

// FieldInfo describes one front matter key of the profile.
type FieldInfo struct {
	Key        string   `json:"key"`
	Type       string   `json:"type"` // string, date, bool, list, image
	Required   bool     `json:"required"`
	MinLen     int      `json:"minLen"`
	MaxLen     int      `json:"maxLen"`
	Vocabulary []string `json:"vocabulary"`
	Unique     bool     `json:"unique"`
}

// FieldValue is one key of the draft's front matter as the form shows it.
type FieldValue struct {
	Key   string   `json:"key"`
	Kind  string   `json:"kind"` // string, bool, list, other (a value the form can only show)
	Text  string   `json:"text"` // scalar value
	Bool  bool     `json:"bool"`
	Items []string `json:"items"`
	Raw   string   `json:"raw"` // the value's YAML as written (for read-only display)
	Line  int      `json:"line"`
	// Local is a date value in the profile's zone as "2006-01-02T15:04:05"
	// (for the date picker); empty when the value is not a readable date.
	Local     string `json:"local"`
	HasOffset bool   `json:"hasOffset"`
	Known     bool   `json:"known"` // the profile declares this key
}

// Problem is one diagnostic of the draft.
type Problem struct {
	Code     string            `json:"code"`
	Severity string            `json:"severity"`
	Message  string            `json:"message"`
	Line     int               `json:"line"`
	Column   int               `json:"column"`
	From     int               `json:"from"`
	To       int               `json:"to"`
	Field    string            `json:"field"`
	Label    string            `json:"label"`
	Params   map[string]string `json:"params"`
	Fix      *QuickFix         `json:"fix"`
}

// QuickFix is a certain fix: applying its edits (in order, non-overlapping,
// positions in the text the problem was computed on) resolves the problem.
type QuickFix struct {
	Title string     `json:"title"`
	Edits []TextEdit `json:"edits"`
}

// TextEdit replaces [From, To) with Insert.
type TextEdit struct {
	From   int    `json:"from"`
	To     int    `json:"to"`
	Insert string `json:"insert"`
}

// TextCounts are the status bar numbers.
type TextCounts struct {
	Han            int `json:"han"`
	LatinWords     int `json:"latinWords"`
	ReadingMinutes int `json:"readingMinutes"`
}

// Inspection is everything derived from the text that the editor shows while
// typing, computed in one call so a keystroke costs one round trip.
type Inspection struct {
	FrontMatter string       `json:"frontMatter"` // ok, missing, syntax, unsupported
	Fields      []FieldValue `json:"fields"`
	Problems    []Problem    `json:"problems"`
	Counts      TextCounts   `json:"counts"`
	Preview     PreviewHTML  `json:"preview"`
}

// PreviewHTML is the body rendered exactly as Hugo's .Content.
type PreviewHTML struct {
	HTML  string `json:"html"`
	Error string `json:"error"`
	// Paused: rendering this text took too long and was abandoned (HTML is
	// empty); the preview says so until the text changes.
	Paused bool `json:"paused"`
}
