package check

import (
	"bytes"

	"copydesk/backend/render"
)

// emphasis reports ** and * that Hugo prints literally because punctuation
// sits just inside the markers. The detector is the renderer's own parser
// (so it agrees with the preview and with Hugo) and its suggestions are
// verified to render as emphasis, so each one is offered as a quick fix.
func (c *checker) emphasis() {
	body := c.doc.Body()
	if bytes.IndexByte(body, '*') < 0 {
		return
	}
	cfg := c.render
	if cfg == nil {
		def := render.Default()
		cfg = &def
	}
	base := c.doc.BodyStart
	for _, is := range render.FindCJKEmphasis(body, *cfg) {
		from, to := base+is.Start, base+is.End
		if from < base || to > len(c.doc.Text) || from >= to {
			continue
		}
		text := string(c.doc.Text[from:to])
		fix := &Fix{
			Title: c.title("Write "+is.Suggestion, "改为 "+is.Suggestion),
			Edits: []Edit{{From: from, To: to, Insert: is.Suggestion}},
		}
		c.emit(MarkdownCJKEmphasis, "", from, to, "", "", map[string]string{"text": text, "suggestion": is.Suggestion}, fix)
	}
}
