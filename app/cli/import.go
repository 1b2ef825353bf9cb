package cli

import (
	"fmt"
	"io"
)

// runImport is filled in by the import tool's implementation.
func runImport(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "copydesk import: not built yet")
	return ExitUsage
}
