// Package cli implements copydesk's command-line tools (check, fix, render,
// import, export, list, links, cite, version) over the backend packages. It never imports
// Wails: the tools work on machines without GTK.
package cli

import (
	"fmt"
	"io"
	"sort"
)

// Exit statuses promised in CONTRACTS.md.
const (
	ExitOK       = 0 // success (for check: no errors)
	ExitFindings = 1 // the work found errors or some items failed
	ExitUsage    = 2 // bad usage, or an input that could not be read at all
)

type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands is the table of tools; each lives in its own file.
var commands = map[string]command{
	"check":   {"check articles against the site profile", runCheck},
	"render":  {"print an article's HTML exactly as Hugo renders .Content", runRender},
	"import":  {"import files or folders of Markdown into the library", runImport},
	"export":  {"export drafts as Markdown files into a Hugo content folder", runExport},
	"list":    {"list the drafts in the library", runList},
	"links":   {"re-verify every cited URL", runLinks},
	"cite":    {"print a house-style citation read from a web page", runCite},
	"version": {"print the version", runVersion},
	"fix":     {"apply every certain quick fix (typography, dates, ...) to files", runFix},
	"site":    {"the Hugo site as a Git working copy: status, pull, publish, build", runSite},
}

// Run dispatches args[0] to its command and returns the exit status.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "--help" || args[0] == "-h" {
		usage(stdout)
		return ExitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "copydesk: unknown command %q\n\n", args[0])
		usage(stderr)
		return ExitUsage
	}
	return cmd.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: copydesk [COMMAND] [FLAGS] [ARGS]")
	fmt.Fprintln(w, "\nWith no command, copydesk opens the desktop window; given Markdown files")
	fmt.Fprintln(w, "(copydesk article.md) it imports them into the library and opens them there,")
	fmt.Fprintln(w, "in the window already running if there is one.")
	fmt.Fprintln(w, "\nCommands:")
	fmt.Fprintf(w, "  %-8s %s\n", "serve", "serve the same UI to a browser on loopback and print the URL to open")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun `copydesk COMMAND --help` for a command's flags.")
}

// IsCommand reports whether name is one of the tools (so the caller can tell
// a command from a file name given on the command line).
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok || name == "help"
}

// CommandNames lists the tools, sorted (the manual page and the shell
// completion are generated from them and their --help).
func CommandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
