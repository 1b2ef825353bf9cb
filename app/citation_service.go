package app

import (
	"errors"
	"sync"

	"copydesk/backend/article"
	"copydesk/backend/citations"
	"copydesk/backend/library"
	"copydesk/backend/linkcheck"
)

// CitationService is the citations panel, the sources library and the
// citation audit: a thin adapter over backend/citations, which the command
// line shares. It converts byte offsets to the editor's UTF-16 offsets,
// errors to codes the UI words, and sends progress events.
//
// Link checks ask the archive for a snapshot of each dead link. The endpoint
// is the profile's links.archive_endpoint; the environment variable
// COPYDESK_ARCHIVE_ENDPOINT overrides it ("none" asks no archive), so tests
// and offline work never leave the machine.
type CitationService struct {
	platform  Platform
	library   *LibraryService
	editor    *EditorService // for the clock
	workspace *siteWorkspace

	// checker, when set before first use, replaces the session's link
	// checker (tests use one without politeness delays).
	checker *linkcheck.Checker

	domainMu sync.Mutex
	domain   *citations.Service

	jobs jobs // link checks and captures, under the UI's job ids
}

func newCitationService(lib *LibraryService, editor *EditorService, site *siteWorkspace) *CitationService {
	return &CitationService{platform: nopPlatform{}, library: lib, editor: editor, workspace: site}
}

// service is the session's citation service, made once the profile is read.
func (s *CitationService) service() (*citations.Service, error) {
	p, r, err := s.workspace.get()
	if err != nil {
		return nil, err
	}
	s.domainMu.Lock()
	defer s.domainMu.Unlock()
	if s.domain == nil {
		s.domain = citations.New(citations.Options{Profile: p, Renderer: r, Now: s.editor.now, Checker: s.checker,
			Library: func() (*library.Library, error) { return s.library.open() }})
	}
	return s.domain, nil
}

// citationError turns backend errors into codes the UI words. Each code is
// named here, so every one the UI can receive has its text in the catalogues.
func citationError(err error) error {
	var ce *citations.Error
	if !errors.As(err, &ce) {
		return readError(err)
	}
	switch ce.Code {
	case citations.CodeInvalid:
		return newAPIError("citation.invalid", ce.Params)
	case citations.CodeNoDefinition:
		return newAPIError("citation.no_definition", ce.Params)
	case citations.CodeCursorFrontMatter:
		return newAPIError("citation.cursor_in_front_matter", ce.Params)
	case citations.CodeCursorInDefinition:
		return newAPIError("citation.cursor_in_definition", ce.Params)
	}
	detail := ce.Params["detail"]
	if detail == "" {
		detail = ce.Error()
	}
	return newAPIError("citation.cannot_edit", map[string]string{"label": ce.Params["label"], "detail": detail})
}

// List reads the text's footnote definitions with their fields, the number
// Hugo shows for each and the last check of the URL each cites.
func (s *CitationService) List(text string) (CitationList, error) {
	svc, err := s.service()
	if err != nil {
		return CitationList{}, err
	}
	l, err := svc.List(text)
	if err != nil {
		return CitationList{}, citationError(err)
	}
	var offsets []int
	for _, r := range l.Rows {
		offsets = append(offsets, r.From, r.To)
		if r.FirstRef >= 0 {
			offsets = append(offsets, r.FirstRef)
		}
	}
	units := utf16Offsets(text, offsets)
	out := CitationList{Rows: make([]CitationRow, 0, len(l.Rows)), Today: l.Today, InOrder: l.InOrder}
	for _, r := range l.Rows {
		row := CitationRow{Label: r.Label, Number: r.Number, Line: r.Line, From: units[r.From], To: units[r.To], Raw: r.Raw,
			HouseStyle: r.HouseStyle, FormatError: r.FormatError, Fields: r.Fields, RefCount: r.RefCount,
			FirstRef: -1, Duplicate: r.Duplicate, Link: r.Link}
		if r.FirstRef >= 0 {
			row.FirstRef = units[r.FirstRef]
		}
		out.Rows = append(out.Rows, row)
	}
	return out, nil
}

// Update rewrites the definition of label from fields in house style (a
// free-text definition is converted). Only that line's content changes.
func (s *CitationService) Update(text, label string, fields CitationFields) (string, error) {
	svc, err := s.service()
	if err != nil {
		return "", err
	}
	out, err := svc.Update(text, label, fields)
	return out, citationError(err)
}

// Add appends a definition for fields under the next free number at the end
// of the citations block (the profile's heading, created at the end of the
// text when missing) and, when cursor >= 0, inserts its reference at cursor
// (a UTF-16 offset in the body).
func (s *CitationService) Add(text string, fields CitationFields, cursor int) (AddedCitation, error) {
	svc, err := s.service()
	if err != nil {
		return AddedCitation{}, err
	}
	refAt := -1
	if cursor >= 0 {
		refAt = byteOffsetOfUTF16(text, cursor)
	}
	added, err := svc.Add(text, fields, refAt)
	if err != nil {
		return AddedCitation{}, citationError(err)
	}
	out := AddedCitation{Text: string(added.Text), Label: added.Label, RefFrom: -1, RefTo: -1}
	if added.RefFrom >= 0 {
		u := utf16Offsets(out.Text, []int{added.RefFrom, added.RefTo})
		out.RefFrom, out.RefTo = u[added.RefFrom], u[added.RefTo]
	}
	return out, nil
}

// Delete removes the definition line of label and, when alsoRefs, every
// reference to it in the body.
func (s *CitationService) Delete(text, label string, alsoRefs bool) (string, error) {
	out, err := article.DeleteDefinition([]byte(text), label, alsoRefs)
	if errors.Is(err, article.ErrNoDefinition) {
		return "", newAPIError("citation.no_definition", map[string]string{"label": label})
	}
	if err != nil {
		return "", readError(err)
	}
	return string(out), nil
}

// Renumber relabels footnotes 1..n in order of first citation, references and
// definitions together, and sorts the citations block to match.
func (s *CitationService) Renumber(text string) (string, error) {
	out, err := article.Renumber([]byte(text))
	if err != nil {
		return "", readError(err)
	}
	return string(out), nil
}

// Suggest returns what the sources library knows about url (normalised), so
// adding a citation of a known source needs no retyping.
func (s *CitationService) Suggest(url string) (SourceSuggestion, error) {
	svc, err := s.service()
	if err != nil {
		return SourceSuggestion{}, err
	}
	sg, err := svc.Suggest(url)
	if err != nil {
		return SourceSuggestion{}, citationError(err)
	}
	return SourceSuggestion{Known: sg.Known, NormURL: sg.NormURL, Fields: sg.Fields, Link: sg.Link,
		CitedBy: citesOf(sg.CitedBy)}, nil
}

func citesOf(cs []citations.SourceCite) []SourceCite {
	out := make([]SourceCite, 0, len(cs))
	for _, c := range cs {
		out = append(out, SourceCite(c))
	}
	return out
}

// byteOffsetOfUTF16 maps an editor offset (UTF-16 code units) to a byte
// offset, clamped to the text and never inside a character.
func byteOffsetOfUTF16(text string, units int) int {
	u := 0
	for i, r := range text {
		if u >= units {
			return i
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
	}
	return len(text)
}
