package citations

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"copydesk/backend/article"
	"copydesk/backend/citation"
	"copydesk/backend/library"
	"copydesk/backend/linkcheck"
	"copydesk/backend/profile"
	"copydesk/backend/render"
)

// Options configure a Service.
type Options struct {
	Profile *profile.Profile // required
	// Renderer numbers footnotes exactly as the site will; nil falls back
	// to the order of first citation.
	Renderer *render.Renderer
	// Library opens the library holding the sources table; nil (or an
	// error) means there is none: operations that need it fail with that
	// error, List simply shows no link state.
	Library func() (*library.Library, error)
	// Now is the clock; nil is time.Now.
	Now func() time.Time
	// Checker checks links and fetches pages; nil makes one on first use
	// with the archive endpoint of ArchiveEndpoint.
	Checker *linkcheck.Checker
	// Retrieved, when set, is the 检索日期 written for captures instead of
	// the day of the fetch (the command line's --today).
	Retrieved citation.Date
}

// Service runs the citation operations for one profile. It holds no draft:
// every edit takes the current text and returns the new one, changed only
// in the lines the edit is about, so an editor can apply it as a minimal
// change. It is safe for concurrent use.
type Service struct {
	opts Options

	checkerOnce sync.Once
	checker     *linkcheck.Checker
}

// New returns a Service for opts.
func New(opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Profile == nil {
		opts.Profile = profile.Default()
	}
	if opts.Library == nil {
		opts.Library = func() (*library.Library, error) { return nil, errors.New("no library") }
	}
	s := &Service{opts: opts}
	if opts.Checker != nil {
		s.checkerOnce.Do(func() { s.checker = opts.Checker })
	}
	return s
}

// Profile is the profile the service works with.
func (s *Service) Profile() *profile.Profile { return s.opts.Profile }

// Today is the profile's calendar day now.
func (s *Service) Today() citation.Date { return s.opts.Profile.Today(s.opts.Now()) }

// TodayText is Today written in the profile's date layout ("2025/7/8").
func (s *Service) TodayText() string { return s.Today().Format(layoutOf(s.opts.Profile.Style)) }

// Row is one footnote definition of a text.
type Row struct {
	Label string
	// Number is the number Hugo shows for it (order of first citation);
	// 0 when it is never cited, so Hugo leaves it out.
	Number   int
	Line     int
	From, To int    // byte offsets of the definition line, without its line ending
	Raw      string // the text after "[^label]: ", as written
	// HouseStyle is false for a free-text definition: Fields then holds only
	// what could be guessed (the URL) and FormatError says what is missing.
	HouseStyle  bool
	FormatError string
	Fields      Fields
	RefCount    int
	FirstRef    int  // byte offset of its first citation; -1 when uncited
	Duplicate   bool // the label is defined more than once
	Link        LinkState
}

// List is the citations of one text.
type List struct {
	Rows    []Row
	Today   string // the profile's today as a citation date
	InOrder bool   // labels already run 1..n in order of first citation
}

// List reads the text's footnote definitions with their fields, the number
// Hugo shows for each and the last check of the URL each cites.
func (s *Service) List(text string) (List, error) {
	p := s.opts.Profile
	doc, err := article.Parse([]byte(text))
	if err != nil {
		return List{}, err
	}
	numbers := displayNumbers(doc, s.opts.Renderer)
	refs := map[string][]article.Ref{}
	for _, ref := range doc.Refs {
		refs[ref.Label] = append(refs[ref.Label], ref)
	}
	defined := map[string]int{}
	for _, d := range doc.Defs {
		defined[d.Label]++
	}
	lib, _ := s.opts.Library() // without the library the rows simply have no link state
	today := s.Today()
	out := List{Rows: make([]Row, 0, len(doc.Defs)), Today: today.Format(layoutOf(p.Style))}
	for _, d := range doc.Defs {
		line, _ := doc.Pos(d.Start)
		row := Row{
			Label: d.Label, Number: numbers[defKey{d.Label, line}], Line: line,
			From: d.Start, To: d.End, Raw: d.Content,
			RefCount: len(refs[d.Label]), FirstRef: -1, Duplicate: defined[d.Label] > 1,
		}
		if rs := refs[d.Label]; len(rs) > 0 {
			row.FirstRef = rs[0].Start
		}
		if c, err := citation.Parse(d.Content, p.Style); err == nil {
			row.HouseStyle = true
			row.Fields = fieldsOf(c)
		} else {
			row.FormatError = err.Error()
			row.Fields = guessFields(d.Content)
		}
		if lib != nil && row.Fields.URL != "" {
			if src, err := lib.Source(context.Background(), row.Fields.URL); err == nil {
				row.Link = linkStateOf(src, captureOf(context.Background(), lib, row.Fields.URL), p.Location(), today)
			}
		}
		out.Rows = append(out.Rows, row)
	}
	renumbered, err := article.Renumber([]byte(text))
	out.InOrder = err == nil && string(renumbered) == text
	return out, nil
}

