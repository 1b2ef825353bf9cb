package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrTooLarge is what ReadFile's error for a file over its limit Is.
var ErrTooLarge = errors.New("file is too large")

type tooLargeError struct{ limit int64 }

func (e tooLargeError) Error() string        { return "file is larger than " + size(e.limit) }
func (e tooLargeError) Is(target error) bool { return target == ErrTooLarge }

// ErrNotRegular is ReadFile's error for a folder, FIFO, device or socket.
var ErrNotRegular = errors.New("not a regular file")

// ReadFile reads a regular file of at most limit bytes. It never blocks on a
// FIFO nor reads a device (both are refused as not a regular file before a
// byte is read), follows a symbolic link to a regular file, and stops at
// limit+1 bytes however large the file is or claims to be (a file may grow
// while it is read).
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, errors.New(describe(err))
	}
	if !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	tooLarge := tooLargeError{limit}
	if info.Size() > limit {
		return nil, tooLarge
	}
	// Sized from the stat: the file is read into one buffer instead of
	// one that doubles from 512 bytes (a bulk import reads thousands). A
	// file that grew since is still read whole, up to the limit.
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, errors.New(describe(err))
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, tooLarge
	}
	return data, nil
}

// openRegular opens path for reading without blocking on a FIFO: it refuses
// anything but a regular file before opening, and (where the system allows)
// opens non-blocking in case the file was swapped for a FIFO in between.
func openRegular(path string) (*os.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, errors.New(describe(err))
	}
	if !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, errors.New(describe(err))
	}
	return f, nil
}

func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
