package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"

	"copydesk/backend/library"
	"copydesk/backend/site"
)

const listUsage = `Usage: copydesk list [--db FILE] [--json] [--query TEXT]

Lists the drafts in the library (not the trash), newest first.

Flags:
  --db FILE       the library (default: $COPYDESK_DB, then
                  $XDG_DATA_HOME/copydesk/library.db)
  --json          one JSON document: {"drafts":[{"id","title","path","status",
                  "date","errors","warnings"}]}
  --query TEXT    only drafts whose title or text contains every word of TEXT
                  (Chinese included)

Reads the library only: it never creates one (with none there it says so),
and it works when the library's file or folder is read-only.

Exit status: 0 listed, 2 bad usage, no library, or the library could not be
opened.
`

// listedDraft is the promised JSON shape of one draft (CONTRACTS.md).
type listedDraft struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Path     string `json:"path"`
	Status   string `json:"status"`
	Date     string `json:"date"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
}

func runList(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "")
	asJSON := fs.Bool("json", false, "")
	query := fs.String("query", "", "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError("list", err, listUsage, stdout, stderr)
	}
	if len(rest) > 0 {
		return usageError("list", fmt.Errorf("unexpected argument %q", rest[0]), listUsage, stdout, stderr)
	}
	lib, err := library.OpenReadOnly(*db, library.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "copydesk list: %v\n", err)
		return ExitUsage
	}
	defer lib.Close()
	drafts, err := lib.List(context.Background(), library.Filter{Query: *query})
	if err != nil {
		fmt.Fprintf(stderr, "copydesk list: %v\n", err)
		return ExitUsage
	}
	if *asJSON {
		doc := struct {
			Drafts []listedDraft `json:"drafts"`
		}{Drafts: make([]listedDraft, 0, len(drafts))}
		for _, d := range drafts {
			doc.Drafts = append(doc.Drafts, listedDraft{d.ID, d.Title, d.Path, d.Status, d.Date, d.Errors, d.Warnings})
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			fmt.Fprintf(stderr, "copydesk list: %v\n", err)
			return ExitFindings
		}
		return ExitOK
	}
	// Columns are aligned by display width: a Chinese title takes two
	// terminal columns per character (text/tabwriter counts one).
	rows := [][]string{{"ID", "STATUS", "DATE", "ERR/WARN", "TITLE", "PATH"}}
	for _, d := range drafts {
		rows = append(rows, []string{strconv.FormatInt(d.ID, 10), d.Status, d.Date,
			fmt.Sprintf("%d/%d", d.Errors, d.Warnings), site.Quote(d.Title), site.Quote(d.Path)})
	}
	if err := writeColumns(stdout, rows); err != nil {
		fmt.Fprintf(stderr, "copydesk list: %v\n", err)
		return ExitFindings
	}
	return ExitOK
}
