package library

import (
	"context"
	"fmt"
	"time"

	"copydesk/backend/article"
	"copydesk/backend/profile"
	"copydesk/backend/store"
)

// Create stores a new draft with text (the editor's template, a pasted
// article). An empty text starts from the house template.
func (l *Library) Create(ctx context.Context, text string) (Draft, error) {
	if text == "" {
		text = l.Template()
	}
	return l.st.CreateDraft(ctx, store.NewDraft{Text: text, Derived: l.derive([]byte(text))})
}

// Get returns a draft with its text.
func (l *Library) Get(ctx context.Context, id int64) (Draft, error) { return l.st.GetDraft(ctx, id) }

// Save stores text as the draft's new text. baseVersion is the version the
// editor started from: if the draft has changed since, nothing is written
// and the error is ErrConflict. reason "" is an autosave; any other reason
// ("saved", "restored revision 3") also records a revision when the text
// differs from the newest one.
func (l *Library) Save(ctx context.Context, id int64, text string, baseVersion int64, reason string) (Draft, error) {
	return l.st.SaveDraft(ctx, id, text, l.derive([]byte(text)), baseVersion, reason)
}

// SetStatus sets the editorial status: draft, in_review or ready.
// (published is not set: a draft is published once exported with draft:
// false.)
func (l *Library) SetStatus(ctx context.Context, id int64, status string) (Draft, error) {
	if err := l.st.SetStatus(ctx, id, status); err != nil {
		return Draft{}, err
	}
	return l.st.GetDraft(ctx, id)
}

// Duplicate copies a draft into a new one whose title is marked as a copy.
// The copy has no remembered path, so exporting it never touches the
// original's file.
func (l *Library) Duplicate(ctx context.Context, id int64) (Draft, error) {
	src, err := l.st.GetDraft(ctx, id)
	if err != nil {
		return Draft{}, err
	}
	text := []byte(src.Text)
	if title, ok := l.titleOf(text); ok {
		if marked, err := article.SetString(text, "title", title+"（副本）", l.profile.KeyOrder); err == nil {
			text = marked
		}
	}
	return l.st.CreateDraft(ctx, store.NewDraft{Text: string(text), Derived: l.derive(text)})
}

func (l *Library) titleOf(text []byte) (string, bool) {
	doc, err := article.Parse(text)
	if err != nil {
		return "", false
	}
	return doc.String("title")
}

// Trash moves a draft to the trash (restorable).
func (l *Library) Trash(ctx context.Context, id int64) error { return l.st.TrashDraft(ctx, id) }

// Restore brings a draft back from the trash. ErrConflict when another draft
// has taken its remembered path meanwhile.
func (l *Library) Restore(ctx context.Context, id int64) error { return l.st.RestoreDraft(ctx, id) }

// Purge deletes a trashed draft for good.
func (l *Library) Purge(ctx context.Context, id int64) error { return l.st.PurgeDraft(ctx, id) }

// Revisions lists a draft's revisions, newest first, without texts.
func (l *Library) Revisions(ctx context.Context, id int64) ([]RevisionInfo, error) {
	return l.st.Revisions(ctx, id)
}

// Revision returns one revision with its text.
func (l *Library) Revision(ctx context.Context, revisionID int64) (Revision, error) {
	return l.st.Revision(ctx, revisionID)
}

// RestoreRevision makes a revision's text the draft's text again; the
// restore is itself a revision. baseVersion as in Save.
func (l *Library) RestoreRevision(ctx context.Context, revisionID, baseVersion int64) (Draft, error) {
	rev, err := l.st.Revision(ctx, revisionID)
	if err != nil {
		return Draft{}, err
	}
	return l.Save(ctx, rev.DraftID, rev.Text, baseVersion, fmt.Sprintf("restored revision %d", revisionID))
}

// List returns the drafts matching f, newest first. f.Query searches the
// full text (see Search).
func (l *Library) List(ctx context.Context, f Filter) ([]Summary, error) {
	return l.st.ListDrafts(ctx, f)
}

