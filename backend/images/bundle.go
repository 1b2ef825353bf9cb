package images

import (
	"fmt"
	"path"

	"copydesk/backend/hugoconfig"
	"copydesk/backend/profile"
)

// BundleDir is the folder of the leaf bundle whose index.md is draftPath
// (a "/" path relative to the content folder), or "" when the draft is not
// a leaf bundle: Hugo serves a bundle's resources beside its index.md, and
// an index.md at the content root is the home page, not a bundle.
func BundleDir(draftPath string) string {
	if path.Base(draftPath) == "index.md" && path.Dir(draftPath) != "." {
		return path.Dir(draftPath)
	}
	return ""
}

// SiteFor is the site images go to and come from for profile p: the static
// and images folders are the profile's (where the featured image's check
// and thumbnail look), the content folder is the one the site's Hugo
// configuration names. ErrNoSite when the profile names no site.
func SiteFor(p *profile.Profile) (Site, error) {
	if p.SiteRoot == "" || p.StaticDir == "" {
		return Site{}, ErrNoSite
	}
	dirs, err := hugoconfig.LoadDirs(p.SiteRoot)
	if err != nil {
		return Site{}, fmt.Errorf("reading the site's Hugo configuration: %w", err)
	}
	return Site{Static: p.StaticDir, Images: p.ImagesFolder(), Content: dirs.Content}, nil
}
