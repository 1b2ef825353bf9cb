package cli

import (
	"fmt"
	"io"
)

// runRender is filled in by the render tool's implementation.
func runRender(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "copydesk render: not built yet")
	return ExitUsage
}
