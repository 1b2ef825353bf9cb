package citations

import (
	"context"
	"sort"
	"strings"

	"copydesk/backend/article"
	"copydesk/backend/check"
	"copydesk/backend/citation"
	"copydesk/backend/library"
	"copydesk/backend/linkcheck"
)

// SourceRow is one URL cited anywhere in the library.
type SourceRow struct {
	NormURL string
	Fields  Fields
	Link    LinkState
	CitedBy []SourceCite
}

// Sources lists every URL cited by a live draft (normalised), with the best
// metadata known for it, the drafts citing it and its last check.
func (s *Service) Sources() ([]SourceRow, error) {
	lib, err := s.opts.Library()
	if err != nil {
		return nil, err
	}
	srcs, err := lib.Sources(context.Background())
	if err != nil {
		return nil, err
	}
	today, loc := s.Today(), s.opts.Profile.Location()
	out := make([]SourceRow, 0, len(srcs))
	for _, src := range srcs {
		link := linkStateOf(src, captureOf(context.Background(), lib, src.NormURL), loc, today)
		out = append(out, SourceRow{NormURL: src.NormURL, Fields: sourceFields(src), Link: link,
			CitedBy: citesOf(src.CitedBy)})
	}
	return out, nil
}

// ApplySourceToText rewrites, in text, every house-style definition citing
// url (compared normalised) with the title, outlet, authors and publication
// date of fields; each keeps its URL as written and its own retrieval date.
// It returns the new text and the labels rewritten.
func (s *Service) ApplySourceToText(text, url string, fields Fields) (string, []string, error) {
	st := s.opts.Profile.Style
	labels := []string{}
	doc, err := article.Parse([]byte(text))
	if err != nil {
		return text, labels, err
	}
	norm := library.NormalizeURL(url)
	b := []byte(text)
	for _, d := range doc.Defs {
		old, err := citation.Parse(d.Content, st)
		if err != nil || library.NormalizeURL(old.URL) != norm {
			continue
		}
		c, err := sourceCitation(fields, old.URL, st)
		if err != nil {
			return text, labels, err
		}
		c.Retrieved, c.RetrievedText = old.Retrieved, old.RetrievedText
		line := citation.Format(c, st)
		if line == d.Content {
			continue
		}
		if b, err = article.ReplaceDefinition(b, d.Label, line); err != nil {
			return text, labels, editError(err, d.Label)
		}
		labels = append(labels, d.Label)
	}
	return string(b), labels, nil
}

// DraftUpdate is the outcome for one draft of ApplySourceToDrafts.
type DraftUpdate struct {
	DraftID int64
	Title   string
	Labels  []string
	// Error is an error code (draft.conflict, draft.not_found, ...) or a
	// message; "" when the draft was updated (or had nothing to change).
	Error string
}

// ApplySourceToDrafts applies fields to every citation of url in the given
// drafts and saves each changed draft (with a revision, so it can be undone
// from the history). The draft open in an editor should be left out and
// changed through ApplySourceToText instead, so the editor keeps its text.
func (s *Service) ApplySourceToDrafts(url string, fields Fields, draftIDs []int64) ([]DraftUpdate, error) {
	if _, err := sourceCitation(fields, url, s.opts.Profile.Style); err != nil {
		return nil, err
	}
	lib, err := s.opts.Library()
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	out := make([]DraftUpdate, 0, len(draftIDs))
	for _, id := range draftIDs {
		u := DraftUpdate{DraftID: id, Labels: []string{}}
		d, err := lib.Get(ctx, id)
		if err == nil {
			u.Title = d.Title
			var text string
			var labels []string
			text, labels, err = s.ApplySourceToText(d.Text, url, fields)
			if err == nil && len(labels) > 0 {
				_, err = lib.Save(ctx, id, text, d.Version, "source metadata")
			}
			if err == nil {
				u.Labels = labels
			}
		}
		if err != nil {
			u.Error = draftErrorCode(err)
		}
		out = append(out, u)
	}
	return out, nil
}

// AuditDraft is one draft with retrieval-date or link problems.
type AuditDraft struct {
	DraftID  int64
	Title    string
	Errors   int
	Warnings int
	Problems []AuditProblem
}

