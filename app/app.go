// Package app is the application layer the UI talks to: the service structs
// bound to the frontend, the desktop window (the only code that knows Wails),
// the browser face (`serve`) and the hand-over to the command-line tools.
package app

import (
	"fmt"
	"io/fs"
	"os"

	"copydesk/app/cli"
)

// Main runs copydesk with the given arguments (without the program name) and
// returns the process exit status.
func Main(args []string, assets fs.FS) int {
	if len(args) == 0 {
		return runDesktop(assets, nil, os.Stderr)
	}
	switch args[0] {
	case "serve":
		return runServe(args[1:], assets, os.Stdout, os.Stderr)
	case "desktop":
		return runDesktop(assets, args[1:], os.Stderr)
	case "gendocs":
		return runGendocs(args[1:], os.Stdout, os.Stderr)
	}
	// `copydesk article.md` (and the .desktop entry's `copydesk %F`) opens
	// the files in the window.
	if launchFiles(args, isCommandName) {
		return runDesktop(assets, args, os.Stderr)
	}
	return cli.Run(args, os.Stdout, os.Stderr)
}

// isCommandName reports whether name is a command rather than a file to open.
func isCommandName(name string) bool {
	return name == "serve" || name == "desktop" || name == "gendocs" || cli.IsCommand(name)
}

// frontendFS returns the built UI bundle, or an error that says how to build it.
func frontendFS(assets fs.FS) (fs.FS, error) {
	dist, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(dist, "index.html"); err != nil {
		return nil, fmt.Errorf("the user interface was not built into this binary: run `make build` (or `cd frontend && npm ci && npm run build`, then rebuild)")
	}
	return dist, nil
}