// Line is the house-style definition content for fields ("[标题](URL)·…").
func (s *Service) Line(fields Fields) (string, error) {
	c, err := Citation(fields, s.opts.Profile.Style)
	if err != nil {
		return "", err
	}
	return citation.Format(c, s.opts.Profile.Style), nil
}

// Update rewrites the definition of label from fields in house style (a
// free-text definition is converted). Only that line's content changes.
func (s *Service) Update(text, label string, fields Fields) (string, error) {
	line, err := s.Line(fields)
	if err != nil {
		return "", err
	}
	out, err := article.ReplaceDefinition([]byte(text), label, line)
	if err != nil {
		return "", editError(err, label)
	}
	return string(out), nil
}

// Add appends a definition for fields under the next free number at the end
// of the citations block (the profile's heading, created at the end of the
// text when missing) and, when refAt >= 0, inserts its reference at that
// byte offset of the body.
func (s *Service) Add(text string, fields Fields, refAt int) (article.Added, error) {
	line, err := s.Line(fields)
	if err != nil {
		return article.Added{}, err
	}
	out, err := article.AddDefinition([]byte(text), s.opts.Profile.CitationsHeading, line, refAt)
	var inDef *article.CursorInDefinitionError
	switch {
	case errors.Is(err, article.ErrCursorInFrontMatter):
		return out, newError(CodeCursorFrontMatter, nil)
	case errors.As(err, &inDef):
		return out, newError(CodeCursorInDefinition, map[string]string{"label": inDef.Label})
	}
	return out, err
}

// Delete removes the definition line of label and, when alsoRefs, every
// reference to it in the body.
func (s *Service) Delete(text, label string, alsoRefs bool) (string, error) {
	out, err := article.DeleteDefinition([]byte(text), label, alsoRefs)
	if err != nil {
		return "", editError(err, label)
	}
	return string(out), nil
}

// Renumber relabels footnotes 1..n in order of first citation, references
// and definitions together, and sorts the citations block to match.
func (s *Service) Renumber(text string) (string, error) {
	out, err := article.Renumber([]byte(text))
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// Suggestion is what the sources library knows about a URL.
type Suggestion struct {
	Known   bool
	NormURL string
	Fields  Fields // Retrieved is always empty
	Link    LinkState
	CitedBy []SourceCite
}

// Suggest returns what the sources library knows about url (normalised),
// so adding a citation of a known source needs no retyping.
func (s *Service) Suggest(url string) (Suggestion, error) {
	lib, err := s.opts.Library()
	if err != nil {
		return Suggestion{}, err
	}
	out := Suggestion{NormURL: library.NormalizeURL(url), CitedBy: []SourceCite{}, Fields: Fields{Authors: []string{}}}
	src, err := lib.Source(context.Background(), url)
	if errors.Is(err, library.ErrNotFound) || strings.TrimSpace(url) == "" {
		return out, nil
	}
	if err != nil {
		return out, err
	}
	out.Known = src.Title != "" || src.Outlet != "" || len(src.Authors) > 0 || src.Published != ""
	out.Fields = sourceFields(src)
	out.Link = linkStateOf(src, captureOf(context.Background(), lib, url), s.opts.Profile.Location(), s.Today())
	out.CitedBy = citesOf(src.CitedBy)
	return out, nil
}
