package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"copydesk/backend/gitsite"
	"copydesk/backend/library"
	"copydesk/backend/workspace"
)

const siteUsage = `Usage: copydesk site status|pull|publish|build [FLAGS]

The Hugo site as a Git working copy, through the system git command (your SSH
keys, credential helpers and git configuration apply):

  status    branch, ahead/behind the upstream, changed article files, drafts
            changed since their last export
  pull      fetch, fast-forward (or rebase local commits), then bring changed
            articles into the library with a three-way merge
  publish   export drafts into the content folder, commit exactly those
            files, push
  build     run the site's own Hugo and map its errors to drafts and lines

Run ` + "`copydesk site COMMAND --help`" + ` for each command's flags.
Exit status: 0 success, 1 the work failed or found problems (a conflicted
draft, a rejected push, Hugo errors), 2 bad usage or no site/library.
`

const siteCommonFlags = `  --site DIR       the Hugo site (default: the profile's site.root, else the
                   Hugo site found above the current folder)
  --db FILE        the library (default: $COPYDESK_DB, then
                   $XDG_DATA_HOME/copydesk/library.db)
  --profile FILE   the copydesk.yaml to follow (default: found by walking up
                   from the site)
  --json           print the result as JSON
`

func runSite(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		if len(args) == 0 {
			fmt.Fprint(stderr, siteUsage)
			return ExitUsage
		}
		fmt.Fprint(stdout, siteUsage)
		return ExitOK
	}
	sub, ok := map[string]func([]string, io.Writer, io.Writer) int{
		"status": runSiteStatus, "pull": runSitePull, "publish": runSitePublish, "build": runSiteBuild,
	}[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "copydesk site: unknown command %q\n\n%s", args[0], siteUsage)
		return ExitUsage
	}
	return sub(args[1:], stdout, stderr)
}

// siteFlags are the flags every site command takes.
type siteFlags struct {
	site, db, profile *string
	json              *bool
}

func addSiteFlags(fs *flag.FlagSet) siteFlags {
	return siteFlags{site: fs.String("site", "", ""), db: fs.String("db", "", ""),
		profile: fs.String("profile", "", ""), json: fs.Bool("json", false, "")}
}

// openSite resolves the site and opens the library with the site's
// profile. A failure is printed and returned as an exit status.
func openSite(ctx context.Context, cmd string, f siteFlags, stderr io.Writer) (*gitsite.Site, func(), int) {
	start := *f.site
	if start == "" {
		wd, err := os.Getwd()
		if err != nil {
			fmt.Fprintf(stderr, "copydesk site %s: %v\n", cmd, err)
			return nil, nil, ExitUsage
		}
		start = wd
	}
	prof, err := workspace.FindProfile(*f.profile, start)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk site %s: %v\n", cmd, err)
		return nil, nil, ExitUsage
	}
	opts, err := gitsite.OptionsFor(prof, *f.site)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk site %s: %v\n", cmd, err)
		return nil, nil, ExitUsage
	}
	// The emphasis check follows the site's Markdown settings.
	libOpts := library.Options{Profile: prof, Render: workspace.For(prof, opts.Root).SiteMarkdown()}
	lib, err := library.OpenDefault(*f.db, libOpts)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk site %s: %v\n", cmd, err)
		return nil, nil, ExitUsage
	}
	s, err := gitsite.Open(ctx, lib, opts)
	if err != nil {
		lib.Close()
		fmt.Fprintf(stderr, "copydesk site %s: %v\n", cmd, err)
		return nil, nil, ExitUsage
	}
	return s, func() { lib.Close() }, ExitOK
}

// siteContext is cancelled by Ctrl+C or SIGTERM: git is stopped, and what
// each command guarantees on failure applies.
func siteContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// jsonError is how a failure appears in --json output.
type jsonError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
}

func toJSONError(err error) *jsonError {
	if err == nil {
		return nil
	}
	var e *gitsite.Error
	if errors.As(err, &e) {
		return &jsonError{Code: string(e.Code), Message: err.Error(), Hint: e.Hint}
	}
	code := "failed"
	if errors.Is(err, context.Canceled) {
		code = "cancelled"
	}
	return &jsonError{Code: code, Message: err.Error()}
}

// printJSON writes result with an "error" member beside its own when err
// is not nil.
func printJSON(w io.Writer, result any, err error) {
	b, _ := json.Marshal(result)
	var m map[string]any
	if json.Unmarshal(b, &m) != nil || m == nil {
		m = map[string]any{"result": result}
	}
	if je := toJSONError(err); je != nil {
		m["error"] = je
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(m)
}

func siteError(w io.Writer, cmd string, err error) {
	fmt.Fprintf(w, "copydesk site %s: %v\n", cmd, err)
}

const siteStatusUsage = `Usage: copydesk site status [--fetch] [FLAGS]

Shows the branch, how many commits it is ahead of and behind its upstream,
the article files in the content folder that differ from the last commit
(modified, new, deleted), and the drafts that differ from the site: changed
since their last import or export, new (never published), or conflicted (a
pull kept the site's text beside the draft, to resolve).

Flags:
  --fetch          ask the remote first, so "behind" is current (otherwise it
                   is as of the last fetch)
` + siteCommonFlags

func runSiteStatus(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("site status", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := addSiteFlags(fs)
	fetch := fs.Bool("fetch", false, "")
	rest, err := parseInterspersed(fs, args)
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected argument %q", rest[0])
	}
	if err != nil {
		return usageError("site status", err, siteStatusUsage, stdout, stderr)
	}
	ctx, stop := siteContext()
	defer stop()
	s, closeLib, code := openSite(ctx, "status", f, stderr)
	if code != ExitOK {
		return code
	}
	defer closeLib()
	st, err := s.Status(ctx, gitsite.StatusOptions{Fetch: *fetch})
	if *f.json {
		printJSON(stdout, st, err)
	} else if err == nil {
		printStatus(stdout, st)
	}
	if err != nil {
		siteError(stderr, "status", err)
		return ExitFindings
	}
	return ExitOK
}

func printStatus(w io.Writer, st gitsite.Status) {
	branch := st.Branch
	if branch == "" {
		branch = "(no branch)"
	}
	if st.Upstream == "" {
		fmt.Fprintf(w, "On %s, no upstream\n", branch)
	} else {
		fmt.Fprintf(w, "On %s: %d ahead, %d behind %s\n", branch, st.Ahead, st.Behind, st.Upstream)
	}
	if len(st.Files) == 0 {
		fmt.Fprintln(w, "No uncommitted article files.")
	} else {
		fmt.Fprintln(w, "Uncommitted article files:")
		for _, c := range st.Files {
			fmt.Fprintf(w, "  %-9s %s%s\n", c.Change, c.Path, draftRef(c.DraftID))
		}
	}
	if len(st.Drafts) == 0 {
		fmt.Fprintln(w, "Every draft is what the site has.")
		return
	}
	fmt.Fprintln(w, "Drafts:")
	for _, d := range st.Drafts {
		where := d.Path
		if where == "" {
			where = "(not published yet)"
		}
		fmt.Fprintf(w, "  %-10s %5d  %s  %s\n", d.State, d.ID, d.Title, where)
	}
}

func draftRef(id int64) string {
	if id == 0 {
		return ""
	}
	return fmt.Sprintf(" (draft %d)", id)
}
