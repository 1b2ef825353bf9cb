// Package check owns the diagnostics: everything Copydesk says is wrong with
// an article, each with a stable code (see codes.go and CONTRACTS.md), a
// severity, a position in the whole file, a message in zh-CN or en that tells
// the editor what to do, machine-readable Params for the UI, and a quick Fix
// when the fix is certain.
//
// Check reads the text through backend/article and judges it against a site
// profile (backend/profile); citation lines are read by backend/citation,
// emphasis that Hugo will not render by backend/render, and the typography of
// Chinese prose by backend/typography. All calendar comparisons are by day in
// the profile's time zone. FixText applies every certain fix (copydesk fix).
package check

import (
	"bytes"
	"sort"
	"strings"
	"time"

	"copydesk/backend/article"
	"copydesk/backend/citation"
	"copydesk/backend/profile"
	"copydesk/backend/render"
)

// Diagnostic is one finding. Line and Column are 1-based in the whole file
// (the column counts code points); Offset and End are the byte span in the
// text it is about. Label is set for footnote and citation codes, Field for
// front matter codes (the key, for the form).
type Diagnostic struct {
	Code     string            `json:"code"`
	Severity Severity          `json:"severity"`
	Line     int               `json:"line"`
	Column   int               `json:"column"`
	Offset   int               `json:"offset"`
	End      int               `json:"end"`
	Label    string            `json:"label,omitempty"`
	Field    string            `json:"field,omitempty"`
	Message  string            `json:"message"`
	Params   map[string]string `json:"params,omitempty"`
	Fix      *Fix              `json:"fix,omitempty"`
}

// Fix is a quick fix: applying its Edits to the text the diagnostic came
// from (see Apply) gives the fixed text.
type Fix struct {
	Title string `json:"title"`
	Edits []Edit `json:"edits"`
}

// Edit replaces Text[From:To] with Insert (byte offsets).
type Edit struct {
	From   int    `json:"from"`
	To     int    `json:"to"`
	Insert string `json:"insert"`
}

// Options are what a check depends on besides the text and the profile.
type Options struct {
	// Today is the calendar day retrieval dates are compared with. Zero:
	// the day of Now in the profile's time zone.
	Today citation.Date
	// Now is the instant a non-draft article's date must not be after.
	// Zero: the end of Today (so only a later day counts), or the current
	// time when Today is zero too.
	Now time.Time
	// Lang is the language of messages: "zh-CN" or "en" (the default).
	Lang string
	// Render is the site's Markdown configuration (hugoconfig.LoadMarkup),
	// which decides what emphasis Hugo renders; nil means Hugo's defaults.
	Render *render.Config
}

// MaxPerCode bounds the diagnostics of one code in one file: a broken or
// hostile file (thousands of undefined [^x]) must not cost memory without
// bound, and nobody reads the 501st copy of the same problem.
const MaxPerCode = 500

// Text checks one article. The error is an *article.ReadError when the text
// cannot be read as an article at all; then there are no diagnostics.
func Text(text []byte, p *profile.Profile, opt Options) ([]Diagnostic, error) {
	doc, err := article.Parse(text)
	if err != nil {
		return nil, err
	}
	return Doc(doc, p, opt), nil
}

// Doc checks an already parsed article.
func Doc(doc *article.Doc, p *profile.Profile, opt Options) []Diagnostic {
	if p == nil {
		p = profile.Default()
	}
	c := &checker{doc: doc, p: p, lang: NormalizeLang(opt.Lang), loc: p.Location(), render: opt.Render, perCode: map[string]int{}}
	c.today, c.now = opt.Today, opt.Now
	if c.today.IsZero() {
		if c.now.IsZero() {
			c.now = time.Now()
		}
		c.today = citation.DateOf(c.now, c.loc)
	}
	if c.now.IsZero() {
		d := c.today.AddDays(1)
		c.now = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, c.loc).Add(-time.Nanosecond)
	}
	c.fmLine, _ = doc.Pos(doc.FMStart)
	c.frontMatter()
	c.footnotes()
	c.citations()
	c.emphasis()
	c.typography()
	sort.SliceStable(c.out, func(i, j int) bool {
		a, b := c.out[i], c.out[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Code < b.Code
	})
	return c.out
}

