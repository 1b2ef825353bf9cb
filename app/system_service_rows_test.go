package app

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// RowsShown writes its marker once, with the row count and the time since
// the process started; later calls (a filter, a reload) leave it alone.
func TestRowsShownWritesTheMarkerOnce(t *testing.T) {
	marker := filepath.Join(t.TempDir(), "rows")
	t.Setenv("COPYDESK_ROWS_FILE", marker)
	s := newSystemService("")
	if err := s.RowsShown(15); err != nil {
		t.Fatal(err)
	}
	if err := s.RowsShown(3); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(marker)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^rows 15 after [0-9]+ ms\n$`).Match(got) {
		t.Errorf("marker = %q, want \"rows 15 after N ms\\n\"", got)
	}
}
