// Command copydesk is an editorial workstation for Hugo sites: a desktop window
// (no arguments), the same UI in a browser (`serve`), and command-line tools
// over the same backend (`check`, `render`, `import`, `export`, `list`, `links`).
package main

import (
	"embed"
	"os"

	"copydesk/app"
)

// assets is the built frontend. frontend/dist/.gitkeep is committed so that a
// fresh clone compiles before the frontend has been built.
//
//go:embed all:frontend/dist
var assets embed.FS

func main() {
	os.Exit(app.Main(os.Args[1:], assets))
}
