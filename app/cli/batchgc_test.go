package cli

import (
	"runtime/debug"
	"testing"
)

func TestBatchGCSetsAndRestores(t *testing.T) {
	percentBefore := debug.SetGCPercent(100)
	debug.SetGCPercent(percentBefore)
	limitBefore := debug.SetMemoryLimit(-1) // -1 reads without changing
	none := func(string) (string, bool) { return "", false }
	restore := batchGCWith(none)
	if got := debug.SetMemoryLimit(-1); got != batchHeapLimit {
		t.Errorf("memory limit during the batch: %d, want %d", got, batchHeapLimit)
	}
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GC percent during the batch: %d, want -1 (off)", got)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != limitBefore {
		t.Errorf("memory limit after: %d, want %d", got, limitBefore)
	}
	if got := debug.SetGCPercent(percentBefore); got != percentBefore {
		t.Errorf("GC percent after: %d, want %d", got, percentBefore)
	}

	for _, v := range []string{"GOGC", "GOMEMLIMIT"} {
		user := func(k string) (string, bool) { return "200", k == v }
		restore := batchGCWith(user)
		if got := debug.SetGCPercent(percentBefore); got != percentBefore {
			t.Errorf("%s set by the user: GC percent changed to %d", v, got)
		}
		if got := debug.SetMemoryLimit(-1); got != limitBefore {
			t.Errorf("%s set by the user: memory limit changed to %d", v, got)
		}
		restore()
	}
}
