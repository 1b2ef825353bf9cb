package app

// Sources lists every URL cited by a live draft (normalised), with the best
// metadata known for it, the drafts citing it and its last check.
func (s *CitationService) Sources() ([]SourceRow, error) {
	svc, err := s.service()
	if err != nil {
		return nil, err
	}
	rows, err := svc.Sources()
	if err != nil {
		return nil, citationError(err)
	}
	out := make([]SourceRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, SourceRow{NormURL: r.NormURL, Fields: r.Fields, Link: r.Link, CitedBy: citesOf(r.CitedBy)})
	}
	return out, nil
}

// ApplySourceToText rewrites, in text, every house-style definition citing
// url (compared normalised) with the title, outlet, authors and publication
// date of fields; each keeps its URL as written and its own retrieval date.
func (s *CitationService) ApplySourceToText(text, url string, fields CitationFields) (SourceApplied, error) {
	svc, err := s.service()
	if err != nil {
		return SourceApplied{}, err
	}
	out, labels, err := svc.ApplySourceToText(text, url, fields)
	return SourceApplied{Text: out, Labels: labels}, citationError(err)
}

// ApplySourceToDrafts applies fields to every citation of url in the given
// drafts and saves each changed draft (with a revision, so it can be undone
// from the history). The draft open in the editor should be left out and
// changed through ApplySourceToText instead, so the editor keeps its text.
func (s *CitationService) ApplySourceToDrafts(url string, fields CitationFields, draftIDs []int64) ([]DraftSourceUpdate, error) {
	svc, err := s.service()
	if err != nil {
		return nil, err
	}
	updates, err := svc.ApplySourceToDrafts(url, fields, draftIDs)
	if err != nil {
		return nil, citationError(err)
	}
	out := make([]DraftSourceUpdate, 0, len(updates))
	for _, u := range updates {
		out = append(out, DraftSourceUpdate(u))
	}
	return out, nil
}

// Audit lists every live draft with retrieval-date problems (the check's
// citation.retrieved_* diagnostics, as of today) or link problems (from the
// last stored check of each URL), most severe first: by errors, then
// warnings. lang ("zh-CN" or "en") is the language of the check's messages.
func (s *CitationService) Audit(lang string) ([]AuditDraft, error) {
	svc, err := s.service()
	if err != nil {
		return nil, err
	}
	drafts, err := svc.Audit(lang)
	if err != nil {
		return nil, citationError(err)
	}
	out := make([]AuditDraft, 0, len(drafts))
	for _, d := range drafts {
		a := AuditDraft{DraftID: d.DraftID, Title: d.Title, Errors: d.Errors, Warnings: d.Warnings,
			Problems: make([]AuditProblem, 0, len(d.Problems))}
		for _, p := range d.Problems {
			a.Problems = append(a.Problems, AuditProblem(p))
		}
		out = append(out, a)
	}
	return out, nil
}
