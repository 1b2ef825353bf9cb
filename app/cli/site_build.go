package cli

import (
	"flag"
	"fmt"
	"io"
	"time"

	"copydesk/backend/gitsite"
)

const siteBuildUsage = `Usage: copydesk site build [--hugo PATH] [--timeout SECONDS] [FLAGS]

Runs the site's own Hugo on the whole site, in memory (nothing is written to
public/), drafts and future articles included, and prints its errors and
warnings with the file, line and draft they concern:

  posts/a.md:12:3: error (draft 7): failed to extract shortcode: ...

Flags:
  --hugo PATH        the hugo command (default: the profile's site.hugo, else
                     hugo on PATH)
  --timeout SECONDS  give up after this long (default 180)
` + siteCommonFlags + `
Exit status: 0 Hugo built the site, 1 Hugo reported errors (or is missing, or
timed out), 2 bad usage or no site/library.
`

func runSiteBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("site build", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := addSiteFlags(fs)
	hugo := fs.String("hugo", "", "")
	timeout := fs.Int("timeout", int(gitsite.BuildTimeout/time.Second), "")
	rest, err := parseInterspersed(fs, args)
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected argument %q", rest[0])
	}
	if err == nil && *timeout <= 0 {
		err = fmt.Errorf("--timeout must be a positive number of seconds")
	}
	if err != nil {
		return usageError("site build", err, siteBuildUsage, stdout, stderr)
	}
	ctx, stop := siteContext()
	defer stop()
	s, closeLib, code := openSite(ctx, "build", f, stderr)
	if code != ExitOK {
		return code
	}
	defer closeLib()
	res, err := s.Build(ctx, gitsite.BuildOptions{Hugo: *hugo, Timeout: time.Duration(*timeout) * time.Second})
	if *f.json {
		printJSON(stdout, res, err)
	} else if err == nil {
		printBuild(stdout, res)
	}
	if err != nil {
		siteError(stderr, "build", err)
		return ExitFindings
	}
	if !res.OK {
		return ExitFindings
	}
	return ExitOK
}

func printBuild(w io.Writer, res gitsite.BuildResult) {
	errs, warns := 0, 0
	for _, is := range res.Issues {
		if is.Severity == "error" {
			errs++
		} else {
			warns++
		}
		where := is.Path
		if where == "" {
			where = is.File
		}
		if where != "" && is.Line > 0 {
			where = fmt.Sprintf("%s:%d:%d: ", where, is.Line, max(is.Column, 1))
		} else if where != "" {
			where += ": "
		}
		draft := ""
		if is.DraftID != 0 {
			draft = fmt.Sprintf(" (draft %d", is.DraftID)
			if is.DraftDiffers {
				draft += ", edited since: the line is the site file's"
			}
			draft += ")"
		}
		fmt.Fprintf(w, "%s%s%s: %s\n", where, is.Severity, draft, is.Message)
	}
	verdict := "Hugo built the site"
	if !res.OK {
		verdict = "Hugo could not build the site"
	}
	fmt.Fprintf(w, "%s: %d %s, %d %s\n", verdict, errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
}
