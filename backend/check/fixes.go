package check

import (
	"errors"
	"time"
)

// TEMPORARY until backend/article's lossless edits land.
var errNoEdit = errors.New("edit not available")

func setBool(text []byte, key string, v bool, order []string) ([]byte, error) { return nil, errNoEdit }
func setList(text []byte, key string, items []string, order []string) ([]byte, error) {
	return nil, errNoEdit
}
func setDate(text []byte, key string, t time.Time, order []string) ([]byte, error) {
	return nil, errNoEdit
}
