package app

import (
	"fmt"
	"os"
	"path/filepath"
)

// dbPathFromEnv resolves the library database: an explicit path wins, then
// COPYDESK_DB, then $XDG_DATA_HOME/copydesk/library.db (default
// ~/.local/share/copydesk/library.db). The folder is created; an unwritable
// folder is reported with what to do about it.
func dbPathFromEnv(explicit string) (string, error) {
	path := explicit
	if path == "" {
		path = os.Getenv("COPYDESK_DB")
	}
	if path == "" {
		data := os.Getenv("XDG_DATA_HOME")
		if data == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("cannot find the home folder for the library: set COPYDESK_DB or pass --db FILE")
			}
			data = filepath.Join(home, ".local", "share")
		}
		path = filepath.Join(data, "copydesk", "library.db")
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot create the data folder %s (%v): choose another with COPYDESK_DB or --db FILE", dir, err)
	}
	probe, err := os.CreateTemp(dir, ".copydesk-write-test-*")
	if err != nil {
		return "", fmt.Errorf("the data folder %s is not writable (%v): fix its permissions or choose another with COPYDESK_DB or --db FILE", dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return path, nil
}
