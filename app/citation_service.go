package app

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"copydesk/backend/article"
	"copydesk/backend/citation"
	"copydesk/backend/library"
	"copydesk/backend/linkcheck"
	"copydesk/backend/profile"
)

// CitationService is the citations panel, the sources library and the
// citation audit. Like the editor it holds no draft: every edit takes the
// current text and returns the new one, changed only in the lines the edit
// is about (one definition line, the references of one label, the retrieval
// dates of the verified sources), so the UI applies it as a minimal change.
//
// Link checks ask the archive for a snapshot of each dead link. The endpoint
// is the profile's links.archive_endpoint; the environment variable
// COPYDESK_ARCHIVE_ENDPOINT overrides it ("none" asks no archive), so tests
// and offline work never leave the machine.
type CitationService struct {
	platform Platform
	library  *LibraryService
	editor   *EditorService

	checkerOnce sync.Once
	checker     *linkcheck.Checker

	jobsMu sync.Mutex
	jobs   map[string]context.CancelFunc
}

func newCitationService(lib *LibraryService, editor *EditorService) *CitationService {
	return &CitationService{platform: nopPlatform{}, library: lib, editor: editor, jobs: map[string]context.CancelFunc{}}
}

// today is the profile's calendar day now.
func (s *CitationService) today(p *profile.Profile) citation.Date { return p.Today(s.editor.now()) }

// List reads the text's footnote definitions with their fields, the number
// Hugo shows for each and the last check of the URL each cites.
func (s *CitationService) List(text string) (CitationList, error) {
	p, r, err := s.editor.setup()
	if err != nil {
		return CitationList{}, err
	}
	doc, err := article.Parse([]byte(text))
	if err != nil {
		return CitationList{}, readError(err)
	}
	numbers := displayNumbers(doc, r)
	refs := map[string][]article.Ref{}
	for _, ref := range doc.Refs {
		refs[ref.Label] = append(refs[ref.Label], ref)
	}
	defined := map[string]int{}
	for _, d := range doc.Defs {
		defined[d.Label]++
	}
	var offsets []int
	for _, d := range doc.Defs {
		offsets = append(offsets, d.Start, d.End)
		if rs := refs[d.Label]; len(rs) > 0 {
			offsets = append(offsets, rs[0].Start)
		}
	}
	units := utf16Offsets(text, offsets)
	lib, _ := s.library.open() // without the library the rows simply have no link state
	today := s.today(p)
	out := CitationList{Rows: make([]CitationRow, 0, len(doc.Defs)), Today: today.Format(layoutOf(p.Style))}
	for _, d := range doc.Defs {
		line, _ := doc.Pos(d.Start)
		row := CitationRow{
			Label: d.Label, Number: numbers[defKey{d.Label, line}], Line: line,
			From: units[d.Start], To: units[d.End], Raw: d.Content,
			RefCount: len(refs[d.Label]), FirstRef: -1, Duplicate: defined[d.Label] > 1,
		}
		if rs := refs[d.Label]; len(rs) > 0 {
			row.FirstRef = units[rs[0].Start]
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
				row.Link = linkStateOf(src, p, today)
			}
		}
		out.Rows = append(out.Rows, row)
	}
	renumbered, err := article.Renumber([]byte(text))
	out.InOrder = err == nil && string(renumbered) == text
	return out, nil
}

// Update rewrites the definition of label from fields in house style (a
// free-text definition is converted). Only that line's content changes.
func (s *CitationService) Update(text, label string, fields CitationFields) (string, error) {
	p, _, err := s.editor.setup()
	if err != nil {
		return "", err
	}
	c, err := citationOf(fields, p.Style)
	if err != nil {
		return "", err
	}
	out, err := article.ReplaceDefinition([]byte(text), label, citation.Format(c, p.Style))
	if err != nil {
		return "", editError(err, label)
	}
	return string(out), nil
}

