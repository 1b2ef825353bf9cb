package app

import (
	"os"
	"sync"

	"copydesk/backend/profile"
	"copydesk/backend/render"
	"copydesk/backend/workspace"
)

// siteWorkspace is the site the services work in: the profile and a renderer
// for the site's Markdown settings, opened once on first use (a profile with a
// mistake is reported to the UI then, not at start-up) and shared by every
// service that needs them; newServices passes it in.
type siteWorkspace struct {
	open func() (*workspace.Workspace, error)

	once     sync.Once
	prof     *profile.Profile
	renderer *render.Renderer
	err      error
}

func newSiteWorkspace(open func() (*workspace.Workspace, error)) *siteWorkspace {
	return &siteWorkspace{open: open}
}

// openWorkspaceFromEnvironment finds the profile the way every face does:
// COPYDESK_PROFILE, else a copydesk.yaml above the working folder, else the
// built-in house style. An unreadable site configuration leaves Hugo's
// defaults: the preview is then only as close as it can be.
func openWorkspaceFromEnvironment() (*workspace.Workspace, error) {
	wd, _ := os.Getwd() // "" (the built-in profile) when the folder is gone
	return workspace.Open(os.Getenv("COPYDESK_PROFILE"), wd)
}

// get returns the profile and the renderer, or the profile's error as the
// typed error the UI words.
func (w *siteWorkspace) get() (*profile.Profile, *render.Renderer, error) {
	w.once.Do(func() {
		ws, err := w.open()
		if err != nil {
			w.err = err
			return
		}
		w.prof, w.renderer = ws.Profile, ws.Renderer()
	})
	if w.err != nil {
		return nil, nil, newAPIError("profile.invalid", map[string]string{"detail": w.err.Error()})
	}
	return w.prof, w.renderer, nil
}

// profile is the site profile, the built-in one when the site's is broken
// (for what must work regardless, such as the template of a new draft).
func (w *siteWorkspace) profile() *profile.Profile {
	p, _, err := w.get()
	if err != nil {
		return profile.Default()
	}
	return p
}
