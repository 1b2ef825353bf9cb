package hugoconfig

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Dirs are the folders of a Hugo site that hold its articles and its static files.
type Dirs struct {
	Content string // absolute; Hugo's contentDir (default "content")
	Static  string // absolute; Hugo's staticDir (default "static")
}

// LoadDirs reads contentDir and staticDir from the Hugo configuration of the site at siteRoot
// (the same files LoadMarkup reads; a later file overrides an earlier one), relative paths
// resolved against siteRoot as Hugo does. Only an unreadable or malformed file, or a value that
// is not a string, is an error.
func LoadDirs(siteRoot string) (Dirs, error) {
	root, err := filepath.Abs(siteRoot)
	if err != nil {
		return Dirs{}, err
	}
	content, static := "content", "static"
	for _, p := range siteConfigFiles(root) {
		if strings.HasPrefix(filepath.Base(p), "markup.") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return Dirs{}, err
		}
		cfg, err := decodeConfigFile(p, b)
		if err != nil {
			return Dirs{}, err
		}
		for key, dst := range map[string]*string{"contentdir": &content, "staticdir": &static} {
			v, ok := cfg[key]
			if !ok {
				continue
			}
			s, ok := v.(string)
			if !ok || strings.TrimSpace(s) == "" {
				return Dirs{}, fmt.Errorf("%s: %s must be a folder name, not %v", p, key, v)
			}
			*dst = s
		}
	}
	abs := func(dir string) string {
		dir = filepath.FromSlash(dir)
		if filepath.IsAbs(dir) {
			return filepath.Clean(dir)
		}
		return filepath.Join(root, dir)
	}
	return Dirs{Content: abs(content), Static: abs(static)}, nil
}
