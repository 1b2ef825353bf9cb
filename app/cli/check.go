package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"copydesk/backend/check"
	"copydesk/backend/site"
	"copydesk/backend/workspace"
)

const checkUsage = `Usage: copydesk check [--json] [--today YYYY-MM-DD] [--profile FILE] PATH...

Checks articles against the site profile: front matter, footnotes, citation
lines and their dates, emphasis Hugo will print literally, the typography of
Chinese prose. PATH is a file or a folder (its *.md files, recursively, in
sorted order). copydesk fix applies the fixes that are certain.

Flags:
  --json             one JSON document on stdout instead of lines of text
  --today DATE       the day to judge retrieval dates against (default: today
                     in the profile's time zone)
  --profile FILE     the copydesk.yaml to use (default: found by walking up
                     from each file's folder; the built-in profile when none)

Messages are in Chinese when LC_ALL, LC_MESSAGES or LANG starts with "zh".
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or a
file that could not be read.
`

type checkJSON struct {
	Files   []checkFileJSON  `json:"files"`
	Summary checkSummaryJSON `json:"summary"`
}

type checkFileJSON struct {
	Path        string           `json:"path"`
	Error       string           `json:"error,omitempty"`
	Diagnostics []diagnosticJSON `json:"diagnostics"`
}

type diagnosticJSON struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
	Label    string `json:"label,omitempty"`
	Field    string `json:"field,omitempty"`
}

type checkSummaryJSON struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "")
	todayFlag := fs.String("today", "", "")
	profileFlag := fs.String("profile", "", "")
	paths, err := parseInterspersed(fs, args)
	if err == flag.ErrHelp {
		fmt.Fprint(stdout, checkUsage)
		return ExitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "copydesk check: %v\n\n%s", err, checkUsage)
		return ExitUsage
	}
	if len(paths) == 0 {
		fmt.Fprintf(stderr, "copydesk check: no PATH given\n\n%s", checkUsage)
		return ExitUsage
	}
	opt := check.FilesOptions{Lang: check.NormalizeLang(localeFromEnv())}
	today, err := parseToday(*todayFlag)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk check: %v\n", err)
		return ExitUsage
	}
	opt.Today = today
	if *profileFlag != "" {
		p, err := workspace.FindProfile(*profileFlag, "")
		if err != nil {
			fmt.Fprintf(stderr, "copydesk check: %v\n", err)
			return ExitUsage
		}
		opt.Profile = p
	}

	found, failures := site.Collect(paths)
	files := make([]string, len(found))
	for i, f := range found {
		files[i] = f.Path
	}
	var results []check.FileResult
	for _, f := range failures {
		results = append(results, check.FileResult{Path: f.Path, Err: errors.New(f.Reason)})
	}
	results = append(results, check.Files(files, opt)...)
	status := ExitOK
	out := checkJSON{Files: make([]checkFileJSON, 0, len(results))}
	for _, r := range results {
		entry := checkFileJSON{Path: r.Path, Diagnostics: []diagnosticJSON{}}
		if r.Err != nil {
			entry.Error = r.Err.Error()
			fmt.Fprintf(stderr, "%s: %v\n", site.Quote(r.Path), r.Err)
			status = ExitUsage
		}
		for _, d := range r.Diagnostics {
			entry.Diagnostics = append(entry.Diagnostics, diagnosticJSON{
				Code: d.Code, Severity: string(d.Severity), Line: d.Line, Column: d.Column,
				Message: d.Message, Label: d.Label, Field: d.Field,
			})
		}
		errs, warns := check.Counts(r.Diagnostics)
		out.Summary.Errors += errs
		out.Summary.Warnings += warns
		out.Files = append(out.Files, entry)
	}
	out.Summary.Files = len(results)
	if status == ExitOK && out.Summary.Errors > 0 {
		status = ExitFindings
	}

	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "copydesk check: %v\n", err)
			return ExitUsage
		}
		return status
	}
	for _, f := range out.Files {
		for _, d := range f.Diagnostics {
			label := ""
			if d.Label != "" {
				label = " [" + d.Label + "]"
			}
			fmt.Fprintf(stdout, "%s:%d:%d: %s %s%s: %s\n", site.Quote(f.Path), d.Line, d.Column, d.Severity, d.Code, label, d.Message)
		}
	}
	fmt.Fprintf(stdout, "%d %s checked: %d %s, %d %s\n", out.Summary.Files, plural(out.Summary.Files, "file", "files"),
		out.Summary.Errors, plural(out.Summary.Errors, "error", "errors"), out.Summary.Warnings, plural(out.Summary.Warnings, "warning", "warnings"))
	return status
}

// parseInterspersed lets flags come before or after the paths, as people
// type them; everything after "--" is a path.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		// flag stops at the first non-flag, or after "--" (which it consumes).
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(paths, rest...), nil
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
}

// localeFromEnv is the message locale, by POSIX precedence.
func localeFromEnv() string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := strings.TrimSpace(os.Getenv(name)); v != "" {
			return v
		}
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
