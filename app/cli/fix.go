package cli

import (
	"flag"
	"fmt"
	"io"

	"copydesk/backend/check"
	"copydesk/backend/site"
	"copydesk/backend/workspace"
)

const fixUsage = `Usage: copydesk fix [--profile FILE] [--only PREFIX] [--dry-run] [--today YYYY-MM-DD] PATH...

Applies every certain quick fix that copydesk check offers (typography,
date offsets, repeated list values, emphasis Hugo would print literally, ...)
to the files, round after round until none is left, and writes each changed
file atomically (a reader sees the old file or the new one, never half).
PATH is a file or a folder (its *.md files, recursively).

Flags:
  --only PREFIX   fix only the codes starting with PREFIX, e.g. typography.
                  or frontmatter.date_format
  --dry-run       print what would change as a unified diff; write nothing
  --profile FILE  the copydesk.yaml to use (default: found by walking up
                  from each file's folder; the built-in profile when none)
  --today DATE    the day dates are judged against (default: today)

Every applied fix is listed, then every problem left that has no certain fix.
Exit status: 0 nothing is left to fix, 1 problems remain that have no certain
fix (or a file could not be written), 2 bad usage or a file that could not
be read.
`

func runFix(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fix", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	only := fs.String("only", "", "")
	dryRun := fs.Bool("dry-run", false, "")
	profileFlag := fs.String("profile", "", "")
	todayFlag := fs.String("today", "", "")
	paths, err := parseInterspersed(fs, args)
	if err == flag.ErrHelp {
		fmt.Fprint(stdout, fixUsage)
		return ExitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "copydesk fix: %v\n\n%s", err, fixUsage)
		return ExitUsage
	}
	if len(paths) == 0 {
		fmt.Fprintf(stderr, "copydesk fix: no PATH given\n\n%s", fixUsage)
		return ExitUsage
	}
	opt := check.FilesOptions{Lang: check.NormalizeLang(localeFromEnv())}
	today, err := parseToday(*todayFlag)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk fix: %v\n", err)
		return ExitUsage
	}
	opt.Today = today
	if *profileFlag != "" {
		p, err := workspace.FindProfile(*profileFlag, "")
		if err != nil {
			fmt.Fprintf(stderr, "copydesk fix: %v\n", err)
			return ExitUsage
		}
		opt.Profile = p
	}

	found, missing := site.Collect(paths)
	files := make([]string, len(found))
	for i, f := range found {
		files[i] = f.Path
	}
	status := ExitOK
	for _, m := range missing {
		fmt.Fprintln(stderr, m.Error())
		status = ExitUsage
	}
	var changed, fixes, remain int
	for _, r := range check.FixFiles(files, opt, *only) {
		if r.Err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", site.Quote(r.Path), r.Err)
			status = ExitUsage
			continue
		}
		if len(r.Fixed) > 0 {
			changed++
			fixes += len(r.Fixed)
			if *dryRun {
				unifiedDiff(stdout, r.Path, r.Old, r.New)
			} else if err := site.ReplaceIfUnchanged(r.Path, r.Old, r.New); err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", site.Quote(r.Path), err)
				if status == ExitOK {
					status = ExitFindings
				}
				continue
			}
			verb := "fixed"
			if *dryRun {
				verb = "would fix"
			}
			for _, d := range r.Fixed {
				fmt.Fprintf(stdout, "%s:%d:%d: %s %s: %s\n", r.Path, d.Line, d.Column, verb, d.Code, d.Message)
			}
		}
		for _, d := range r.Remaining {
			remain++
			label := ""
			if d.Label != "" {
				label = " [" + d.Label + "]"
			}
			fmt.Fprintf(stdout, "%s:%d:%d: %s %s%s: %s\n", site.Quote(r.Path), d.Line, d.Column, d.Severity, d.Code, label, d.Message)
		}
	}
	if status == ExitOK && remain > 0 {
		status = ExitFindings
	}
	verb := "changed"
	if *dryRun {
		verb = "would change (dry run, nothing written)"
	}
	total := len(files) + len(missing)
	fmt.Fprintf(stdout, "%d %s, %d %s: %d %s applied, %d %s left without a certain fix\n",
		total, plural(total, "file", "files"), changed, verb, fixes, plural(fixes, "fix", "fixes"),
		remain, plural(remain, "problem", "problems"))
	return status
}
