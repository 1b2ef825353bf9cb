package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"

	"copydesk/backend/gitsite"
)

const sitePullUsage = `Usage: copydesk site pull [FLAGS]

Fetches the upstream branch and brings it into the working copy (a
fast-forward, or a rebase of commits not pushed yet), then brings every
article the new commits changed into the library:
  - a new article becomes a draft;
  - a draft not edited since its last import or export takes the site's text
    (its old text stays in the history);
  - a draft edited on both sides is merged line by line;
  - when both sides changed the same lines, the draft keeps your text and the
    site's text is kept beside it: the draft is conflicted until you resolve
    it in the app. No conflict markers are ever written into a draft.
When git cannot integrate the commits, nothing is changed.

Flags:
` + siteCommonFlags + `
Exit status: 0 pulled, 1 a draft is left conflicted or the pull failed (the
reason and what to do on stderr), 2 bad usage or no site/library.
`

func runSitePull(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("site pull", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := addSiteFlags(fs)
	rest, err := parseInterspersed(fs, args)
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected argument %q", rest[0])
	}
	if err != nil {
		return usageError("site pull", err, sitePullUsage, stdout, stderr)
	}
	ctx, stop := siteContext()
	defer stop()
	s, closeLib, code := openSite(ctx, "pull", f, stderr)
	if code != ExitOK {
		return code
	}
	defer closeLib()
	res, err := s.Pull(ctx)
	if *f.json {
		printJSON(stdout, res, err)
	} else {
		printPull(stdout, res)
	}
	if err != nil {
		siteError(stderr, "pull", err)
		return ExitFindings
	}
	for _, c := range res.Conflicted {
		fmt.Fprintf(stderr, "copydesk site pull: conflict: %s (draft %d): both sides changed the same lines; your text is kept, resolve it in the app\n", c.Path, c.ID)
	}
	for _, fl := range res.Failed {
		fmt.Fprintf(stderr, "copydesk site pull: %s: %s\n", fl.Path, fl.Reason)
	}
	if len(res.Conflicted)+len(res.Failed) > 0 {
		return ExitFindings
	}
	return ExitOK
}

func printPull(w io.Writer, res gitsite.PullResult) {
	if res.Before == res.After {
		fmt.Fprintln(w, "Already up to date.")
		return
	}
	fmt.Fprintf(w, "Updated %s..%s\n", shortHash(res.Before), shortHash(res.After))
	for _, g := range []struct {
		label string
		list  []gitsite.Pulled
	}{{"new", res.Created}, {"updated", res.Updated}, {"merged", res.Merged}, {"conflict", res.Conflicted},
		{"unchanged", res.Unchanged}, {"deleted", res.Deleted}} {
		for _, p := range g.list {
			fmt.Fprintf(w, "  %-9s %s%s\n", g.label, p.Path, draftRef(p.ID))
		}
	}
	fmt.Fprintf(w, "%d new, %d updated, %d merged, %d conflicted, %d deleted in the site (drafts kept)\n",
		len(res.Created), len(res.Updated), len(res.Merged), len(res.Conflicted), len(res.Deleted))
}

func shortHash(h string) string {
	if h == "" {
		return "(none)"
	}
	if len(h) > 10 {
		return h[:10]
	}
	return h
}

const sitePublishUsage = `Usage: copydesk site publish [--message MSG] [--no-push] (--all-changed | ID...) [FLAGS]

Exports the drafts into the site's content folder (each at the path it came
from; a new draft at DRAFTS/<slug>.md, DRAFTS being the profile's
site.drafts, posts by default), commits exactly those files (other changes
in the working copy are left alone), and pushes. When the remote is ahead,
pulls first (see copydesk site pull), so the others' changes are merged
before publishing. Conflicted drafts are not published.

If the commit fails (e.g. a pre-commit hook), the files stay written in the
site, uncommitted; if the push fails, the commit stays in the working copy
and the next publish pushes it. Nothing is lost either way.

Flags:
  --all-changed    every draft changed since its last import or export (new
                   drafts are published only when named by ID)
  --message MSG    the commit message (default: "Publish TITLE", or the titles)
  --no-push        commit only
` + siteCommonFlags + `
Exit status: 0 published, 1 some drafts were not published or git failed
(each named on stderr, with what to do), 2 bad usage or no site/library.
`

func runSitePublish(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("site publish", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := addSiteFlags(fs)
	message := fs.String("message", "", "")
	noPush := fs.Bool("no-push", false, "")
	all := fs.Bool("all-changed", false, "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError("site publish", err, sitePublishUsage, stdout, stderr)
	}
	opts := gitsite.PublishOptions{AllChanged: *all, Message: *message, NoPush: *noPush}
	for _, a := range rest {
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil || id <= 0 {
			return usageError("site publish", fmt.Errorf("%q is not a draft ID", a), sitePublishUsage, stdout, stderr)
		}
		opts.IDs = append(opts.IDs, id)
	}
	if !*all && len(opts.IDs) == 0 {
		return usageError("site publish", errors.New("give --all-changed or draft IDs"), sitePublishUsage, stdout, stderr)
	}
	ctx, stop := siteContext()
	defer stop()
	s, closeLib, code := openSite(ctx, "publish", f, stderr)
	if code != ExitOK {
		return code
	}
	defer closeLib()
	bar := newProgressLine(stderr, "exporting")
	res, err := s.Publish(ctx, opts, bar.update)
	bar.finish()
	if *f.json {
		printJSON(stdout, res, err)
	} else {
		printPublish(stdout, res)
	}
	for _, c := range res.Conflicts {
		fmt.Fprintf(stderr, "copydesk site publish: not published: %s: %s\n", c.Path, c.Reason)
	}
	for _, fl := range res.Failed {
		fmt.Fprintf(stderr, "copydesk site publish: %s: %s\n", fl.Path, fl.Reason)
	}
	if err != nil {
		siteError(stderr, "publish", err)
		return ExitFindings
	}
	if len(res.Conflicts)+len(res.Failed) > 0 {
		return ExitFindings
	}
	return ExitOK
}

func printPublish(w io.Writer, res gitsite.PublishResult) {
	if res.Pulled != nil {
		p := res.Pulled
		fmt.Fprintf(w, "Pulled first: %d new, %d updated, %d merged, %d conflicted\n",
			len(p.Created), len(p.Updated), len(p.Merged), len(p.Conflicted))
	}
	for _, d := range res.Exported {
		verb := "unchanged"
		if d.Written {
			verb = "wrote"
		}
		fmt.Fprintf(w, "  %-9s %s (draft %d)\n", verb, d.Path, d.ID)
	}
	switch {
	case res.Commit != "":
		fmt.Fprintf(w, "Committed %s: %s\n", shortHash(res.Commit), firstLine(res.Message))
	case len(res.Exported) > 0:
		fmt.Fprintln(w, "Nothing new to commit.")
	}
	if res.Pushed {
		fmt.Fprintln(w, "Pushed.")
	}
}

func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}