// Apply applies a fix's edits to text and returns the new text. Edits must
// not overlap; they may come in any order.
func Apply(text []byte, fix *Fix) []byte {
	edits := append([]Edit(nil), fix.Edits...)
	sort.Slice(edits, func(i, j int) bool { return edits[i].From > edits[j].From })
	out := append([]byte(nil), text...)
	for _, e := range edits {
		if e.From < 0 || e.To > len(out) || e.From > e.To {
			continue
		}
		out = append(out[:e.From], append([]byte(e.Insert), out[e.To:]...)...)
	}
	return out
}

// Counts returns the number of errors and warnings in ds.
func Counts(ds []Diagnostic) (errors, warnings int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

type checker struct {
	doc    *article.Doc
	p      *profile.Profile
	lang   string
	loc    *time.Location
	today  citation.Date
	now    time.Time
	fmLine int // the file line the YAML text starts on
	render *render.Config

	perCode     map[string]int
	articleTime time.Time     // the article's date; zero when unknown or unreadable
	articleDay  citation.Date // its calendar day in the profile's time zone
	out         []Diagnostic
}

// emit records a diagnostic for the byte span [from, to). msgKey selects the
// message ("" = the code's own).
func (c *checker) emit(code, msgKey string, from, to int, label, field string, params map[string]string, fix *Fix) {
	if c.perCode[code] >= MaxPerCode {
		return
	}
	c.perCode[code]++
	if params == nil {
		params = map[string]string{}
	}
	if label != "" {
		params["label"] = label
	}
	if field != "" {
		if _, ok := params["key"]; !ok {
			params["key"] = field
		}
	}
	if msgKey == "" {
		msgKey = code
	}
	if to < from {
		to = from
	}
	line, col := c.doc.Pos(from)
	c.out = append(c.out, Diagnostic{
		Code: code, Severity: Severities[code], Line: line, Column: col, Offset: from, End: to,
		Label: label, Field: field, Message: message(msgKey, c.lang, c.display(params)), Params: params, Fix: fix,
	})
}

// display localizes the few Params values that are words rather than data.
func (c *checker) display(params map[string]string) map[string]string {
	got, hasGot := params["got"]
	problem, hasProblem := params["problem"]
	if !hasGot && !hasProblem {
		return params
	}
	out := make(map[string]string, len(params))
	for k, v := range params {
		out[k] = v
	}
	if hasGot {
		out["got"] = word(got, c.lang)
	}
	if hasProblem {
		out["problem"] = word("problem:"+problem, c.lang)
	}
	return out
}

// textFix builds a Fix that turns the current text into fixed.
func (c *checker) textFix(title string, fixed []byte, err error) *Fix {
	if err != nil || fixed == nil {
		return nil
	}
	return diffFix(title, c.doc.Text, fixed)
}

// diffFix is the single edit that turns old into fixed, covering only the
// bytes that differ, so an editor keeps the cursor and undo history sane.
func diffFix(title string, old, fixed []byte) *Fix {
	if bytes.Equal(old, fixed) {
		return nil
	}
	pre := 0
	for pre < len(old) && pre < len(fixed) && old[pre] == fixed[pre] {
		pre++
	}
	suf := 0
	for suf < len(old)-pre && suf < len(fixed)-pre && old[len(old)-1-suf] == fixed[len(fixed)-1-suf] {
		suf++
	}
	// Keep edits on UTF-8 boundaries so an editor can apply them as text.
	for pre > 0 && pre < len(old) && !isRuneStart(old[pre]) {
		pre--
	}
	for suf > 0 && !isRuneStart(old[len(old)-suf]) {
		suf--
	}
	return &Fix{Title: title, Edits: []Edit{{From: pre, To: len(old) - suf, Insert: string(fixed[pre : len(fixed)-suf])}}}
}

// RenumberFix relabels the footnotes 1..n in the order Hugo displays them
// (article.Renumber) as a Fix, or nil when they already are. No diagnostic
// carries it, because out-of-order labels are house style, not an error
// (the reference article cites [^4] first); the UI offers it as an action.
func RenumberFix(text []byte, lang string) (*Fix, error) {
	fixed, err := article.Renumber(text)
	if err != nil {
		return nil, err
	}
	title := "Renumber footnotes in order of first citation"
	if NormalizeLang(lang) == LangZH {
		title = "按首次引用顺序重新编号脚注"
	}
	return diffFix(title, text, fixed), nil
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func (c *checker) title(en, zh string) string {
	if c.lang == LangZH {
		return zh
	}
	return en
}

func quoteList(items []string, lang string) string {
	if lang == LangZH {
		return strings.Join(items, "、")
	}
	return strings.Join(items, ", ")
}
