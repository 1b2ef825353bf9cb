package cli

import (
	"fmt"
	"io"
)

// runList is filled in by the list tool's implementation.
func runList(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "copydesk list: not built yet")
	return ExitUsage
}
