package app

import (
	"copydesk/backend/check"
	"copydesk/backend/typography"
)

// TypographyFix is a draft's text with every certain typography fix applied.
type TypographyFix struct {
	Text      string `json:"text"`
	Fixed     int    `json:"fixed"`     // fixes applied
	Remaining int    `json:"remaining"` // typography problems left that have no certain fix
}

// FixTypography applies every certain typography fix of the site profile to
// text, as `copydesk fix --only typography.` does, and returns the new text
// for the editor to apply as one edit (the UI then saves it as a revision).
func (s *EditorService) FixTypography(text string) (TypographyFix, error) {
	p, r, err := s.setup()
	if err != nil {
		return TypographyFix{}, err
	}
	cfg := r.Config()
	fixed, applied, remaining, err := check.FixText([]byte(text), p, check.Options{Now: s.now(), Render: &cfg}, typography.Prefix)
	if err != nil {
		return TypographyFix{}, readError(err)
	}
	return TypographyFix{Text: string(fixed), Fixed: len(applied), Remaining: len(remaining)}, nil
}
