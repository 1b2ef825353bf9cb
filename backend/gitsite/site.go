package gitsite

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"copydesk/backend/article"
	"copydesk/backend/hugoconfig"
	"copydesk/backend/library"
	"copydesk/backend/profile"
	"copydesk/backend/site"
)

// Options name the site and how to work on it.
type Options struct {
	// Root is the Hugo site's folder (it, or a folder above it, is the Git
	// working copy).
	Root string
	// DraftsDir is where a draft that never came from the site gets its
	// file, relative to the content folder ("/" separators); "" puts it in
	// the content folder itself. OptionsFor fills in the profile's.
	DraftsDir string
	// Hugo is the hugo command for Build; "": hugo on PATH.
	Hugo string
}

// OptionsFor takes the site from the profile; dir (a --site flag) wins
// over the profile's site.root.
func OptionsFor(p *profile.Profile, dir string) (Options, error) {
	if p == nil {
		p = profile.Default()
	}
	o := Options{Root: p.SiteRoot, DraftsDir: p.DraftsDir, Hugo: p.Hugo}
	if dir != "" {
		o.Root = dir
	}
	if o.Root == "" {
		return o, newError(CodeNoSite, "site", "")
	}
	return o, nil
}

// Site is a Hugo site in a Git working copy, and the library whose drafts
// are its articles.
type Site struct {
	Root      string // the site folder (absolute, links resolved)
	Content   string // its content folder (absolute, links resolved)
	Static    string // its static folder (absolute)
	TopLevel  string // the working copy's top folder
	DraftsDir string
	Hugo      string

	contentRel string // Content relative to TopLevel, "/" separators ("" when equal)
	lib        *library.Library
	git        *git

	// Read once per operation: the branch may change between two (the
	// editor runs git too), never during one. A Site runs one operation at
	// a time.
	tracked *tracking
}

// begin starts an operation: what was read for the last one is read again.
func (s *Site) begin() {
	s.tracked = nil
	s.git.sshChecked = false
}

// Open checks that the site exists, reads its content and static folders from
// its Hugo configuration, and finds the Git working copy holding it.
func Open(ctx context.Context, lib *library.Library, opts Options) (*Site, error) {
	if opts.Root == "" {
		return nil, newError(CodeNoSite, "site", "")
	}
	root, err := filepath.Abs(opts.Root)
	if err == nil {
		root, err = filepath.EvalSymlinks(root)
	}
	if err != nil {
		return nil, &Error{Code: CodeNoSite, Op: "site", Detail: describePath(err), Hint: hints[CodeNoSite]}
	}
	dirs, err := hugoconfig.LoadDirs(root)
	if err != nil {
		return nil, fmt.Errorf("the site's Hugo configuration: %w", err)
	}
	s := &Site{Root: root, Static: dirs.Static, DraftsDir: opts.DraftsDir, Hugo: opts.Hugo, lib: lib}
	s.Content = dirs.Content
	if real, err := filepath.EvalSymlinks(dirs.Content); err == nil {
		s.Content = real
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("content folder %s: %s", dirs.Content, describePath(err))
	}
	if s.git, err = newGit(root); err != nil {
		return nil, err
	}
	res, err := s.git.run(ctx, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	if res.code != 0 {
		e := failure("open", res)
		e.Code, e.Hint = CodeNotRepository, hints[CodeNotRepository]
		return nil, e
	}
	s.TopLevel = strings.TrimSpace(string(res.stdout))
	rel, err := filepath.Rel(s.TopLevel, s.Content)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, &Error{Code: CodeNotRepository, Op: "open",
			Detail: fmt.Sprintf("the content folder %s is outside the working copy %s", s.Content, s.TopLevel),
			Hint:   "Keep the content folder inside the site's repository"}
	}
	if rel = filepath.ToSlash(rel); rel != "." {
		s.contentRel = rel
	}
	return s, nil
}

// Library is the library the site's articles are drafts of.
func (s *Site) Library() *library.Library { return s.lib }

// repoPath turns a path relative to the content folder into one relative to
// the working copy's top, for git.
func (s *Site) repoPath(rel string) string {
	if s.contentRel == "" {
		return rel
	}
	return s.contentRel + "/" + rel
}

// contentPath turns a working-copy path from git into one relative to the
// content folder; ok is false for files outside it.
func (s *Site) contentPath(repo string) (string, bool) {
	if s.contentRel == "" {
		return repo, true
	}
	rest, ok := strings.CutPrefix(repo, s.contentRel+"/")
	return rest, ok && rest != ""
}

// pathspec limits git to the content folder (literally: a folder named with
// glob characters means itself).
func (s *Site) pathspec() string {
	if s.contentRel == "" {
		return ":(top,literal)."
	}
	return ":(top,literal)" + s.contentRel
}

// isArticle says whether a content path is an article Copydesk handles.
func isArticle(rel string) bool {
	return strings.EqualFold(path.Ext(rel), ".md") && !strings.HasPrefix(path.Base(rel), ".")
}

func describePath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Path + ": " + pe.Err.Error()
	}
	return err.Error()
}

// exists reports whether a file exists (for hooks).
func exists(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular() && info.Mode().Perm()&0o111 != 0
}

// readSmall reads an article file within the library's size limit.
func readSmall(p string) ([]byte, error) { return site.ReadFile(p, article.MaxSize) }
