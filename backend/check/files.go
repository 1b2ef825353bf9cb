package check

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"copydesk/backend/article"
	"copydesk/backend/citation"
	"copydesk/backend/profile"
	"copydesk/backend/render"
	"copydesk/backend/site"
	"copydesk/backend/workspace"
)

// FileResult is the check of one file: its diagnostics, or Err when the
// file (or its profile) could not be read at all.
type FileResult struct {
	Path        string
	Diagnostics []Diagnostic
	Err         error
}

// FilesOptions configure Files.
type FilesOptions struct {
	// Profile applies to every file; nil finds one per folder (workspace.FindProfile).
	Profile *profile.Profile
	// Today and Now as in Options; Today zero means today in each file's
	// profile time zone.
	Today citation.Date
	Now   time.Time
	Lang  string
	// Workers checks this many files at once; 0 means one per CPU.
	Workers int
}

// Files checks files (found by site.Collect) with a few workers and returns
// one result per file, in the order given. Each file is read through the
// site gateway: regular files only, at most article.MaxSize bytes.
func Files(files []string, opt FilesOptions) []FileResult {
	results := make([]FileResult, len(files))
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if workers > len(files) {
		workers = len(files)
	}
	profiles := &profileCache{byDir: map[string]profileEntry{}, bySite: map[string]*render.Config{}}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = checkFile(files[i], opt, profiles)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

func checkFile(path string, opt FilesOptions, profiles *profileCache) FileResult {
	res := FileResult{Path: path}
	p, cfg, err := profiles.forFile(path, opt.Profile)
	if err != nil {
		res.Err = err
		return res
	}
	text, err := site.ReadFile(path, article.MaxSize)
	if err != nil {
		res.Err = err
		return res
	}
	res.Diagnostics, res.Err = Text(text, p, Options{Today: opt.Today, Now: opt.Now, Lang: opt.Lang, Render: cfg})
	return res
}

// forFile is the profile and site configuration for the file at path: the
// given profile when there is one, else the one found from its folder.
func (c *profileCache) forFile(path string, given *profile.Profile) (*profile.Profile, *render.Config, error) {
	if given != nil {
		return given, c.siteConfig(given), nil
	}
	p, cfg, err := c.find(filepath.Dir(path))
	if err != nil {
		return nil, nil, fmt.Errorf("profile: %w", err)
	}
	return p, cfg, nil
}

type profileEntry struct {
	p   *profile.Profile
	err error
}

// profileCache finds each folder's profile, and each site's Markdown
// configuration, once: articles sit many to a folder.
type profileCache struct {
	mu     sync.Mutex
	byDir  map[string]profileEntry
	bySite map[string]*render.Config
}

func (c *profileCache) find(dir string) (*profile.Profile, *render.Config, error) {
	c.mu.Lock()
	e, ok := c.byDir[dir]
	if !ok {
		p, err := workspace.FindProfile("", dir)
		e = profileEntry{p, err}
		c.byDir[dir] = e
	}
	c.mu.Unlock()
	if e.err != nil {
		return nil, nil, e.err
	}
	return e.p, c.siteConfig(e.p), nil
}

// siteConfig is the Markdown configuration of the profile's Hugo site. A
// site configuration that cannot be read leaves Hugo's defaults: the check
// of front matter and citations does not depend on it.
func (c *profileCache) siteConfig(p *profile.Profile) *render.Config {
	if p.SiteRoot == "" {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cfg, ok := c.bySite[p.SiteRoot]; ok {
		return cfg
	}
	cfg := workspace.For(p, p.SiteRoot).SiteMarkdown()
	c.bySite[p.SiteRoot] = cfg
	return cfg
}