// AuditProblem is one problem of a draft's citation. Codes: the check's
// citation.retrieved_* codes, and link.dead (error), link.unverifiable,
// link.error and link.changed (warnings) from the last stored check.
type AuditProblem struct {
	Code     string
	Severity string
	Label    string
	Line     int
	URL      string
	Message  string // localized for check codes; "" for link codes
	Params   map[string]string
}

// Audit lists every live draft with retrieval-date problems (the check's
// citation.retrieved_* diagnostics, as of today) or link problems (from the
// last stored check of each URL), most severe first: by errors, then
// warnings. lang ("zh-CN" or "en") is the language of the check's messages.
func (s *Service) Audit(lang string) ([]AuditDraft, error) {
	p := s.opts.Profile
	lib, err := s.opts.Library()
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	summaries, err := lib.List(ctx, library.Filter{})
	if err != nil {
		return nil, err
	}
	srcs, err := lib.Sources(ctx)
	if err != nil {
		return nil, err
	}
	status := map[string]library.Source{}
	for _, src := range srcs {
		status[src.NormURL] = src
	}
	today := s.Today()
	out := []AuditDraft{}
	for _, sum := range summaries {
		d, err := lib.Get(ctx, sum.ID)
		if err != nil {
			continue // trashed meanwhile
		}
		doc, err := article.Parse([]byte(d.Text))
		if err != nil {
			continue // unreadable drafts are the library's badge, not a citation problem
		}
		a := AuditDraft{DraftID: d.ID, Title: d.Title, Problems: []AuditProblem{}}
		for _, diag := range check.Doc(doc, p, check.Options{Today: today, Now: s.opts.Now(), Lang: lang}) {
			if !strings.HasPrefix(diag.Code, "citation.retrieved_") {
				continue
			}
			params := diag.Params
			if params == nil {
				params = map[string]string{}
			}
			a.Problems = append(a.Problems, AuditProblem{Code: diag.Code, Severity: string(diag.Severity), Label: diag.Label,
				Line: diag.Line, Message: diag.Message, Params: params})
		}
		cited, _ := linkcheck.CitedURLs(doc.Text, p.Style)
		for _, c := range cited {
			src, ok := status[library.NormalizeURL(c.URL)]
			if !ok {
				continue
			}
			code, severity := linkProblem(src.CheckStatus)
			if code == "" {
				code, severity = changedProblem(ctx, lib, c.URL)
			}
			if code == "" {
				continue
			}
			a.Problems = append(a.Problems, AuditProblem{Code: code, Severity: severity, Label: c.Label, Line: c.Line,
				URL: c.URL, Params: map[string]string{"status": src.CheckStatus, "checkedAt": FormatTime(src.CheckedAt),
					"archiveUrl": src.ArchiveURL, "error": src.CheckError}})
		}
		if len(a.Problems) == 0 {
			continue
		}
		for _, pr := range a.Problems {
			if pr.Severity == string(check.Error) {
				a.Errors++
			} else {
				a.Warnings++
			}
		}
		sort.SliceStable(a.Problems, func(i, j int) bool {
			ei, ej := a.Problems[i].Severity == "error", a.Problems[j].Severity == "error"
			if ei != ej {
				return ei
			}
			return a.Problems[i].Line < a.Problems[j].Line
		})
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Errors != out[j].Errors {
			return out[i].Errors > out[j].Errors
		}
		return out[i].Warnings > out[j].Warnings
	})
	return out, nil
}

// changedProblem is link.changed (a warning) when the last check found the
// page rewritten since its capture: the citation may no longer say what the
// page says.
func changedProblem(ctx context.Context, lib *library.Library, url string) (code, severity string) {
	if c := captureOf(ctx, lib, url); c != nil {
		if ch := changeOf(*c); ch != nil && ch.Changed() {
			return "link.changed", "warning"
		}
	}
	return "", ""
}

// linkProblem classifies a stored check: a dead link is an error; one a
// person must look at, or that failed, a warning; ok, redirected and
// never-checked links are not problems.
func linkProblem(status string) (code, severity string) {
	switch linkcheck.Status(status) {
	case linkcheck.StatusDead:
		return "link.dead", "error"
	case linkcheck.StatusUnverifiable:
		return "link.unverifiable", "warning"
	case linkcheck.StatusError:
		return "link.error", "warning"
	}
	return "", ""
}
