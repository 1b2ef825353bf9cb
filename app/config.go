package app

import (
	"fmt"
	"os"
	"path/filepath"

	"copydesk/backend/library"
)

// dbPathFromEnv resolves the library database the way every command does
// (library.ResolvePath: --db, then COPYDESK_DB, then the XDG data folder),
// creates its folder and proves it writable, so that an unwritable data folder
// is one clear line at start-up rather than a failure at the first save.
func dbPathFromEnv(explicit string) (string, error) {
	path, err := library.ResolvePath(explicit)
	if err != nil {
		return "", err
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
