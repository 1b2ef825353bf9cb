package app

import (
	"context"
	"errors"

	"copydesk/backend/gitsite"
	"copydesk/backend/library"
)

// SiteService is the Site panel: the Hugo site (the profile's site.root) as
// a Git working copy. Every rule is gitsite's; this adapts it to the UI: one
// long operation at a time, cancellable, progress as "site-progress" events,
// and errors as codes the UI puts in words (git.auth_failed, …).
type SiteService struct {
	platform  Platform
	library   *LibraryService
	workspace *siteWorkspace

	jobs jobs // the running operation, under the id "site"
}

func newSiteService(lib *LibraryService, site *siteWorkspace) *SiteService {
	return &SiteService{platform: nopPlatform{}, library: lib, workspace: site}
}

// SiteProgress is sent as the "site-progress" event while a long operation runs.
type SiteProgress struct {
	Step  string `json:"step"` // fetch, export, commit, push, pull, build
	Done  int    `json:"done"`
	Total int    `json:"total"`
}

// SiteConflict is a draft a pull could not merge: the draft's text and the
// site's, side by side.
type SiteConflict struct {
	DraftID int64  `json:"draftId"`
	Title   string `json:"title"`
	Path    string `json:"path"`
	Version int64  `json:"version"`
	Ours    string `json:"ours"`   // the draft's text (the editor's)
	Theirs  string `json:"theirs"` // the site's text
}

// site opens the site of the profile. There is no site when the profile
// names none and no Hugo site encloses the working folder.
func (s *SiteService) site(ctx context.Context) (*gitsite.Site, error) {
	lib, err := s.library.open()
	if err != nil {
		return nil, err
	}
	prof, _, err := s.workspace.get() // a profile with a mistake is reported as such
	if err != nil {
		return nil, err
	}
	opts, err := gitsite.OptionsFor(prof, "")
	if err != nil {
		return nil, siteError(err)
	}
	site, err := gitsite.Open(ctx, lib, opts)
	if err != nil {
		return nil, siteError(err)
	}
	return site, nil
}

// siteError gives the UI the code of a gitsite failure, with git's words as
// the detail.
func siteError(err error) error {
	var e *gitsite.Error
	switch {
	case err == nil, isAPIError(err):
		return err
	case errors.As(err, &e):
		return gitsiteError(e)
	case errors.Is(err, context.Canceled):
		return newAPIError("site.cancelled", nil)
	}
	return newAPIError("site.failed", map[string]string{"detail": err.Error()})
}

// gitsiteError names each gitsite code literally, so every code the UI can
// receive has its words in the catalogues (see apierror_codes_test.go).
func gitsiteError(e *gitsite.Error) error {
	p := map[string]string{"op": e.Op, "detail": e.Detail}
	switch e.Code {
	case gitsite.CodeGitMissing:
		return newAPIError("git.missing", p)
	case gitsite.CodeNotRepository:
		return newAPIError("git.not_repository", p)
	case gitsite.CodeNoUpstream:
		return newAPIError("git.no_upstream", p)
	case gitsite.CodeNonFastForward:
		return newAPIError("git.non_fast_forward", p)
	case gitsite.CodeAuth:
		return newAPIError("git.auth_failed", p)
	case gitsite.CodeHook:
		return newAPIError("git.hook_rejected", p)
	case gitsite.CodeMergeConflict:
		return newAPIError("git.merge_conflict", p)
	case gitsite.CodeLocalChanges:
		return newAPIError("git.local_changes", p)
	case gitsite.CodeDetached:
		return newAPIError("git.detached_head", p)
	case gitsite.CodeTimeout:
		return newAPIError("git.timeout", p)
	case gitsite.CodeNoSite:
		return newAPIError("site.not_found", p)
	case gitsite.CodeHugoMissing:
		return newAPIError("hugo.missing", p)
	case gitsite.CodeHugoTimeout:
		return newAPIError("hugo.timeout", p)
	case gitsite.CodeConflicted:
		return newAPIError("site.draft_conflicted", p)
	}
	return newAPIError("git.failed", p)
}

