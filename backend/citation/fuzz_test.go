package citation

import (
	"reflect"
	"testing"
)

// FuzzParse: Parse never panics, and any citation it accepts writes back to
// a line that reads as the same citation.
func FuzzParse(f *testing.F) {
	for _, line := range houseLines {
		f.Add(line)
	}
	f.Add("[标题](https://example.com/a)·新华社（2025/06/07）")
	f.Add("[t](u)·O（x）检索日期）")
	f.Add("[a\\]b](https://e.com/\\)x)·O·, ,（2025/2/30）·检索日期2025/13/1")
	st := DefaultStyle()
	f.Fuzz(func(t *testing.T, line string) {
		c, err := Parse(line, st)
		if err != nil {
			return
		}
		out := Format(c, st)
		again, err := Parse(out, st)
		if err != nil {
			t.Fatalf("Format output does not parse: %q from %q: %v", out, line, err)
		}
		if !reflect.DeepEqual(c, again) {
			t.Fatalf("round trip differs for %q\nfirst  %#v\nsecond %#v\nformatted %q", line, c, again, out)
		}
		if Format(again, st) != out {
			t.Fatalf("Format not stable for %q", line)
		}
	})
}
