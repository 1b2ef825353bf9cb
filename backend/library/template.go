package library

import (
	_ "embed"
	"time"

	"copydesk/backend/article"
	"copydesk/backend/citation"
	"copydesk/backend/profile"
)

// newDraftTemplate is the house template a new draft starts from: a short
// analysis piece in house style (front matter in house key order, a lead
// blockquote, ### sections, citations under ## 引文部分) that shows the
// editor every convention by example.
//
//go:embed templates/new-draft.md
var newDraftTemplate []byte

// Template is the text a new draft starts from: the house template dated
// now in the profile's zone, its sample sources marked as retrieved today
// (so a new draft starts clean rather than with stale retrieval dates).
func Template(p *profile.Profile, now time.Time) (string, error) {
	t := now.In(p.Location()).Truncate(time.Second)
	out, err := article.SetDate(newDraftTemplate, "date", t, p.KeyOrder)
	if err != nil {
		return "", err
	}
	doc, err := article.Parse(out)
	if err != nil {
		return "", err
	}
	today := p.Today(now)
	for _, def := range doc.Defs {
		c, err := citation.Parse(def.Content, p.Style)
		if err != nil {
			continue
		}
		c.Retrieved, c.RetrievedText = today, today.String()
		if out, err = article.ReplaceDefinition(out, def.Label, citation.Format(c, p.Style)); err != nil {
			return "", err
		}
	}
	return string(out), nil
}
