package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// tempName is the pattern of writeAtomic's temporary files:
// "." + the target's name + ".copydesk-" + os.CreateTemp's random digits.
var tempName = regexp.MustCompile(`^\..+\.copydesk-[0-9]+$`)

// RemoveStaleTemps removes, in dir only, the temporary files our atomic
// writes left behind when the process was killed mid-write: files named like
// ours and last modified before the run started (so a write in progress in
// another process is never touched). It returns how many it removed; a
// folder that does not exist has none.
func RemoveStaleTemps(dir string, before time.Time) (int, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, errors.New(describe(err))
	}
	removed := 0
	for _, e := range entries {
		if !e.Type().IsRegular() || !tempName.MatchString(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.ModTime().Before(before) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err == nil {
			removed++
		}
	}
	return removed, nil
}
