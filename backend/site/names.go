package site

import "strings"

// windowsReserved are device names Windows refuses as file names, whatever
// the case and whatever the extension ("con.md", "Aux.tar.gz"). Sites are
// checked out on Windows too, so no file is ever given one.
var windowsReserved = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true}

// PortableStem makes a file name stem (the name before ".md") safe on every
// system a site is checked out on: a Windows device name gets a leading
// underscore ("con" → "_con", so the file is "_con.md"); others are kept.
func PortableStem(stem string) string {
	first, _, _ := strings.Cut(stem, ".")
	if windowsReserved[strings.ToLower(strings.TrimRight(first, " "))] {
		return "_" + stem
	}
	return stem
}
