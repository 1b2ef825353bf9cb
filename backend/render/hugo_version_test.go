package render_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"copydesk/backend/render"
)

// The version `copydesk version` names must be the Hugo the parity test
// compares against: a new Hugo in scripts/tools.sh without a new HugoVersion
// (or the reverse) fails here.
func TestHugoVersionIsTheParityReference(t *testing.T) {
	hugo := os.Getenv("HUGO")
	if hugo == "" {
		t.Skip("!!! HUGO is not set: the Hugo version check did NOT run. Run `make test`, or set HUGO=$(scripts/tools.sh hugo).")
	}
	out, err := exec.Command(hugo, "version").Output()
	if err != nil {
		t.Fatalf("%s version: %v", hugo, err)
	}
	// "hugo v0.165.0-<commit> linux/amd64 BuildDate=..." (or "hugo v0.165.0 ..." from go install).
	fields := strings.Fields(string(out))
	if len(fields) < 2 {
		t.Fatalf("unexpected `hugo version` output: %q", out)
	}
	got := strings.SplitN(fields[1], "-", 2)[0]
	got = strings.SplitN(got, "+", 2)[0]
	if got != render.HugoVersion {
		t.Fatalf("the parity test runs Hugo %s, but render.HugoVersion says %s (`hugo version`: %q)", got, render.HugoVersion, strings.TrimSpace(string(out)))
	}
}
