package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrOutside: the target path would lead outside the export folder.
var ErrOutside = errors.New("the path leads outside the export folder")

// Target resolves rel (a remembered relative path with "/" separators)
// under root. It refuses absolute paths, ".." components, and any existing
// symbolic link on the way: a link to a folder must stay inside root, and the
// file itself must not be a link (writing would replace the link, or write
// wherever it points).
func Target(root, rel string) (string, error) {
	if rel == "" {
		return "", errors.New("empty path")
	}
	native := filepath.FromSlash(rel)
	if filepath.IsAbs(native) || filepath.IsAbs(rel) || filepath.VolumeName(native) != "" || strings.HasPrefix(rel, "/") {
		return "", fmt.Errorf("%q is absolute: %w", rel, ErrOutside)
	}
	for _, part := range strings.Split(filepath.ToSlash(native), "/") {
		if part == ".." {
			return "", fmt.Errorf("%q climbs with ..: %w", rel, ErrOutside)
		}
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", fmt.Errorf("export folder %s: %s", Quote(root), describe(err))
	}
	target := filepath.Join(realRoot, native)
	if !within(realRoot, target) {
		return "", fmt.Errorf("%q: %w", rel, ErrOutside)
	}
	// Walk down the existing part of the path.
	cur := realRoot
	parts := strings.Split(filepath.ToSlash(filepath.Clean(native)), "/")
	for i, part := range parts {
		cur = filepath.Join(cur, part)
		info, err := os.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) {
			break
		}
		if err != nil {
			return "", fmt.Errorf("%s: %s", Quote(cur), describe(err))
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if i == len(parts)-1 {
			return "", fmt.Errorf("%q is a symbolic link; export does not write through links", rel)
		}
		dest, err := filepath.EvalSymlinks(cur)
		if err != nil {
			return "", fmt.Errorf("%s: %s", Quote(cur), describe(err))
		}
		if !within(realRoot, dest) {
			return "", fmt.Errorf("%q goes through a symbolic link to %s: %w", rel, Quote(dest), ErrOutside)
		}
	}
	return target, nil
}

func within(root, path string) bool {
	r, err := filepath.Rel(root, path)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}

// Disk says what is at an export target compared with what the library
// remembers of it.
type Disk int

const (
	DiskMissing  Disk = iota // nothing there: write
	DiskSame                 // already exactly the text to write: nothing to do
	DiskOurs                 // what was imported or last exported: safe to replace
	DiskConflict             // something else: someone changed it
	DiskNotAFile             // a folder or special file
)

// Inspect compares the file at target with the hashes of the text to write
// and of what was imported from and last exported to it.
func Inspect(target, newHash, importedHash, exportedHash string) (Disk, error) {
	info, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return DiskMissing, nil
	}
	if err != nil {
		return DiskConflict, errors.New(describe(err))
	}
	if !info.Mode().IsRegular() {
		return DiskNotAFile, nil
	}
	// Hash as it streams: a huge file there costs no memory.
	f, err := openRegular(target)
	if err != nil {
		return DiskConflict, err
	}
	defer f.Close()
	sum := sha256.New()
	if _, err := io.Copy(sum, f); err != nil {
		return DiskConflict, errors.New(describe(err))
	}
	h := hex.EncodeToString(sum.Sum(nil))
	switch {
	case h == newHash:
		return DiskSame, nil
	case h == importedHash || h == exportedHash:
		return DiskOurs, nil
	}
	return DiskConflict, nil
}

// WriteAtomic writes data to target so that a reader sees either the old
// file or the whole new one: a temporary file in the same folder, synced,
// then renamed over the target, then the folder synced. Missing folders are
// created. On any error the temporary file is removed and the target is
// untouched.
func WriteAtomic(target string, data []byte) error {
	if err := writeAtomic(target, data); err != nil {
		return err
	}
	return SyncDir(filepath.Dir(target))
}

// WriteAtomicNoDirSync is WriteAtomic without the final folder sync, for
// writing many files: the caller syncs each folder once (SyncDir) when done.
// The rename is atomic either way; the folder sync makes it survive a power
// cut.
func WriteAtomicNoDirSync(target string, data []byte) error { return writeAtomic(target, data) }

// SyncDir flushes a folder's entries (renames into it) to disk.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("cannot sync folder %s: %s", Quote(dir), describe(err))
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("cannot sync folder %s: %s", Quote(dir), describe(err))
	}
	return nil
}

func writeAtomic(target string, data []byte) error {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create folder %s: %s", Quote(dir), describe(err))
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(target); err == nil {
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".copydesk-*")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %s", Quote(dir), describe(err))
	}
	fail := func(what string, err error) error {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("%s %s: %s", what, Quote(target), describe(err))
	}
	if _, err := tmp.Write(data); err != nil {
		return fail("cannot write", err)
	}
	if err := tmp.Sync(); err != nil {
		return fail("cannot flush", err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail("cannot set permissions of", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cannot write %s: %s", Quote(target), describe(err))
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cannot replace %s: %s", Quote(target), describe(err))
	}
	return nil
}

func hashHex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// ReplaceIfUnchanged writes text over the file at path atomically (keeping
// its mode), but only while the file still holds old: an edit made since it
// was read is never lost. When path is a symbolic link the file it leads to
// is replaced and the link stays a link.
func ReplaceIfUnchanged(path string, old, text []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return errors.New(describe(err))
	}
	current, err := ReadFile(target, int64(len(old))+1)
	if err != nil && !errors.Is(err, ErrTooLarge) {
		return err
	}
	if err != nil || string(current) != string(old) {
		return ErrChanged
	}
	return WriteAtomic(target, text)
}

// ErrChanged: the file is not what was read before; it was left alone.
var ErrChanged = errors.New("changed on disk since it was read")
