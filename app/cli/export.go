package cli

import (
	"fmt"
	"io"
)

// runExport is filled in by the export tool's implementation.
func runExport(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "copydesk export: not built yet")
	return ExitUsage
}
