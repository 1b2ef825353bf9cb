package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"copydesk/backend/article"
	"copydesk/backend/citation"
	"copydesk/backend/citations"
	"copydesk/backend/linkcheck"
	"copydesk/backend/profile"
	"copydesk/backend/site"
	"copydesk/backend/workspace"
)

// readLinksFiles reads every article and lists the URLs it cites. Files that
// cannot be read are reported and make the exit status 2.
func readLinksFiles(paths []string, opts linksFlags, stderr io.Writer) ([]*linksFile, linksJSON, int) {
	var out linksJSON
	status := ExitOK
	fail := func(path string, err error) {
		fmt.Fprintf(stderr, "%s: %v\n", site.Quote(path), err)
		out.Errors = append(out.Errors, linksFileErr{Path: path, Error: err.Error()})
		status = ExitUsage
	}
	found, missing := site.Collect(paths)
	for _, m := range missing {
		fail(m.Path, errors.New(m.Reason))
	}
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = f.Path
	}
	profiles := map[string]*profile.Profile{}
	var files []*linksFile
	for _, name := range names {
		p := opts.profile
		if p == nil {
			dir := filepath.Dir(name)
			if p = profiles[dir]; p == nil {
				var err error
				if p, err = workspace.FindProfile("", dir); err != nil {
					fail(name, err)
					continue
				}
				profiles[dir] = p
			}
		}
		text, err := readLimited(name)
		if err != nil {
			fail(name, err)
			continue
		}
		cited, err := linkcheck.CitedURLs(text, p.Style)
		if err != nil {
			fail(name, err)
			continue
		}
		files = append(files, &linksFile{path: name, text: text, profile: p, cited: cited})
	}
	return files, out, status
}

// readLimited reads an article through the site gateway: a regular file of
// at most article.MaxSize bytes.
func readLimited(name string) ([]byte, error) {
	return site.ReadFile(name, article.MaxSize)
}

// markLinksFile sets 检索日期 to today on the file's verified sources and
// writes the file back atomically, unless it changed on disk since it was read.
func markLinksFile(f *linksFile, today citation.Date) (*linksMarkJSON, error) {
	if today.IsZero() {
		today = f.profile.Today(time.Now())
	}
	// The results of this run are the fresh checks: the same rule as the
	// app's "retrieved today" marks only the verified ones.
	last := map[string]citations.LastCheck{}
	for i, c := range f.cited {
		r := f.results[i]
		last[strings.TrimSpace(c.URL)] = citations.LastCheck{Status: r.Status, CheckedAt: r.CheckedAt}
	}
	lastCheck := func(url string) (citations.LastCheck, bool) {
		l, ok := last[strings.TrimSpace(url)]
		return l, ok
	}
	checkedThisRun := func(t time.Time) bool { return !t.IsZero() }
	m, err := citations.MarkRetrieved(f.text, f.profile.Style, nil, today, lastCheck, checkedThisRun)
	if err != nil {
		return nil, err
	}
	text, labels := m.Text, m.Marked
	if len(labels) == 0 {
		return nil, nil
	}
	mark := &linksMarkJSON{Path: f.path, Date: today.String(), Labels: labels}
	if string(text) == string(f.text) {
		return mark, nil
	}
	if err := replaceFileIfUnchanged(f.path, f.text, text); err != nil {
		return nil, err
	}
	return mark, nil
}

// replaceFileIfUnchanged writes text to path atomically through the site
// gateway (a linked article is written through to its target), only if the
// file still holds old: an edit made during the check is never lost.
func replaceFileIfUnchanged(path string, old, text []byte) error {
	err := site.ReplaceIfUnchanged(path, old, text)
	if errors.Is(err, site.ErrChanged) {
		return fmt.Errorf("changed on disk during the check; 检索日期 not updated")
	}
	return err
}
