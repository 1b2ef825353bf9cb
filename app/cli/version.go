package cli

import (
	"flag"
	"fmt"
	"io"

	"copydesk/backend/version"
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, "Usage: copydesk version\n\nPrints the version of this build.") }
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	fmt.Fprintln(stdout, "copydesk", version.String())
	return ExitOK
}

// flagExit maps a flag parsing error to an exit status: --help is success.
func flagExit(err error) int {
	if err == flag.ErrHelp {
		return ExitOK
	}
	return ExitUsage
}
