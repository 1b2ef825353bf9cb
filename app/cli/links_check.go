package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"copydesk/backend/linkcheck"
)

// checkLinksFiles checks every cited URL, one Checker per archive endpoint
// (normally one for the whole run), and stores the results on the files.
func checkLinksFiles(ctx context.Context, files []*linksFile, opts linksFlags, progress func(done, total int, r linkcheck.Result)) {
	type ref struct {
		file *linksFile
		i    int
	}
	groups := map[string][]ref{}
	var order []string
	total := 0
	for _, f := range files {
		f.results = make([]linkcheck.Result, len(f.cited))
		endpoint := opts.archive
		if endpoint == "" {
			endpoint = f.profile.ArchiveEndpoint
		}
		if endpoint == "none" {
			endpoint = ""
		}
		key := endpoint
		if f.profile.LinksAllowPrivate {
			key = "private\x00" + endpoint
		}
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		for i := range f.cited {
			groups[key] = append(groups[key], ref{f, i})
		}
		total += len(f.cited)
	}
	done := 0
	for _, key := range order {
		refs := groups[key]
		endpoint, allowPrivate := strings.CutPrefix(key, "private\x00")
		targets := make([]linkcheck.Target, len(refs))
		for k, r := range refs {
			targets[k] = r.file.cited[r.i].Target()
		}
		checker := linkcheck.New(linkcheck.Options{Timeout: opts.timeout, ArchiveEndpoint: endpoint, AllowPrivate: allowPrivate})
		results := checker.Check(ctx, targets, func(_, _ int, r linkcheck.Result) {
			done++
			progress(done, total, r)
		})
		checker.Close()
		for k, r := range refs {
			r.file.results[r.i] = results[k]
		}
	}
}

// linksProgress shows "checked N/M" on a terminal; elsewhere it stays quiet,
// so logs and pipes get only the results.
func linksProgress(stderr io.Writer, asJSON bool) func(done, total int, r linkcheck.Result) {
	f, ok := stderr.(*os.File)
	if !ok {
		return func(int, int, linkcheck.Result) {}
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return func(int, int, linkcheck.Result) {}
	}
	return func(done, total int, r linkcheck.Result) {
		fmt.Fprintf(f, "\r\033[Kchecked %d/%d  %s", done, total, r.URL)
		if done == total {
			fmt.Fprint(f, "\r\033[K")
		}
	}
}
