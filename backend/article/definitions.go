package article

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// DefaultCitationsHeading is the heading a citations block gets when the
// caller names none (the house style's 引文部分).
const DefaultCitationsHeading = "## 引文部分"

// Errors of AddDefinition for a reference position that would not be a
// citation in the body.
var (
	// ErrCursorInFrontMatter: the reference would land in the front matter.
	ErrCursorInFrontMatter = errors.New("the reference position is in the front matter")
)

// CursorInDefinitionError: the reference would land on a definition line
// (Label names it), where it would become part of that definition.
type CursorInDefinitionError struct{ Label string }

func (e *CursorInDefinitionError) Error() string {
	return fmt.Sprintf("the reference position is on the definition of [^%s]", e.Label)
}

// Added is the outcome of AddDefinition. Offsets are bytes into Text.
type Added struct {
	Text  []byte
	Label string
	// RefFrom, RefTo delimit the inserted "[^label]"; -1 when none was.
	RefFrom, RefTo int
}

// AddDefinition appends "[^N]: content" under the next free number at the end
// of the citations block (the block under heading, created at the end of the
// text when missing; "" means DefaultCitationsHeading) and, when refAt >= 0,
// inserts the reference "[^N]" at byte offset refAt of the body. Existing
// bytes are never changed, only new ones inserted.
func AddDefinition(text []byte, heading, content string, refAt int) (Added, error) {
	if strings.ContainsAny(content, "\r\n") {
		return Added{}, ErrMultilineContent
	}
	doc, err := Parse(text)
	if err != nil {
		return Added{}, err
	}
	src := string(doc.Text)
	label := nextLabel(doc)
	at, insert := definitionInsertion(doc, heading, "[^"+label+"]: "+content)
	if refAt >= 0 {
		refAt = min(refAt, len(src))
		for refAt > 0 && refAt < len(src) && src[refAt]&0xC0 == 0x80 {
			refAt-- // never inside a character
		}
		if refAt < doc.BodyStart {
			return Added{}, ErrCursorInFrontMatter
		}
		for _, d := range doc.Defs {
			if refAt >= lineStart(src, d.Start) && refAt <= d.End {
				return Added{}, &CursorInDefinitionError{Label: d.Label}
			}
		}
	}
	ref := "[^" + label + "]"
	var b strings.Builder
	b.Grow(len(src) + len(insert) + len(ref))
	switch {
	case refAt < 0:
		b.WriteString(src[:at])
		b.WriteString(insert)
		b.WriteString(src[at:])
	case refAt <= at:
		b.WriteString(src[:refAt])
		b.WriteString(ref)
		b.WriteString(src[refAt:at])
		b.WriteString(insert)
		b.WriteString(src[at:])
	default:
		b.WriteString(src[:at])
		b.WriteString(insert)
		b.WriteString(src[at:refAt])
		b.WriteString(ref)
		b.WriteString(src[refAt:])
	}
	out := Added{Text: []byte(b.String()), Label: label, RefFrom: -1, RefTo: -1}
	if refAt >= 0 {
		out.RefFrom = refAt
		if refAt > at {
			out.RefFrom += len(insert)
		}
		out.RefTo = out.RefFrom + len(ref)
	}
	return out, nil
}

// DeleteDefinition removes the first definition line of label (with its line
// ending) and, when alsoRefs, every reference to it in the body.
func DeleteDefinition(text []byte, label string, alsoRefs bool) ([]byte, error) {
	doc, err := Parse(text)
	if err != nil {
		return nil, err
	}
	src := string(doc.Text)
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
		from, to := lineStart(src, d.Start), d.End
		if strings.HasPrefix(src[to:], "\r\n") {
			to += 2
		} else if strings.HasPrefix(src[to:], "\n") {
			to++
		}
		cuts = append(cuts, cut{from, to})
		found = true
		break
	}
	if !found {
		return nil, fmt.Errorf("%w: [^%s]", ErrNoDefinition, label)
	}
	// References are before or after the definition; cut from the back so
	// earlier offsets stay valid.
	for i := 1; i < len(cuts); i++ {
		for j := i; j > 0 && cuts[j].from > cuts[j-1].from; j-- {
			cuts[j], cuts[j-1] = cuts[j-1], cuts[j]
		}
	}
	out := src
	for _, c := range cuts {
		out = out[:c.from] + out[c.to:]
	}
	return []byte(out), nil
}

