// Package version holds the build's version string, set at link time with
// -ldflags "-X copydesk/backend/version.Version=...".
package version

// Version is overridden at link time; "dev" marks a local build.
var Version = "0.1.0-dev"

// String returns the version of this build.
func String() string { return Version }
