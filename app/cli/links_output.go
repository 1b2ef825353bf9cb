package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"copydesk/backend/linkcheck"
	"copydesk/backend/site"
)

// printLinksText prints the report for a terminal: one line per cited link,
// then the 检索日期 marks, then the count by status.
func printLinksText(w io.Writer, out linksJSON) {
	for _, l := range out.Links {
		code := ""
		if l.HTTPStatus != 0 {
			code = " " + strconv.Itoa(l.HTTPStatus)
		}
		// The URL and label come from the article: quoted like file names,
		// so an escape sequence in a cited URL cannot drive the terminal.
		fmt.Fprintf(w, "%s:%d: [^%s] %s%s %s", site.Quote(l.Path), l.Line, site.Quote(l.Label), l.Status, code, site.Quote(l.URL))
		if l.Status == string(linkcheck.StatusRedirected) || (l.FinalURL != "" && l.FinalURL != l.URL) {
			fmt.Fprintf(w, " -> %s", site.Quote(l.FinalURL))
		}
		if l.Error != "" {
			fmt.Fprintf(w, " (%s)", l.Error)
		}
		if l.ArchiveURL != "" {
			fmt.Fprintf(w, "\n    archived copy: %s", l.ArchiveURL)
		} else if l.ArchiveError != "" {
			fmt.Fprintf(w, "\n    %s", l.ArchiveError)
		}
		fmt.Fprintln(w)
	}
	for _, m := range out.Marked {
		fmt.Fprintf(w, "%s: 检索日期 set to %s for [^%s]\n", site.Quote(m.Path), m.Date, strings.Join(m.Labels, "] [^"))
	}
	var parts []string
	for _, st := range linkcheck.Statuses {
		parts = append(parts, fmt.Sprintf("%d %s", out.Summary[string(st)], st))
	}
	fmt.Fprintf(w, "%d %s checked: %s\n", len(out.Links), plural(len(out.Links), "link", "links"), strings.Join(parts, ", "))
}