// nextLabel is one more than the largest numeric label in use, so a new
// citation never takes a number a reference already points at.
func nextLabel(doc *Doc) string {
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

// definitionInsertion says where a new definition line goes and the bytes to
// insert there: after the last definition under the citations heading; just
// under the heading (after a blank line) when it has none; with a new
// heading at the end of the text when there is none.
func definitionInsertion(doc *Doc, heading, def string) (at int, insert string) {
	text := string(doc.Text)
	nl := doc.Newline
	if heading == "" {
		heading = DefaultCitationsHeading
	}
	if !strings.HasPrefix(heading, "#") {
		heading = "## " + heading
	}
	want := headingText(heading)
	headEnd := -1 // end of the last matching heading line, before its line ending
	for ls := doc.BodyStart; ls < len(text); {
		end := len(text)
		if le := strings.IndexByte(text[ls:], '\n'); le >= 0 {
			end = ls + le
		}
		if h := headingText(text[ls:end]); h != "" && h == want {
			headEnd = len(strings.TrimRight(text[:end], "\r"))
		}
		ls = end + 1
	}
	endsWithNewline := strings.HasSuffix(text, "\n")
	if headEnd < 0 {
		var b strings.Builder
		switch {
		case text == "":
		case !endsWithNewline:
			b.WriteString(nl + nl)
		case !blankEnding(text):
			b.WriteString(nl)
		}
		b.WriteString(heading + nl + nl + def + nl)
		return len(text), b.String()
	}
	last := -1
	for _, d := range doc.Defs {
		if d.Start > headEnd {
			last = d.End
		}
	}
	if last >= 0 {
		return last, nl + def
	}
	// The first non-blank line after the heading, and whether a blank line
	// separates them.
	pos, blank := headEnd, false
	if pos < len(text) {
		pos = strings.IndexByte(text[headEnd:], '\n') + headEnd + 1
		for pos < len(text) {
			end := len(text)
			if le := strings.IndexByte(text[pos:], '\n'); le >= 0 {
				end = pos + le
			}
			if strings.TrimSpace(text[pos:end]) != "" {
				break
			}
			blank = true
			pos = min(end+1, len(text))
		}
	}
	var b strings.Builder
	if pos == len(text) && !endsWithNewline {
		b.WriteString(nl)
	}
	if !blank {
		b.WriteString(nl)
	}
	b.WriteString(def + nl)
	if pos < len(text) {
		b.WriteString(nl)
	}
	return pos, b.String()
}

// blankEnding reports whether text ends with an empty line ("…\n\n").
func blankEnding(text string) bool {
	t := strings.TrimRight(text, " \t\r")
	return strings.HasSuffix(t, "\n") && strings.HasSuffix(strings.TrimRight(strings.TrimSuffix(t, "\n"), " \t\r"), "\n")
}

// headingText is the text of an ATX heading line ("## 引文部分" gives
// "引文部分"), "" when the line is not a heading.
func headingText(line string) string {
	line = strings.TrimRight(line, " \t\r")
	trimmed := strings.TrimLeft(line, " ")
	if len(line)-len(trimmed) > 3 || !strings.HasPrefix(trimmed, "#") {
		return ""
	}
	rest := strings.TrimLeft(trimmed, "#")
	if level := len(trimmed) - len(rest); level > 6 || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return ""
	}
	rest = strings.TrimSpace(rest)
	rest = strings.TrimSpace(strings.TrimRight(rest, "#"))
	return rest
}
