package app

import (
	"context"
	"errors"
	"strconv"
	"time"

	"copydesk/backend/library"
)

// HistoryService is the side panel's History tab: a draft's revisions, one
// revision's text for the diff, and restoring one. A restore never loses the
// text it replaces: when the stored text is not already a revision it is
// recorded as one first, then the restored text becomes the draft's text and
// a revision of its own.
type HistoryService struct {
	platform Platform
	library  *LibraryService
}

func newHistoryService(lib *LibraryService) *HistoryService {
	return &HistoryService{platform: nopPlatform{}, library: lib}
}

// reasonBeforeRestore marks the text a restore replaced.
const reasonBeforeRestore = "before restore"

// RevisionRow is one revision in the History list (no text: lists stay small).
type RevisionRow struct {
	ID        int64  `json:"id"`
	DraftID   int64  `json:"draftId"`
	Reason    string `json:"reason"`    // saved, imported, created, before restore, restored revision N
	CreatedAt string `json:"createdAt"` // RFC 3339 in UTC; the UI shows it in the profile's zone
	Size      int    `json:"size"`      // bytes of text
}

// RevisionText is a revision with its text, for the diff.
type RevisionText struct {
	RevisionRow
	Text string `json:"text"`
}

func revisionRowOf(r library.RevisionInfo) RevisionRow {
	return RevisionRow{ID: r.ID, DraftID: r.DraftID, Reason: r.Reason, CreatedAt: r.CreatedAt.UTC().Format(time.RFC3339Nano), Size: r.Size}
}

// revisionError gives the UI a code for a revision that does not exist.
func revisionError(err error, revisionID int64) error {
	if err != nil && !isAPIError(err) && errors.Is(err, library.ErrNotFound) {
		return newAPIError("revision.not_found", map[string]string{"id": strconv.FormatInt(revisionID, 10)})
	}
	return err
}

// List returns a draft's revisions, newest first.
func (s *HistoryService) List(draftID int64) ([]RevisionRow, error) {
	lib, err := s.library.open()
	if err != nil {
		return nil, err
	}
	revs, err := lib.Revisions(context.Background(), draftID)
	if err != nil {
		return nil, libraryError(err, draftID)
	}
	out := make([]RevisionRow, 0, len(revs))
	for _, r := range revs {
		out = append(out, revisionRowOf(r))
	}
	return out, nil
}

// Get returns one revision with its text.
func (s *HistoryService) Get(revisionID int64) (RevisionText, error) {
	lib, err := s.library.open()
	if err != nil {
		return RevisionText{}, err
	}
	r, err := lib.Revision(context.Background(), revisionID)
	if err != nil {
		return RevisionText{}, revisionError(err, revisionID)
	}
	return RevisionText{RevisionRow: revisionRowOf(r.RevisionInfo), Text: r.Text}, nil
}

// Restore makes the revision's text the draft's text. baseVersion is the
// version the editor holds (the UI saves its text first): when the draft has
// moved on, nothing changes and the code is draft.conflict. A revision of
// another draft is refused (revision.other_draft).
func (s *HistoryService) Restore(draftID, revisionID, baseVersion int64) (DraftText, error) {
	lib, err := s.library.open()
	if err != nil {
		return DraftText{}, err
	}
	ctx := context.Background()
	rev, err := lib.Revision(ctx, revisionID)
	if err != nil {
		return DraftText{}, revisionError(err, revisionID)
	}
	if rev.DraftID != draftID {
		return DraftText{}, newAPIError("revision.other_draft", map[string]string{
			"id": strconv.FormatInt(revisionID, 10), "draft": strconv.FormatInt(draftID, 10)})
	}
	current, err := lib.Get(ctx, draftID)
	if err != nil {
		return DraftText{}, libraryError(err, draftID)
	}
	if current.Version != baseVersion {
		return DraftText{}, libraryError(library.ErrConflict, draftID)
	}
	// Keep the text being replaced. Save records a revision only when the
	// text differs from the newest one, so this adds nothing when the
	// editor's text was just saved with Ctrl/Cmd+S.
	kept, err := lib.Save(ctx, draftID, current.Text, baseVersion, reasonBeforeRestore)
	if err != nil {
		return DraftText{}, libraryError(err, draftID)
	}
	d, err := lib.RestoreRevision(ctx, revisionID, kept.Version)
	if err != nil {
		return DraftText{}, libraryError(err, draftID)
	}
	return draftTextOf(d), nil
}
