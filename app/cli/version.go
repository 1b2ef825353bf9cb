package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"copydesk/backend/render"
	"copydesk/backend/version"
)

const versionUsage = `Usage: copydesk version [--json]

Prints the version of this build, the commit it was built from, the Go
release that compiled it and the Hugo release whose rendering it reproduces.

Flags:
  --json    one JSON document: {"version","commit","go","hugo"}
`

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError("version", err, versionUsage, stdout, stderr)
	}
	if len(rest) > 0 {
		return usageError("version", fmt.Errorf("unexpected argument %q", rest[0]), versionUsage, stdout, stderr)
	}
	info := version.Current(render.HugoVersion)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(info); err != nil {
			fmt.Fprintf(stderr, "copydesk version: %v\n", err)
			return ExitFindings
		}
		return ExitOK
	}
	fmt.Fprintf(stdout, "copydesk %s\ncommit   %s\ngo       %s\nhugo     %s (rendering reproduced byte for byte)\n",
		info.Version, info.Commit, info.Go, info.Hugo)
	return ExitOK
}

// flagExit maps a flag parsing error to an exit status: --help is success.
func flagExit(err error) int {
	if err == flag.ErrHelp {
		return ExitOK
	}
	return ExitUsage
}
