package library

import (
	"context"
	"fmt"

	"copydesk/backend/article"
	"copydesk/backend/store"
)

// What the library keeps about each draft's Hugo site file, for the gitsite
// package: the merge base (the text last imported or exported), and the
// site's text waiting beside a draft a pull could not merge.

type (
	SiteState = store.SiteState
	Base      = store.Base
	PullItem  = store.PullItem
)

// SiteStates lists every live draft with its base, without texts.
func (l *Library) SiteStates(ctx context.Context) ([]SiteState, error) { return l.st.SiteStates(ctx) }

// Base returns a draft's merge base and the site's text of a conflict.
func (l *Library) Base(ctx context.Context, id int64) (Base, error) { return l.st.GetBase(ctx, id) }

// ApplyPull stores what a pull decided (see store.PullItem), deriving the
// structured fields of every new text here. Errors are per item, as in
// store.ApplyPull.
func (l *Library) ApplyPull(ctx context.Context, items []PullItem) ([]error, error) {
	for i := range items {
		it := &items[i]
		it.TheirsDraft = DraftFlag([]byte(it.Theirs))
		switch {
		case it.Text != nil:
			it.Derived = l.derive([]byte(*it.Text))
		case it.ID == 0:
			it.Derived = l.derive([]byte(it.Theirs))
		}
	}
	return l.st.ApplyPull(ctx, items)
}

// Conflict returns a draft a pull could not merge and the site's text
// waiting beside it (Base.Theirs); ErrNotConflicted when there is none.
func (l *Library) Conflict(ctx context.Context, id int64) (Draft, Base, error) {
	d, err := l.Get(ctx, id)
	if err != nil {
		return Draft{}, Base{}, err
	}
	b, err := l.st.GetBase(ctx, id)
	if err != nil {
		return Draft{}, Base{}, err
	}
	if b.TheirsHash == "" {
		return Draft{}, Base{}, fmt.Errorf("draft %d: %w", id, ErrNotConflicted)
	}
	return d, b, nil
}

// ResolveConflict makes text (the editor's resolution of a conflict a pull
// left) the draft's text, and the site's text the new base. baseVersion as
// in Save.
func (l *Library) ResolveConflict(ctx context.Context, id int64, text string, baseVersion int64) (Draft, error) {
	b, err := l.st.GetBase(ctx, id)
	if err != nil {
		return Draft{}, err
	}
	return l.st.ResolveConflict(ctx, id, text, l.derive([]byte(text)), baseVersion, DraftFlag([]byte(b.Theirs)))
}

// DraftFlag is what Hugo makes of a text's draft key (see draftFlagOf); a
// text whose front matter cannot be read counts as published, as Hugo
// would try to publish it.
func DraftFlag(text []byte) bool {
	doc, err := article.Parse(text)
	if err != nil {
		return false
	}
	return draftFlagOf(doc)
}
