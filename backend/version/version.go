// Package version holds what a build knows about itself: its version and
// commit, set at link time by `make build` and `make package`:
//
//	-ldflags "-X copydesk/backend/version.Version=1.2.0+4.gabc1234 -X copydesk/backend/version.Commit=<full hash>"
//
// (scripts/version.sh computes both from git).
package version

import "runtime"

// Version is overridden at link time; "0.1.0-dev" marks a build made without
// the Makefile (plain `go build`).
var Version = "0.1.0-dev"

// Commit is the full commit hash of the build, overridden at link time.
var Commit = "unknown"

// String returns the version of this build.
func String() string { return Version }

// Info is everything `copydesk version` reports.
type Info struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Go      string `json:"go"`
	// Hugo is the Hugo release whose rendering the preview and
	// `copydesk render` reproduce byte for byte.
	Hugo string `json:"hugo"`
}

// Current describes this build; hugo is the Hugo release the renderer follows
// (render.HugoVersion: passed in so this package depends on nothing).
func Current(hugo string) Info {
	return Info{Version: Version, Commit: Commit, Go: runtime.Version(), Hugo: hugo}
}
