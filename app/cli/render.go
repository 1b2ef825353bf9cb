package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"copydesk/backend/article"
	"copydesk/backend/profile"
	"copydesk/backend/site"
	"copydesk/backend/workspace"
)

const renderUsage = `Usage: copydesk render [--site DIR] [--profile FILE] FILE

Prints the article's HTML exactly as Hugo prints {{ .Content }} for it: the
body after the front matter, rendered with the site's markup settings.

Flags:
  --site DIR        the Hugo site whose markup settings (hugo.toml, config.toml,
                    ...) to use (default: the profile's site, or the Hugo site
                    that encloses FILE; Hugo's defaults when there is none)
  --profile FILE    the copydesk.yaml to use (default: found by walking up
                    from FILE's folder)

Settings the preview does not model are named on stderr and ignored.
Exit status: 0 printed, 1 the renderer failed or Hugo refuses the page (its
front matter is never closed), 2 bad usage, a file that could not be read, or
a site configuration that could not be read.
`

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	siteFlag := fs.String("site", "", "")
	profilePath := fs.String("profile", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, renderUsage)
			return ExitOK
		}
		fmt.Fprintf(stderr, "copydesk render: %v\n\n%s", err, renderUsage)
		return ExitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "copydesk render: exactly one FILE is needed\n\n%s", renderUsage)
		return ExitUsage
	}
	path := fs.Arg(0)
	name := site.Quote(path)
	text, err := site.ReadFile(path, article.MaxSize)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk render: %s: %v\n", name, err)
		return ExitUsage
	}
	doc, err := article.Parse(text)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk render: %s: %v\n", name, err)
		return ExitUsage
	}
	if doc.Format != article.FormatNone && !doc.FMClosed {
		// Hugo stops the build on such a page, so it has no .Content; the
		// rest of the file is front matter and printing "" would pass for success.
		line, _ := doc.Pos(doc.FMStart)
		if doc.Format != article.FormatJSON && line > 1 {
			line-- // the opening delimiter's line
		}
		fmt.Fprintf(stderr, "copydesk render: %s:%d: the front matter is never closed; Hugo refuses this page\n", name, line)
		return ExitFindings
	}

	// --site names the Hugo site itself, so the profile is not needed then.
	var ws *workspace.Workspace
	if *siteFlag != "" {
		ws = workspace.For(profile.Default(), *siteFlag)
	} else if ws, err = workspace.Open(*profilePath, filepath.Dir(path)); err != nil {
		fmt.Fprintf(stderr, "copydesk render: %v\n", err)
		return ExitUsage
	}
	if ws.MarkdownErr != nil {
		fmt.Fprintf(stderr, "copydesk render: %v\n", ws.MarkdownErr)
		return ExitUsage
	}
	for _, n := range ws.Notes {
		fmt.Fprintf(stderr, "copydesk render: note: %s\n", n)
	}
	if bytes.Contains(doc.Body(), []byte("{{<")) || bytes.Contains(doc.Body(), []byte("{{%")) {
		fmt.Fprintf(stderr, "copydesk render: note: %s uses shortcodes; they are printed as written, not run\n", name)
	}
	out, err := ws.Renderer().Render(doc.Body())
	if err != nil {
		fmt.Fprintf(stderr, "copydesk render: %s: %v\n", name, err)
		return ExitFindings
	}
	if _, err := stdout.Write(out); err != nil {
		return ExitFindings
	}
	return ExitOK
}
