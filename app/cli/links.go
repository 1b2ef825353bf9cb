package cli

import (
	"fmt"
	"io"
)

// runLinks is filled in by the links tool's implementation.
func runLinks(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "copydesk links: not built yet")
	return ExitUsage
}
