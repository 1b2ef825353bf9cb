package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"copydesk/backend/library"
)

// LibraryService is the library pane's view of the drafts: list and search,
// create (from the house template), save with optimistic locking, trash and
// restore, duplicate, import. It opens the library file once, on first use.
type LibraryService struct {
	platform Platform
	dbPath   string
	editor   *EditorService // for the site profile

	mu  sync.Mutex
	lib *library.Library

	imports jobs // the running import, under the id "import"

	stopIndexing context.CancelFunc // the background full-text indexing started by open
	indexing     sync.WaitGroup
	indexDelay   time.Duration // how long after open the indexing starts
}

func newLibraryService(dbPath string, editor *EditorService) *LibraryService {
	return &LibraryService{platform: nopPlatform{}, dbPath: dbPath, editor: editor, indexDelay: 3 * time.Second}
}

// open opens the library file (idempotent).
func (s *LibraryService) open() (*library.Library, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lib != nil {
		return s.lib, nil
	}
	lib, err := library.Open(s.dbPath, library.Options{Profile: s.editor.profile()})
	if err != nil {
		return nil, newAPIError("library.open", map[string]string{"path": s.dbPath, "detail": err.Error()})
	}
	s.lib = lib
	// A command-line import leaves new texts out of the full-text index (search
	// still finds them, by scanning); bring the index up to date in the
	// background. It works in batches between saves and resumes next time.
	// It starts a little later, so that the window's first rows and preview
	// do not wait behind work proportional to the library's size.
	ctx, cancel := context.WithCancel(context.Background())
	s.stopIndexing = cancel
	s.indexing.Add(1)
	go func() {
		defer s.indexing.Done()
		select {
		case <-ctx.Done():
			return
		case <-time.After(s.indexDelay):
		}
		if err := lib.IndexPending(ctx, nil); err != nil && ctx.Err() == nil {
			fmt.Fprintln(os.Stderr, "copydesk: building the search index:", err)
		}
	}()
	return lib, nil
}

func (s *LibraryService) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopIndexing != nil {
		s.stopIndexing()
		s.indexing.Wait()
		s.stopIndexing = nil
	}
	if s.lib != nil {
		s.lib.Close()
		s.lib = nil
	}
}

// libraryError gives the UI a code for the errors it handles itself.
func libraryError(err error, id int64) error {
	switch {
	case err == nil, isAPIError(err):
		return err
	case errors.Is(err, library.ErrConflict):
		return newAPIError("draft.conflict", map[string]string{"id": strconv.FormatInt(id, 10)})
	case errors.Is(err, library.ErrNotFound):
		return newAPIError("draft.not_found", map[string]string{"id": strconv.FormatInt(id, 10)})
	case errors.Is(err, library.ErrNotConflicted):
		return newAPIError("site.not_conflicted", nil)
	}
	return err
}

func summaryOf(s library.Summary) DraftSummary {
	out := DraftSummary{
		ID: s.ID, Title: s.Title, Status: s.Status, Date: s.Date, Topics: s.Topics, Tags: s.Tags,
		Errors: s.Errors, Warnings: s.Warnings, Path: s.Path,
	}
	if out.Topics == nil {
		out.Topics = []string{}
	}
	if out.Tags == nil {
		out.Tags = []string{}
	}
	if !s.UpdatedAt.IsZero() {
		out.UpdatedAt = s.UpdatedAt.Format(time.RFC3339)
	}
	return out
}

func draftTextOf(d library.Draft) DraftText {
	out := DraftText{ID: d.ID, Text: d.Text, Version: d.Version, Title: d.Title, Path: d.Path}
	if !d.UpdatedAt.IsZero() {
		out.UpdatedAt = d.UpdatedAt.Format(time.RFC3339)
	}
	return out
}

// List returns the drafts matching the filter, newest first. The query is
// full-text (Chinese words of any length included).
func (s *LibraryService) List(filter DraftFilter) ([]DraftSummary, error) {
	lib, err := s.open()
	if err != nil {
		return nil, err
	}
	rows, err := lib.List(context.Background(), library.Filter{
		Status: filter.Status, Topic: filter.Topic, Tag: filter.Tag, HasProblems: filter.HasProblems,
		Trash: filter.Trashed, Query: filter.Query,
	})
	if err != nil {
		return nil, err
	}
	out := make([]DraftSummary, 0, len(rows))
	for _, r := range rows {
		out = append(out, summaryOf(r))
	}
	return out, nil
}

// Get returns a draft's text and version.
func (s *LibraryService) Get(id int64) (DraftText, error) {
	lib, err := s.open()
	if err != nil {
		return DraftText{}, err
	}
	d, err := lib.Get(context.Background(), id)
	if err != nil {
		return DraftText{}, libraryError(err, id)
	}
	return draftTextOf(d), nil
}

// NewFromTemplate creates a draft from the house template, dated now in the profile's zone.
func (s *LibraryService) NewFromTemplate() (DraftText, error) {
	text, err := library.Template(s.editor.profile(), s.editor.now())
	if err != nil {
		return DraftText{}, err
	}
	return s.Create(text)
}

// Create stores a new draft with the given text (the conflict dialog's "save mine as a copy").
func (s *LibraryService) Create(text string) (DraftText, error) {
	lib, err := s.open()
	if err != nil {
		return DraftText{}, err
	}
	if text == "" {
		return DraftText{}, newAPIError("draft.empty", nil)
	}
	d, err := lib.Create(context.Background(), text)
	if err != nil {
		return DraftText{}, err
	}
	return draftTextOf(d), nil
}

// Save stores the text if baseVersion is still current (else the error code
// is draft.conflict and nothing is written). explicit saves (Ctrl/Cmd+S) also
// record a revision.
func (s *LibraryService) Save(id int64, text string, baseVersion int64, explicit bool) (DraftText, error) {
	lib, err := s.open()
	if err != nil {
		return DraftText{}, err
	}
	reason := ""
	if explicit {
		reason = "saved"
	}
	d, err := lib.Save(context.Background(), id, text, baseVersion, reason)
	if err != nil {
		return DraftText{}, libraryError(err, id)
	}
	return draftTextOf(d), nil
}

// Duplicate copies a draft into a new one.
func (s *LibraryService) Duplicate(id int64) (DraftText, error) {
	lib, err := s.open()
	if err != nil {
		return DraftText{}, err
	}
	d, err := lib.Duplicate(context.Background(), id)
	if err != nil {
		return DraftText{}, libraryError(err, id)
	}
	return draftTextOf(d), nil
}

// Trash moves a draft to the trash (restorable).
func (s *LibraryService) Trash(id int64) error {
	lib, err := s.open()
	if err != nil {
		return err
	}
	return libraryError(lib.Trash(context.Background(), id), id)
}

// Restore takes a draft out of the trash.
func (s *LibraryService) Restore(id int64) error {
	lib, err := s.open()
	if err != nil {
		return err
	}
	return libraryError(lib.Restore(context.Background(), id), id)
}

// Tags lists every tag used in the library, most used first.
func (s *LibraryService) Tags() ([]string, error) {
	lib, err := s.open()
	if err != nil {
		return nil, err
	}
	terms, err := lib.AllTags(context.Background())
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(terms))
	for _, t := range terms {
		out = append(out, t.Value)
	}
	return out, nil
}
