package linkcheck

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"

	"copydesk/backend/article"
	"copydesk/backend/citation"
)

// Checked pairs a footnote label with the result of checking the URL its
// definition cites.
type Checked struct {
	Label  string
	Result Result
}

// MarkRetrieved sets the retrieval date (检索日期) to today on the
// definitions whose check verified the page: status ok or redirected, and
// the definition still cites the URL that was checked (the text may have
// changed since). Every other definition is left alone, so a dead,
// unverifiable or failed link never looks freshly retrieved. Pass one
// Checked to mark one source, or all of them to mark all at once.
//
// Only the date's bytes change (or, when a house-style line has no
// retrieval part, "·检索日期DATE" is appended to it); each edited line is
// read back and must give the same fields with the new date, or nothing is
// changed and an error is returned. today is the profile's today
// (profile.Today). The labels edited are returned in text order.
func MarkRetrieved(text []byte, checked []Checked, today citation.Date, st citation.Style) ([]byte, []string, error) {
	if !today.Valid() {
		return nil, nil, fmt.Errorf("mark retrieved: %v is not a valid day", today)
	}
	verified := map[string]string{} // label -> URL that was verified
	for _, c := range checked {
		if c.Result.Status.Verified() {
			verified[c.Label] = strings.TrimSpace(c.Result.URL)
		}
	}
	doc, err := article.Parse(text)
	if err != nil {
		return nil, nil, err
	}
	layout := st.DateLayout
	if layout == "" {
		layout = citation.LayoutSlash
	}
	newDate := today.Format(layout)

	type splice struct {
		from, to int
		insert   string
	}
	var edits []splice
	var labels []string
	for _, def := range doc.Defs {
		want, ok := verified[def.Label]
		if !ok {
			continue
		}
		old, err := citation.Parse(def.Content, st)
		if err != nil || strings.TrimSpace(old.URL) != want {
			continue
		}
		content := string(text[def.ContentStart:def.End])
		from, to, insert := retrievedSpan(content, old, st, newDate)
		edited := content[:from] + insert + content[to:]
		line, _ := doc.Pos(def.Start)
		if err := sameButRetrieved(old, edited, today, st); err != nil {
			return nil, nil, fmt.Errorf("mark retrieved: line %d [^%s]: %w", line, def.Label, err)
		}
		if edited == content {
			labels = append(labels, def.Label) // already today
			continue
		}
		edits = append(edits, splice{def.ContentStart + from, def.ContentStart + to, insert})
		labels = append(labels, def.Label)
	}
	if len(edits) == 0 {
		return text, labels, nil
	}
	var b bytes.Buffer
	b.Grow(len(text) + 16*len(edits))
	prev := 0
	for _, e := range edits { // Defs are in text order, so edits are too
		b.Write(text[prev:e.from])
		b.WriteString(e.insert)
		prev = e.to
	}
	b.Write(text[prev:])
	return b.Bytes(), labels, nil
}

// retrievedSpan locates the retrieval date as written in content (Parse
// takes the last retrieval label) and returns the byte range to replace and
// its replacement.
func retrievedSpan(content string, c citation.Citation, st citation.Style, newDate string) (from, to int, insert string) {
	label := st.RetrievedLabel
	if label == "" {
		label = citation.DefaultStyle().RetrievedLabel
	}
	end := len(strings.TrimRight(content, " \t\r"))
	if c.RetrievedMissing() {
		sep := st.Separator
		if sep == "" {
			sep = citation.DefaultStyle().Separator
		}
		if !strings.HasSuffix(content[:end], sep) {
			return end, end, sep + label + newDate
		}
		return end, end, label + newDate
	}
	i := strings.LastIndex(content[:end], label) + len(label)
	// Keep whatever space the writer put after the label.
	for i < end && (content[i] == ' ' || content[i] == '\t') {
		i++
	}
	return i, end, newDate
}

// sameButRetrieved checks that edited reads back as old with the new date.
func sameButRetrieved(old citation.Citation, edited string, today citation.Date, st citation.Style) error {
	got, err := citation.Parse(edited, st)
	if err != nil {
		return fmt.Errorf("edited line no longer reads as a citation: %w", err)
	}
	if got.Retrieved != today {
		return fmt.Errorf("edited line reads retrieval date %q", got.RetrievedText)
	}
	got.Retrieved, got.RetrievedText = old.Retrieved, old.RetrievedText
	if !reflect.DeepEqual(got, old) {
		return fmt.Errorf("edit would change other fields")
	}
	return nil
}
