package app

import (
	"encoding/base64"
	"errors"
	"os"
	"strconv"
	"strings"
	"time"

	"copydesk/backend/article"
	"copydesk/backend/check"
	"copydesk/backend/images"
	"copydesk/backend/profile"
	"copydesk/backend/render"
)

// EditorService answers the editor while the user types: the profile the form
// is built from, everything derived from the text (fields, problems, counts,
// preview) and the lossless front matter edits the form makes. It holds no
// draft: every call carries the text it is about.
type EditorService struct {
	platform Platform

	site   *siteWorkspace
	now    func() time.Time
	budget *render.Budget // the preview renders of InspectDraft
}

func newEditorService(site *siteWorkspace) *EditorService {
	return &EditorService{platform: nopPlatform{}, site: site, now: time.Now, budget: render.NewBudget(previewBudgetFromEnvironment())}
}

// maxThumbnail bounds the image the form shows as a thumbnail.
const maxThumbnail = 4 << 20

// setup gives the site profile and the renderer for the site's Markdown
// settings (see siteWorkspace).
func (s *EditorService) setup() (*profile.Profile, *render.Renderer, error) {
	return s.site.get()
}

// profile is the site profile for the other services (the library's template dates).
func (s *EditorService) profile() *profile.Profile { return s.site.profile() }

// Profile describes the front matter form and the site.
func (s *EditorService) Profile() (ProfileInfo, error) {
	p, _, err := s.setup()
	if err != nil {
		return ProfileInfo{}, err
	}
	info := ProfileInfo{
		TimeZone:         p.Location().String(),
		Offset:           s.now().In(p.Location()).Format("-07:00"),
		KeyOrder:         append([]string{}, p.KeyOrder...),
		SiteKnown:        p.StaticDir != "",
		CitationsHeading: p.CitationsHeading,
		Path:             p.Path,
		Fields:           make([]FieldInfo, 0, len(p.Fields)),
	}
	for _, f := range p.Fields {
		info.Fields = append(info.Fields, FieldInfo{
			Key: f.Key, Type: f.Type, Required: f.Required, MinLen: f.MinLen, MaxLen: f.MaxLen,
			Vocabulary: append([]string{}, f.Vocabulary...), Unique: f.Unique,
		})
	}
	return info, nil
}

// previewBudget: a preview render that takes longer is abandoned for that
// text (the reference article renders in well under a millisecond).
const previewBudget = 2 * time.Second

// previewBudgetFromEnvironment is previewBudget, or COPYDESK_PREVIEW_BUDGET_MS
// when that is a positive number of milliseconds: the end-to-end test of the
// budget sets a short one, so that its slow article is over budget on any
// machine (at 2 s it is close to the limit on a fast one).
func previewBudgetFromEnvironment() time.Duration {
	if ms, err := strconv.Atoi(os.Getenv("COPYDESK_PREVIEW_BUDGET_MS")); err == nil && ms > 0 {
		return time.Duration(ms) * time.Millisecond
	}
	return previewBudget
}

// Inspect derives fields, problems, counts and the preview from the text. lang
// ("zh-CN" or "en") chooses the language of the problems' messages.
func (s *EditorService) Inspect(text string, lang string) (Inspection, error) {
	return s.inspect(text, lang, nil)
}

// InspectDraft is Inspect for the text of the draft with this id as it is
// typed: at most one preview render of a draft runs at a time, and a render
// over the budget is abandoned; the preview is then marked paused for that
// text (Preview.Paused) and a different text of the draft is tried again.
func (s *EditorService) InspectDraft(id int64, text string, lang string) (Inspection, error) {
	return s.inspect(text, lang, func(r *render.Renderer, body []byte) ([]byte, error) {
		return s.budget.Render(strconv.FormatInt(id, 10), body, r.Render)
	})
}

func (s *EditorService) inspect(text string, lang string, renderBody func(*render.Renderer, []byte) ([]byte, error)) (Inspection, error) {
	if renderBody == nil {
		renderBody = func(r *render.Renderer, body []byte) ([]byte, error) { return r.Render(body) }
	}
	p, r, err := s.setup()
	if err != nil {
		return Inspection{}, err
	}
	doc, err := article.Parse([]byte(text))
	if err != nil {
		return Inspection{}, readError(err)
	}
	x := Inspection{
		FrontMatter: frontMatterState(doc),
		Fields:      formFields(doc, p),
	}
	c := article.Count(doc.Body())
	x.Counts = TextCounts{Han: c.Han, LatinWords: c.LatinWords, ReadingMinutes: c.ReadingMinutes}
	if html, err := renderBody(r, doc.Body()); errors.Is(err, render.ErrOverBudget) {
		x.Preview.Paused = true
	} else if err != nil {
		x.Preview.Error = err.Error()
	} else {
		x.Preview.HTML = string(html)
	}
	cfg := r.Config() // the site's Markdown settings, as copydesk check and FixTypography use them
	x.Problems = problemsOf(text, check.Doc(doc, p, check.Options{Now: s.now(), Lang: lang, Render: &cfg}))
	return x, nil
}

