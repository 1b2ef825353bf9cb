package library

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrNotOpened is wrapped by OpenFile's errors: the file has no draft to open.
var ErrNotOpened = errors.New("cannot open the file")

// Opened is the draft a file opened from the desktop (a double click in the
// file manager, `copydesk article.md`) maps to.
type Opened struct {
	ID int64
	// Conflict is set when the file and its draft both changed since the
	// last import: the draft is opened as it is and the file left alone
	// (the same rule as a folder import).
	Conflict string
}

// OpenFile imports one file (see Import: unchanged files change nothing, a
// changed file updates its draft) and returns the draft it maps to, so
// opening the same file twice opens one draft, not two copies.
func (l *Library) OpenFile(ctx context.Context, path string) (Opened, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Opened{}, fmt.Errorf("%w %s: %v", ErrNotOpened, path, err)
	}
	// A folder would be imported whole and then match no single draft.
	if info, err := os.Stat(abs); err == nil && info.IsDir() {
		return Opened{}, fmt.Errorf("%w %s: it is a folder (import folders from the library)", ErrNotOpened, path)
	}
	res, err := l.Import(ctx, []string{abs}, nil)
	if err != nil {
		return Opened{}, err
	}
	if len(res.Failed) > 0 {
		return Opened{}, fmt.Errorf("%w %s: %s", ErrNotOpened, path, res.Failed[0].Reason)
	}
	index, err := l.st.PathIndex(ctx)
	if err != nil {
		return Opened{}, err
	}
	// A single file is remembered by its base name (site.Collect).
	state, ok := index[filepath.Base(abs)]
	if !ok {
		return Opened{}, fmt.Errorf("%w %s: no draft has this path after the import", ErrNotOpened, path)
	}
	out := Opened{ID: state.ID}
	if len(res.Conflicts) > 0 {
		out.Conflict = res.Conflicts[0].Reason
	}
	return out, nil
}
