// Package refarticle is for tests only: it gives them the reference article that defines the
// house style: ../shared/seeds/000_77146d4682ff964c.txt beside the repository
// root. A newcomer's clone has no ../shared, so tests that need it skip.
package refarticle

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Name is the reference article's file name under ../shared/seeds.
const Name = "000_77146d4682ff964c.txt"

// Path returns the reference article's path, or an error when the repository
// root (the folder with go.mod, found by walking up from the working
// directory) or the article is not there.
func Path() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("repository root (go.mod) not found above the working directory")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", "seeds", Name)
	if _, err := os.Stat(path); err != nil {
		return "", err
	}
	return path, nil
}

// Read returns the reference article's bytes, or skips the test when it is
// not available.
func Read(t testing.TB) []byte {
	t.Helper()
	path, err := Path()
	if err != nil {
		t.Skipf("reference article not available: %v", err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("reference article not readable: %v", err)
	}
	return b
}