// long runs one cancellable operation at a time.
func (s *SiteService) long(fn func(ctx context.Context, site *gitsite.Site) error) error {
	ctx, done, ok := s.jobs.start("site")
	if !ok {
		return newAPIError("site.busy", nil)
	}
	defer done()
	site, err := s.site(ctx)
	if err != nil {
		return err
	}
	return siteError(fn(ctx, site))
}

// Cancel stops the running operation (git is stopped; what gitsite
// guarantees on failure applies).
func (s *SiteService) Cancel() { s.jobs.cancel("site") }

// Status reads the working copy and the drafts; fetch asks the remote first.
func (s *SiteService) Status(fetch bool) (gitsite.Status, error) {
	var st gitsite.Status
	err := s.long(func(ctx context.Context, site *gitsite.Site) error {
		var err error
		st, err = site.Status(ctx, gitsite.StatusOptions{Fetch: fetch})
		return err
	})
	return st, err
}

// Pull brings the remote's commits into the working copy and the library.
func (s *SiteService) Pull() (gitsite.PullResult, error) {
	var res gitsite.PullResult
	err := s.long(func(ctx context.Context, site *gitsite.Site) error {
		s.platform.Emit("site-progress", SiteProgress{Step: "pull"})
		var err error
		res, err = site.Pull(ctx)
		return err
	})
	return res, err
}

// Publish exports the drafts (or every changed one), commits and pushes.
// The result says what was done even when err says what failed after.
func (s *SiteService) Publish(ids []int64, allChanged bool, message string) (gitsite.PublishResult, error) {
	var res gitsite.PublishResult
	err := s.long(func(ctx context.Context, site *gitsite.Site) error {
		s.platform.Emit("site-progress", SiteProgress{Step: "publish"})
		var err error
		var progress progressThrottle
		res, err = site.Publish(ctx, gitsite.PublishOptions{IDs: ids, AllChanged: allChanged, Message: message},
			func(p library.Progress) {
				progress.send(p.Done, p.Total, func() {
					s.platform.Emit("site-progress", SiteProgress{Step: "export", Done: p.Done, Total: p.Total})
				})
			})
		if errors.Is(err, library.ErrNotFound) {
			return newAPIError("draft.not_found", map[string]string{"id": ""})
		}
		return err
	})
	return res, err
}

// Build runs the site's Hugo and maps its errors to drafts and lines.
func (s *SiteService) Build() (gitsite.BuildResult, error) {
	var res gitsite.BuildResult
	err := s.long(func(ctx context.Context, site *gitsite.Site) error {
		s.platform.Emit("site-progress", SiteProgress{Step: "build"})
		var err error
		res, err = site.Build(ctx, gitsite.BuildOptions{})
		return err
	})
	return res, err
}

// Conflict returns both sides of a conflicted draft.
func (s *SiteService) Conflict(draftID int64) (SiteConflict, error) {
	lib, err := s.library.open()
	if err != nil {
		return SiteConflict{}, err
	}
	d, b, err := lib.Conflict(context.Background(), draftID)
	if err != nil {
		return SiteConflict{}, libraryError(err, draftID)
	}
	return SiteConflict{DraftID: d.ID, Title: d.Title, Path: d.Path, Version: d.Version, Ours: d.Text, Theirs: b.Theirs}, nil
}

// Resolve makes text the conflicted draft's text; the site's text becomes
// its base, so the next publish sends the resolution.
func (s *SiteService) Resolve(draftID int64, text string, baseVersion int64) (DraftSummary, error) {
	lib, err := s.library.open()
	if err != nil {
		return DraftSummary{}, err
	}
	d, err := lib.ResolveConflict(context.Background(), draftID, text, baseVersion)
	if err != nil {
		return DraftSummary{}, libraryError(err, draftID)
	}
	return summaryOf(d.Summary), nil
}