// ListPage returns one page of the drafts matching f, in List's order: the
// rows after or before a key the caller has, or at an offset.
func (l *Library) ListPage(ctx context.Context, f Filter, q PageQuery) (Page, error) {
	return l.st.ListPage(ctx, f, q)
}

// Count counts the drafts matching f, stopping at limit when limit > 0 (the
// second result is then false).
func (l *Library) Count(ctx context.Context, f Filter, limit int) (int, bool, error) {
	return l.st.CountMatching(ctx, f, limit)
}

// ParseKey reads a list cursor (Key.String).
func ParseKey(s string) (Key, error) { return store.ParseKey(s) }

// SearchLimit bounds Search results (a list shown as the editor types).
const SearchLimit = 100

// Search finds live drafts containing every white-space separated term of q
// (Chinese included), newest first, at most SearchLimit. Terms of three or
// more characters use the trigram index, shorter ones a scan.
func (l *Library) Search(ctx context.Context, q string) ([]Summary, error) {
	return l.st.ListDrafts(ctx, Filter{Query: q, Limit: SearchLimit})
}

// AllTags lists tags used by live drafts, most used first (tag completion).
func (l *Library) AllTags(ctx context.Context) ([]TermCount, error) { return l.st.AllTags(ctx) }

// AllTopics lists main topics used by live drafts, most used first.
func (l *Library) AllTopics(ctx context.Context) ([]TermCount, error) { return l.st.AllTopics(ctx) }

// Citations returns a draft's footnote definitions with their fields.
func (l *Library) Citations(ctx context.Context, id int64) ([]Citation, error) {
	return l.st.Citations(ctx, id)
}

// Sources lists every URL cited by a live draft with the best metadata
// known for it, its last link check and the drafts citing it.
func (l *Library) Sources(ctx context.Context) ([]Source, error) { return l.st.Sources(ctx) }

// Source returns what is known about a URL (normalised first), for
// suggesting metadata when a citation is added. ErrNotFound when unknown.
func (l *Library) Source(ctx context.Context, rawURL string) (Source, error) {
	return l.st.Source(ctx, NormalizeURL(rawURL))
}

// UpdateSourceCheck records the result of checking url.
func (l *Library) UpdateSourceCheck(ctx context.Context, url, status string, httpStatus int, finalURL, archiveURL string, checkedAt time.Time) error {
	return l.st.UpdateSourceCheck(ctx, store.SourceCheck{NormURL: NormalizeURL(url), URL: url, Status: status,
		HTTPStatus: httpStatus, FinalURL: finalURL, ArchiveURL: archiveURL, CheckedAt: checkedAt})
}

// Rederive recomputes the derived columns of every draft (after the profile
// or the checks changed). Texts and versions are untouched.
func (l *Library) Rederive(ctx context.Context) error {
	ids, err := l.st.ExportIDs(ctx, store.ExportQuery{})
	if err != nil {
		return err
	}
	trashed, err := l.st.ListDrafts(ctx, Filter{Trash: true})
	if err != nil {
		return err
	}
	for _, t := range trashed {
		ids = append(ids, t.ID)
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := l.st.GetDraft(ctx, id)
		if err != nil {
			return err
		}
		if err := l.st.UpdateDerived(ctx, id, l.derive([]byte(d.Text))); err != nil {
			return err
		}
	}
	return nil
}

// Template is the house template for a new draft, dated now in the
// profile's time zone.
func (l *Library) Template() string {
	loc := l.profile.TimeZone
	if loc == nil {
		loc = time.UTC
	}
	now := l.now().In(loc).Truncate(time.Second)
	return "---\ntitle: \ndate: " + now.Format(time.RFC3339) + "\ndraft: true\nfeatured_image: \nsummary: \ntags: \nmain_topics: \n---\n\n> \n\n### \n\n\n\n" + l.heading() + "\n\n"
}

// heading is the citations heading line, e.g. "## 引文部分".
func (l *Library) heading() string {
	if l.profile.CitationsHeading != "" {
		return l.profile.CitationsHeading
	}
	return profile.DefaultHeading
}
