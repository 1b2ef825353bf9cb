package app

// Services holds every struct bound to the UI. Both faces bind exactly the
// list returned by bound(), so the frontend sees the same methods in both.
type Services struct {
	System    *SystemService
	Library   *LibraryService
	Editor    *EditorService
	Citations *CitationService
	History   *HistoryService
	Export    *ExportService
	Site      *SiteService
	Images    *ImageService
}

func newServices(dbPath string) *Services {
	site := newSiteWorkspace(openWorkspaceFromEnvironment)
	editor := newEditorService(site)
	lib := newLibraryService(dbPath, editor)
	return &Services{System: newSystemService(dbPath), Library: lib, Editor: editor,
		Citations: newCitationService(lib, editor, site), History: newHistoryService(lib),
		Export: newExportService(lib), Site: newSiteService(lib, site),
		Images: newImageService(lib, editor)}
}

// open opens what the services need (the library database).
func (s *Services) open() error {
	if generatingBindings {
		return nil
	}
	_, err := s.Library.open()
	return err
}

// attach hands the face's platform to every service once the face has started.
func (s *Services) attach(p Platform) {
	s.System.platform = p
	s.Library.platform = p
	s.Editor.platform = p
	s.Citations.platform = p
	s.History.platform = p
	s.Export.platform = p
	s.Site.platform = p
	s.Images.platform = p
}

// bound lists the structs whose exported methods the UI may call.
func (s *Services) bound() []any {
	return []any{s.System, s.Library, s.Editor, s.Citations, s.History, s.Export, s.Site, s.Images}
}

// beforeClose reports whether closing must wait: the UI is asked to save first
// and closes the window itself once its text is safe.
func (s *Services) beforeClose() bool { return s.System.beforeClose() }

// close releases what the services hold (the database) when the face stops.
func (s *Services) close() { s.Library.close() }