// problemsOf converts diagnostics to the UI's UTF-16 positions.
func problemsOf(text string, diags []check.Diagnostic) []Problem {
	out := make([]Problem, 0, len(diags))
	for _, d := range diags {
		pr := Problem{
			Code: d.Code, Severity: string(d.Severity), Message: d.Message, Line: d.Line, Column: d.Column,
			Field: d.Field, Label: d.Label, Params: d.Params,
		}
		if pr.Params == nil {
			pr.Params = map[string]string{}
		}
		if d.Fix != nil {
			fix := &QuickFix{Title: d.Fix.Title, Edits: make([]TextEdit, 0, len(d.Fix.Edits))}
			for _, e := range d.Fix.Edits {
				fix.Edits = append(fix.Edits, TextEdit{From: e.From, To: e.To, Insert: e.Insert})
			}
			pr.Fix = fix
		}
		pr.From, pr.To = d.Offset, max(d.End, d.Offset)
		out = append(out, pr)
	}
	var offsets []int
	for _, pr := range out {
		offsets = append(offsets, pr.From, pr.To)
		if pr.Fix != nil {
			for _, e := range pr.Fix.Edits {
				offsets = append(offsets, e.From, e.To)
			}
		}
	}
	units := utf16Offsets(text, offsets)
	for i := range out {
		out[i].From, out[i].To = units[out[i].From], units[out[i].To]
		if out[i].Fix != nil {
			for j := range out[i].Fix.Edits {
				e := &out[i].Fix.Edits[j]
				e.From, e.To = units[e.From], units[e.To]
			}
		}
	}
	return out
}

// readError reports text that is not an article at all (binary, too large).
func readError(err error) error {
	var re *article.ReadError
	if errors.As(err, &re) {
		return newAPIError("article.unreadable", map[string]string{"detail": re.Error()})
	}
	return err
}

// edit runs one lossless front matter edit with the profile's key order.
func (s *EditorService) edit(text string, apply func(text []byte, order []string) ([]byte, error)) (string, error) {
	p, _, err := s.setup()
	if err != nil {
		return "", err
	}
	out, err := apply([]byte(text), p.KeyOrder)
	if err != nil {
		var re *article.ReadError
		if errors.As(err, &re) {
			return "", readError(err)
		}
		return "", newAPIError("form.cannot_edit", map[string]string{"detail": err.Error()})
	}
	return string(out), nil
}

// SetString sets a scalar string value in the front matter, changing nothing else.
func (s *EditorService) SetString(text, key, value string) (string, error) {
	return s.edit(text, func(t []byte, order []string) ([]byte, error) { return article.SetString(t, key, value, order) })
}

// SetBool sets a boolean value in the front matter.
func (s *EditorService) SetBool(text, key string, value bool) (string, error) {
	return s.edit(text, func(t []byte, order []string) ([]byte, error) { return article.SetBool(t, key, value, order) })
}

// SetDate sets a date from a local "2006-01-02T15:04[:05]" in the profile's
// zone, written as RFC 3339 with that zone's offset.
func (s *EditorService) SetDate(text, key, local string) (string, error) {
	p, _, err := s.setup()
	if err != nil {
		return "", err
	}
	t, err := parseLocal(local, p.Location())
	if err != nil {
		return "", err
	}
	return s.edit(text, func(b []byte, order []string) ([]byte, error) { return article.SetDate(b, key, t, order) })
}

// SetList sets a list value in the front matter.
func (s *EditorService) SetList(text, key string, items []string) (string, error) {
	if items == nil {
		items = []string{}
	}
	return s.edit(text, func(t []byte, order []string) ([]byte, error) { return article.SetList(t, key, items, order) })
}

// ImageData returns a data: URL of an image under the site's static folder,
// for the form's thumbnail; "" when the site is unknown, or the file is
// missing, not an image, larger than maxThumbnail or outside the static
// folder once links are resolved (images.Open's rules, as for the preview).
func (s *EditorService) ImageData(path string) (string, error) {
	p, _, err := s.setup()
	if err != nil || p.StaticDir == "" || strings.TrimSpace(path) == "" {
		return "", nil
	}
	img, err := images.Open(p.StaticDir, strings.TrimPrefix(strings.TrimSpace(path), "/"))
	if err != nil || len(img.Data) > maxThumbnail {
		return "", nil
	}
	return "data:" + img.Kind.MIME + ";base64," + base64.StdEncoding.EncodeToString(img.Data), nil
}
