package app

// EditorService answers the editor while the user types: the profile the form
// is built from, everything derived from the text (fields, problems, counts,
// preview) and the lossless front matter edits the form makes.
type EditorService struct {
	platform Platform
}

func newEditorService() *EditorService { return &EditorService{platform: nopPlatform{}} }

var errEditorPending = newAPIError("backend.unavailable", map[string]string{"part": "editor"})

// Profile describes the front matter form and the site.
func (s *EditorService) Profile() (ProfileInfo, error) { return ProfileInfo{}, errEditorPending }

// Inspect derives fields, problems, counts and the preview from the text. lang
// ("zh-CN" or "en") chooses the language of the problems' messages.
func (s *EditorService) Inspect(text string, lang string) (Inspection, error) {
	return Inspection{}, errEditorPending
}

// SetString sets a scalar string value in the front matter, changing nothing else.
func (s *EditorService) SetString(text, key, value string) (string, error) {
	return "", errEditorPending
}

// SetBool sets a boolean value in the front matter.
func (s *EditorService) SetBool(text, key string, value bool) (string, error) {
	return "", errEditorPending
}

// SetDate sets a date from a local "2006-01-02T15:04[:05]" in the profile's
// zone, written as RFC 3339 with that zone's offset.
func (s *EditorService) SetDate(text, key, local string) (string, error) { return "", errEditorPending }

// SetList sets a list value in the front matter.
func (s *EditorService) SetList(text, key string, items []string) (string, error) {
	return "", errEditorPending
}

// ImageData returns a small data: URL of an image under the site's static
// folder, for the form's thumbnail ("" when the site is unknown or the file missing).
func (s *EditorService) ImageData(path string) (string, error) { return "", nil }
