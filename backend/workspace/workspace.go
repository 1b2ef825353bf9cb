// Package workspace finds the site an editor works in: the site profile (copydesk.yaml, named or
// found above a folder, else the built-in house style) and the Markdown configuration of the
// profile's Hugo site. The desktop services and every command build the two the same way through
// it, so a profile found by the window and by `copydesk check` can never differ.
package workspace

import (
	"os"
	"path/filepath"

	"copydesk/backend/hugoconfig"
	"copydesk/backend/profile"
	"copydesk/backend/render"
)

// Workspace is a profile with its site's Markdown configuration.
type Workspace struct {
	Profile *profile.Profile
	// SiteRoot is the Hugo site whose configuration was read ("" when there is none).
	SiteRoot string
	// Markdown is the site's markup settings; Hugo's defaults when there is no site or its
	// configuration could not be read (MarkdownErr says why).
	Markdown render.Config
	// Notes name the site's settings the preview does not model.
	Notes []string
	// MarkdownErr is the error reading the site's Hugo configuration. Callers decide: a command
	// given the site explicitly refuses to run, the editor falls back to Hugo's defaults.
	MarkdownErr error
}

// Open finds the profile (FindProfile) and reads the Markdown configuration of its site. Only a
// profile that cannot be loaded is an error.
func Open(profilePath, start string) (*Workspace, error) {
	p, err := FindProfile(profilePath, start)
	if err != nil {
		return nil, err
	}
	return For(p, p.SiteRoot), nil
}

// FindProfile loads the profile file named by explicit; without one it looks for copydesk.yaml
// from start (a folder, or a file whose folder is searched) upwards, and gives the built-in
// profile when start is "" or no file is found.
func FindProfile(explicit, start string) (*profile.Profile, error) {
	if explicit != "" {
		return profile.Load(explicit)
	}
	if start == "" {
		return profile.Default(), nil
	}
	dir := start
	if info, err := os.Stat(start); err != nil || !info.IsDir() {
		dir = filepath.Dir(start)
	}
	return profile.Find(dir)
}

// For is the workspace of p with the Hugo site at siteRoot (which a command's --site flag may
// choose instead of the profile's own). With siteRoot "" the Markdown configuration is Hugo's
// defaults.
func For(p *profile.Profile, siteRoot string) *Workspace {
	w := &Workspace{Profile: p, SiteRoot: siteRoot, Markdown: render.Default()}
	if siteRoot == "" {
		return w
	}
	cfg, notes, err := hugoconfig.LoadMarkup(siteRoot)
	if err != nil {
		w.MarkdownErr = err
		return w
	}
	w.Markdown, w.Notes = cfg, notes
	return w
}

// SiteMarkdown is the site's own Markdown configuration, or nil when there is no site or it could
// not be read (the library and the checks then use Hugo's defaults).
func (w *Workspace) SiteMarkdown() *render.Config {
	if w.SiteRoot == "" || w.MarkdownErr != nil {
		return nil
	}
	cfg := w.Markdown
	return &cfg
}

// Renderer renders the way the site does.
func (w *Workspace) Renderer() *render.Renderer { return render.New(w.Markdown) }
