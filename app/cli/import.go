package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"copydesk/backend/library"
	"copydesk/backend/site"
	"copydesk/backend/workspace"
)

const importUsage = `Usage: copydesk import [--db FILE] [--profile FILE] [--index] PATH...

Imports Markdown files, and folders (recursively, every *.md), into the
library. Each file is remembered by its path relative to the folder named
(a file named directly: its base name); export writes it back there.
Importing the same files again changes nothing. A file changed on disk
replaces its draft's text (the old text stays in the history) unless the
draft was edited too: that is reported as a conflict and left alone.

Flags:
  --db FILE         the library (default: $COPYDESK_DB, then
                    $XDG_DATA_HOME/copydesk/library.db)
  --profile FILE    the copydesk.yaml the checks follow (default: found by
                    walking up from the first PATH)
  --index           also build the full-text search index before returning
                    (otherwise the app builds it in the background; searches
                    find new drafts either way, only slower until then)

On a terminal a progress line is shown; Ctrl+C stops after the files already
stored. Exit status: 0 all imported, 1 some files failed or conflicted (each
named on stderr), 2 bad usage or the library could not be opened or written
(read-only, corrupt: one message, before any file is read when it can tell).
`

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "")
	profilePath := fs.String("profile", "", "")
	index := fs.Bool("index", false, "")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError("import", err, importUsage, stdout, stderr)
	}
	if len(paths) == 0 {
		return usageError("import", errors.New("no PATH to import"), importUsage, stdout, stderr)
	}
	ws, err := workspace.Open(*profilePath, paths[0])
	if err != nil {
		fmt.Fprintf(stderr, "copydesk import: %v\n", err)
		return ExitUsage
	}
	if ws.MarkdownErr != nil {
		fmt.Fprintf(stderr, "copydesk import: %v\n", ws.MarkdownErr)
		return ExitUsage
	}
	// The emphasis check follows the site's Markdown settings.
	opts := library.Options{Profile: ws.Profile, Render: ws.SiteMarkdown()}
	lib, err := library.OpenDefault(*db, opts)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk import: %v\n", err)
		return ExitUsage
	}
	defer lib.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	defer batchGC()()
	bar := newProgressLine(stderr, "importing")
	res, err := lib.Import(ctx, paths, bar.update)
	bar.finish()
	if err != nil && !res.Cancelled {
		// The library itself failed (read-only, corrupt, full): one
		// message, not a tally that reads like a finished import.
		fmt.Fprintf(stderr, "copydesk import: %v\n", err)
		if stored := res.Created + res.Updated; stored > 0 {
			fmt.Fprintf(stderr, "copydesk import: %d files were stored before the error\n", stored)
		}
		return ExitUsage
	}
	for _, f := range res.Failed {
		fmt.Fprintf(stderr, "copydesk import: %s: %s\n", site.Quote(f.Path), f.Reason)
	}
	for _, f := range res.Conflicts {
		fmt.Fprintf(stderr, "copydesk import: conflict: %s: %s\n", site.Quote(f.Path), f.Reason)
	}
	fmt.Fprintf(stdout, "imported %d files: %d new, %d updated, %d unchanged, %d conflicts, %d failed\n",
		res.Total, res.Created, res.Updated, res.Unchanged, len(res.Conflicts), len(res.Failed))
	if res.Cancelled {
		fmt.Fprintln(stderr, "copydesk import: cancelled; the files counted above are stored")
		return ExitFindings
	}
	if err != nil {
		fmt.Fprintf(stderr, "copydesk import: %v\n", err)
		return ExitFindings
	}
	if *index {
		bar = newProgressLine(stderr, "indexing")
		err := lib.IndexPending(ctx, bar.update)
		bar.finish()
		if err != nil {
			fmt.Fprintf(stderr, "copydesk import: search index: %v (it is completed later)\n", err)
			return ExitFindings
		}
	}
	if len(res.Failed)+len(res.Conflicts) > 0 {
		return ExitFindings
	}
	return ExitOK
}

// usageError prints --help to stdout (success) or the error and the usage to
// stderr (bad usage).
func usageError(cmd string, err error, usage string, stdout, stderr io.Writer) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	fmt.Fprintf(stderr, "copydesk %s: %v\n\n%s", cmd, err, usage)
	return ExitUsage
}

// progressLine draws "verb N/TOTAL" on one terminal line, at most a few times
// a second. When w is not a terminal it draws nothing, so logs and pipes stay
// clean.
type progressLine struct {
	w     io.Writer
	verb  string
	on    bool
	last  time.Time
	drawn bool
}

func newProgressLine(w io.Writer, verb string) *progressLine {
	return &progressLine{w: w, verb: verb, on: isTerminal(w)}
}

func (p *progressLine) update(pr library.Progress) {
	if !p.on || (time.Since(p.last) < 100*time.Millisecond && pr.Done < pr.Total) {
		return
	}
	p.last = time.Now()
	p.drawn = true
	fmt.Fprintf(p.w, "\r\033[K%s %d/%d", p.verb, pr.Done, pr.Total)
}

func (p *progressLine) finish() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
