//go:build !(linux && desktop && webkit2_41)

package app

// Without the Linux desktop build there is no GTK menu to relabel (the
// command-line tools and the browser face have none).
func relabelNativeMenu([]string) {}

func runEditCommand(string) {}
