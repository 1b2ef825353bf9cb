package check

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"copydesk/backend/article"
	"copydesk/backend/citation"
	"copydesk/backend/profile"
	"copydesk/backend/render"
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
	// Profile applies to every file; nil finds one per folder (profile.Find).
	Profile *profile.Profile
	// Today and Now as in Options; Today zero means today in each file's
	// profile time zone.
	Today citation.Date
	Now   time.Time
	Lang  string
	// Workers checks this many files at once; 0 means one per CPU.
	Workers int
}

// Collect expands paths into the files to check: a file is taken as given,
// a folder contributes its *.md files recursively (hidden files and folders skipped),
// sorted. A path that does not exist is returned in missing with its error.
func Collect(paths []string) (files []string, missing []FileResult) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			missing = append(missing, FileResult{Path: p, Err: pathError(err)})
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				missing = append(missing, FileResult{Path: path, Err: pathError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			// Hidden files are editors' backups and locks, not articles.
			if !strings.EqualFold(filepath.Ext(d.Name()), ".md") || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if d.Type().IsRegular() {
				found = append(found, path)
			} else if d.Type()&fs.ModeSymlink != 0 {
				// A linked article counts; a link to a folder is not followed (no cycles).
				if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
					found = append(found, path)
				}
			}
			return nil
		})
		if err != nil {
			missing = append(missing, FileResult{Path: p, Err: pathError(err)})
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, missing
}

// pathError drops the path from an *fs.PathError: callers print the path themselves.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadFile reads an article, refusing files larger than article.MaxSize
// without reading them whole.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, pathError(err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, errors.New("is a folder")
	}
	data, err := io.ReadAll(io.LimitReader(f, article.MaxSize+1))
	if err != nil {
		return nil, pathError(err)
	}
	if len(data) > article.MaxSize {
		return nil, &article.ReadError{Offset: article.MaxSize, Err: article.ErrTooLarge}
	}
	return data, nil
}

// Files checks files with a few workers and returns one result per file, in
// the order given.
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
	text, err := ReadFile(path)
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
		p, err := profile.Find(dir)
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
	var cfg *render.Config
	if loaded, _, err := render.LoadSiteConfig(p.SiteRoot); err == nil {
		cfg = &loaded
	}
	c.bySite[p.SiteRoot] = cfg
	return cfg
}
