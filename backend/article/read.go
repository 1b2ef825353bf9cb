package article

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// MaxSize is the largest article accepted, in bytes. Larger files are refused
// so that a stray binary or log file cannot make the app allocate without bound.
const MaxSize = 10 << 20

// The reasons a ReadError gives; test them with errors.Is.
var (
	ErrTooLarge    = errors.New("file is larger than 10 MB")
	ErrBinary      = errors.New("file is binary (contains NUL bytes)")
	ErrInvalidUTF8 = errors.New("file is not valid UTF-8")
)

// ReadError says the text cannot be read as an article at all. Offset is the
// first offending byte; Line and Column locate it (0 when not meaningful, as
// for ErrTooLarge). Err is one of ErrTooLarge, ErrBinary, ErrInvalidUTF8.
type ReadError struct {
	Offset, Line, Column int
	Err                  error
}

func (e *ReadError) Error() string {
	if e.Line == 0 {
		return e.Err.Error()
	}
	return fmt.Sprintf("line %d, column %d: %v (byte offset %d)", e.Line, e.Column, e.Err, e.Offset)
}

func (e *ReadError) Unwrap() error { return e.Err }

// validate refuses text that cannot be an article. It runs before anything
// else looks at the bytes, so later code may assume valid UTF-8 without NULs.
func validate(text []byte) error {
	if len(text) > MaxSize {
		return &ReadError{Offset: MaxSize, Err: ErrTooLarge}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				return readErrorAt(text, i, ErrBinary)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size == 1 {
			return readErrorAt(text, i, ErrInvalidUTF8)
		}
		i += size
	}
	return nil
}

func readErrorAt(text []byte, offset int, err error) *ReadError {
	line, col := position(text, bomLen(text), offset)
	return &ReadError{Offset: offset, Line: line, Column: col, Err: err}
}

// position computes a 1-based line and code-point column without a line
// table; it is for the rare error path. Invalid bytes count as one column.
func position(text []byte, bom, offset int) (line, col int) {
	line, lineStart := 1, bom
	if offset < bom {
		offset = bom
	}
	for i := bom; i < offset && i < len(text); i++ {
		if text[i] == '\n' {
			line++
			lineStart = i + 1
		}
	}
	return line, utf8.RuneCount(text[lineStart:offset]) + 1
}

func bomLen(text []byte) int {
	if len(text) >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF {
		return 3
	}
	return 0
}
