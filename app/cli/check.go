package cli

import (
	"fmt"
	"io"
)

// runCheck is filled in by the check tool's implementation.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "copydesk check: not built yet")
	return ExitUsage
}
