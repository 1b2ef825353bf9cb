package app

// LibraryService is the library pane's view of the drafts: list and search,
// create (from the house template), save with optimistic locking, trash and
// restore, duplicate, import.
type LibraryService struct {
	platform Platform
	dbPath   string
}

func newLibraryService(dbPath string) *LibraryService {
	return &LibraryService{platform: nopPlatform{}, dbPath: dbPath}
}

var errLibraryPending = newAPIError("backend.unavailable", map[string]string{"part": "library"})

// List returns the drafts matching the filter, newest first.
func (s *LibraryService) List(filter DraftFilter) ([]DraftSummary, error) {
	return nil, errLibraryPending
}

// Get returns a draft's text and version.
func (s *LibraryService) Get(id int64) (DraftText, error) { return DraftText{}, errLibraryPending }

// NewFromTemplate creates a draft from the house template, dated now in the profile's zone.
func (s *LibraryService) NewFromTemplate() (DraftText, error) { return DraftText{}, errLibraryPending }

// Create stores a new draft with the given text (the conflict dialog's "save mine as a copy").
func (s *LibraryService) Create(text string) (DraftText, error) {
	return DraftText{}, errLibraryPending
}

// Save stores the text if baseVersion is still current; explicit saves also record a revision.
func (s *LibraryService) Save(id int64, text string, baseVersion int64, explicit bool) (DraftText, error) {
	return DraftText{}, errLibraryPending
}

// Duplicate copies a draft into a new one.
func (s *LibraryService) Duplicate(id int64) (DraftText, error) {
	return DraftText{}, errLibraryPending
}

// Trash moves a draft to the trash (restorable).
func (s *LibraryService) Trash(id int64) error { return errLibraryPending }

// Restore takes a draft out of the trash.
func (s *LibraryService) Restore(id int64) error { return errLibraryPending }

// Tags lists every tag used in the library, most used first.
func (s *LibraryService) Tags() ([]string, error) { return nil, errLibraryPending }

// Import imports files or folders (recursively *.md) given as paths on this machine.
func (s *LibraryService) Import(paths []string) (ImportSummary, error) {
	return ImportSummary{}, errLibraryPending
}

// ImportFiles imports files whose text the UI read itself.
func (s *LibraryService) ImportFiles(files []UploadedFile) (ImportSummary, error) {
	return ImportSummary{}, errLibraryPending
}