// Add appends a definition for fields under the next free number at the end
// of the citations block (the profile's heading, created at the end of the
// text when missing) and, when cursor >= 0, inserts its reference at cursor
// (a UTF-16 offset in the body).
func (s *CitationService) Add(text string, fields CitationFields, cursor int) (AddedCitation, error) {
	p, _, err := s.editor.setup()
	if err != nil {
		return AddedCitation{}, err
	}
	c, err := citationOf(fields, p.Style)
	if err != nil {
		return AddedCitation{}, err
	}
	doc, err := article.Parse([]byte(text))
	if err != nil {
		return AddedCitation{}, readError(err)
	}
	label := nextLabel(doc)
	defText := "[^" + label + "]: " + citation.Format(c, p.Style)
	at, insert := definitionInsertion(doc, p.CitationsHeading, defText)

	refAt := -1
	if cursor >= 0 {
		refAt = byteOffsetOfUTF16(text, cursor)
		if refAt < doc.BodyStart {
			return AddedCitation{}, newAPIError("citation.cursor_in_front_matter", nil)
		}
		for _, d := range doc.Defs {
			if refAt >= lineStart(text, d.Start) && refAt <= d.End {
				return AddedCitation{}, newAPIError("citation.cursor_in_definition", map[string]string{"label": d.Label})
			}
		}
	}
	ref := "[^" + label + "]"
	var b strings.Builder
	b.Grow(len(text) + len(insert) + len(ref))
	switch {
	case refAt < 0:
		b.WriteString(text[:at])
		b.WriteString(insert)
		b.WriteString(text[at:])
	case refAt <= at:
		b.WriteString(text[:refAt])
		b.WriteString(ref)
		b.WriteString(text[refAt:at])
		b.WriteString(insert)
		b.WriteString(text[at:])
	default:
		b.WriteString(text[:at])
		b.WriteString(insert)
		b.WriteString(text[at:refAt])
		b.WriteString(ref)
		b.WriteString(text[refAt:])
	}
	out := AddedCitation{Text: b.String(), Label: label, RefFrom: -1, RefTo: -1}
	if refAt >= 0 {
		from := refAt
		if refAt > at {
			from += len(insert)
		}
		u := utf16Offsets(out.Text, []int{from, from + len(ref)})
		out.RefFrom, out.RefTo = u[from], u[from+len(ref)]
	}
	return out, nil
}

// Delete removes the definition line of label and, when alsoRefs, every
// reference to it in the body.
func (s *CitationService) Delete(text, label string, alsoRefs bool) (string, error) {
	doc, err := article.Parse([]byte(text))
	if err != nil {
		return "", readError(err)
	}
	type cut struct{ from, to int }
	var cuts []cut
	if alsoRefs {
		for _, r := range doc.Refs {
			if r.Label == label {
				cuts = append(cuts, cut{r.Start, r.End})
			}
		}
	}
	found := false
	for _, d := range doc.Defs {
		if d.Label != label {
			continue
		}
		from, to := lineStart(text, d.Start), d.End
		if strings.HasPrefix(text[to:], "\r\n") {
			to += 2
		} else if strings.HasPrefix(text[to:], "\n") {
			to++
		}
		cuts = append(cuts, cut{from, to})
		found = true
		break
	}
	if !found {
		return "", newAPIError("citation.no_definition", map[string]string{"label": label})
	}
	// Refs are in the body before or after the definition; cut from the back.
	for i := 1; i < len(cuts); i++ {
		for j := i; j > 0 && cuts[j].from > cuts[j-1].from; j-- {
			cuts[j], cuts[j-1] = cuts[j-1], cuts[j]
		}
	}
	out := text
	for _, c := range cuts {
		out = out[:c.from] + out[c.to:]
	}
	return out, nil
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
	p, _, err := s.editor.setup()
	if err != nil {
		return SourceSuggestion{}, err
	}
	lib, err := s.library.open()
	if err != nil {
		return SourceSuggestion{}, err
	}
	out := SourceSuggestion{NormURL: library.NormalizeURL(url), CitedBy: []SourceCite{}}
	src, err := lib.Source(context.Background(), url)
	if errors.Is(err, library.ErrNotFound) || strings.TrimSpace(url) == "" {
		return out, nil
	}
	if err != nil {
		return out, err
	}
	out.Known = src.Title != "" || src.Outlet != "" || len(src.Authors) > 0 || src.Published != ""
	out.Fields = sourceFields(src)
	out.Link = linkStateOf(src, p, s.today(p))
	out.CitedBy = citesOf(src.CitedBy)
	return out, nil
}

// editError turns article edit errors into codes the UI words.
func editError(err error, label string) error {
	var re *article.ReadError
	switch {
	case errors.As(err, &re):
		return readError(err)
	case errors.Is(err, article.ErrNoDefinition):
		return newAPIError("citation.no_definition", map[string]string{"label": label})
	}
	return newAPIError("citation.cannot_edit", map[string]string{"label": label, "detail": err.Error()})
}

// nextLabel is one more than the largest numeric label in use.
func nextLabel(doc *article.Doc) string {
	most := 0
	for _, d := range doc.Defs {
		if n, err := strconv.Atoi(d.Label); err == nil && n > most {
			most = n
		}
	}
	for _, r := range doc.Refs {
		if n, err := strconv.Atoi(r.Label); err == nil && n > most {
			most = n
		}
	}
	return strconv.Itoa(most + 1)
}

func lineStart(text string, i int) int { return strings.LastIndexByte(text[:i], '\n') + 1 }

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

func layoutOf(st citation.Style) string {
	if st.DateLayout == "" {
		return citation.LayoutSlash
	}
	return st.DateLayout
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}
