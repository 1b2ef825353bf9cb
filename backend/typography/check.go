package typography

import (
	"sort"

	"gopkg.in/yaml.v3"

	"copydesk/backend/article"
	"copydesk/backend/render"
)

// Check returns the typography findings of an article in file order. cfg is
// the site's Markdown configuration (nil: Hugo's defaults), which decides
// what is prose.
func Check(doc *article.Doc, s Settings, cfg *render.Config) []Finding {
	f := &finder{s: s}
	for _, bl := range blocks(doc, s, cfg) {
		f.check(bl)
	}
	// Front matter fixes are proven by reading the YAML again: all at once
	// (one parse for the usual case, where every one is fine), one by one
	// only when that fails.
	var inFM []int
	for i := range f.out {
		if f.out[i].Edits != nil && f.out[i].From < doc.BodyStart {
			inFM = append(inFM, i)
		}
	}
	if len(inFM) > 0 {
		var fs []Finding
		for _, i := range inFM {
			fs = append(fs, f.out[i])
		}
		if edits := Choose(fs); len(edits) != countEdits(fs) || !keepsFrontMatter(doc, s, edits) {
			for _, i := range inFM {
				if !keepsFrontMatter(doc, s, f.out[i].Edits) {
					f.out[i].Edits = nil
				}
			}
		}
	}
	sort.SliceStable(f.out, func(i, j int) bool { return f.out[i].From < f.out[j].From })
	return f.out
}

func countEdits(fs []Finding) int {
	n := 0
	for _, f := range fs {
		n += len(f.Edits)
	}
	return n
}

// keepsFrontMatter proves a front matter fix: the edited front matter must
// still read, with every prose key still a text value. The rules never touch
// YAML syntax by construction; this is the check that they did not.
func keepsFrontMatter(doc *article.Doc, s Settings, edits []Edit) bool {
	fixed, err := article.Parse(Apply(doc.Text, edits))
	if err != nil || fixed.YAML == nil || fixed.YAMLErr != nil {
		return false
	}
	for _, key := range s.FrontMatter {
		before, had := doc.Field(key)
		after, has := fixed.Field(key)
		if had != has {
			return false
		}
		if had && before.Value.Tag == "!!str" && (after.Value.Kind != yaml.ScalarNode || after.Value.Tag != "!!str") {
			return false
		}
	}
	return len(fixed.Keys()) == len(doc.Keys())
}

// Apply applies non-overlapping edits to text and returns the new text.
func Apply(text []byte, edits []Edit) []byte {
	es := append([]Edit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].From < es[j].From })
	out := make([]byte, 0, len(text)+16)
	last := 0
	for _, e := range es {
		if e.From < last || e.To < e.From || e.To > len(text) {
			continue
		}
		out = append(out, text[last:e.From]...)
		out = append(out, e.Insert...)
		last = e.To
	}
	return append(out, text[last:]...)
}

// Overlaps reports whether two edits touch the same bytes, or could not be
// applied together in a defined order (two insertions at one offset, an
// insertion at the edge of a replacement).
func Overlaps(a, b Edit) bool {
	if a.From == a.To || b.From == b.To {
		return a.From <= b.To && b.From <= a.To
	}
	return a.From < b.To && b.From < a.To
}

// MaxRounds bounds Fix: each round applies the fixes that do not overlap, and
// a fix can uncover another (`中文 ,` becomes `中文，` and only then ，，
// shows); real articles settle in two or three rounds.
const MaxRounds = 16

// Fix applies every certain typography fix to text until none is left and
// returns the result (text itself when there was nothing to fix).
func Fix(text []byte, s Settings, cfg *render.Config) ([]byte, error) {
	for round := 0; round < MaxRounds; round++ {
		doc, err := article.Parse(text)
		if err != nil {
			return nil, err
		}
		edits := Choose(Check(doc, s, cfg))
		if len(edits) == 0 {
			return text, nil
		}
		text = Apply(text, edits)
	}
	return text, nil
}

// Choose takes the fixes of findings in order, skipping any whose edits
// overlap one already taken, and returns their edits.
func Choose(fs []Finding) []Edit {
	var taken []Edit
next:
	for _, f := range fs {
		if len(f.Edits) == 0 {
			continue
		}
		for _, e := range f.Edits {
			for _, t := range taken {
				if Overlaps(e, t) {
					continue next
				}
			}
		}
		taken = append(taken, f.Edits...)
	}
	return taken
}
