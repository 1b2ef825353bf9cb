package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"copydesk/backend/library"
	"copydesk/backend/site"
	"copydesk/backend/store"
)

const exportUsage = `Usage: copydesk export [--db FILE] --out DIR [--force] [--changed] (--all | ID...)

Writes drafts as Markdown files under DIR, each at the path it was imported
from (a draft never imported or exported: <slug>.md; a slug that is a Windows
device name such as con or com1 becomes _con.md), creating folders as needed.
Temporary files an interrupted export left behind are removed. Every file is written atomically, byte for byte the draft's text. A
file that is neither what was imported nor what was last exported has been
changed by someone else: it is left alone and reported as a conflict, unless
--force. Nothing is ever written outside DIR.

Flags:
  --db FILE    the library (default: $COPYDESK_DB, then
               $XDG_DATA_HOME/copydesk/library.db)
  --out DIR    the Hugo content folder to write into (required)
  --all        every draft not in the trash
  --changed    only drafts changed since their last export
  --force      replace files changed outside copydesk

On a terminal a progress line is shown; Ctrl+C stops after the current file.
Exit status: 0 all exported, 1 some drafts conflicted or failed (each named on
stderr), 2 bad usage or the library could not be opened, or cannot be written
(checked before any file is written).
`

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "")
	out := fs.String("out", "", "")
	all := fs.Bool("all", false, "")
	changed := fs.Bool("changed", false, "")
	force := fs.Bool("force", false, "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError("export", err, exportUsage, stdout, stderr)
	}
	if *out == "" {
		return usageError("export", errors.New("--out DIR is required"), exportUsage, stdout, stderr)
	}
	if *all == (len(rest) > 0) {
		return usageError("export", errors.New("give either --all or draft IDs"), exportUsage, stdout, stderr)
	}
	opts := library.ExportOptions{Out: *out, ChangedOnly: *changed, Force: *force}
	for _, a := range rest {
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil || id <= 0 {
			return usageError("export", fmt.Errorf("%q is not a draft ID", a), exportUsage, stdout, stderr)
		}
		opts.IDs = append(opts.IDs, id)
	}
	lib, err := library.OpenDefault(*db, library.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "copydesk export: %v\n", err)
		return ExitUsage
	}
	defer lib.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	bar := newProgressLine(stderr, "exporting")
	res, err := lib.Export(ctx, opts, bar.update)
	bar.finish()
	if err != nil && !res.Cancelled {
		fmt.Fprintf(stderr, "copydesk export: %v\n", err)
		if errors.Is(err, library.ErrNotFound) || errors.Is(err, store.ErrReadOnly) {
			return ExitUsage
		}
		return ExitFindings
	}
	for _, d := range res.Done {
		if d.Written {
			fmt.Fprintf(stdout, "wrote %s\n", site.Quote(d.Path))
		}
	}
	for _, f := range res.Conflicts {
		fmt.Fprintf(stderr, "copydesk export: conflict: %s: %s\n", site.Quote(f.Path), f.Reason)
	}
	for _, f := range res.Failed {
		fmt.Fprintf(stderr, "copydesk export: %s: %s\n", site.Quote(f.Path), f.Reason)
	}
	fmt.Fprintf(stdout, "exported %d of %d drafts: %d written, %d already identical, %d conflicts, %d failed\n",
		len(res.Done), res.Total, res.Written(), len(res.Done)-res.Written(), len(res.Conflicts), len(res.Failed))
	if res.Cancelled {
		fmt.Fprintln(stderr, "copydesk export: cancelled")
		return ExitFindings
	}
	if len(res.Conflicts)+len(res.Failed) > 0 {
		return ExitFindings
	}
	return ExitOK
}
