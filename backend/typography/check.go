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
	f := &finder{s: s, text: doc.Text}
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

// EditSet collects edits that can be applied together: none touches the
// bytes of another, and no insertion sits inside or at the edge of another
// edit (the order of the two would be undefined). Checking an edit costs its
// own length, so choosing among many thousand findings stays linear.
type EditSet struct {
	covered []bool // bytes replaced by an accepted edit
	ins     []bool // offsets where an accepted edit inserts without replacing
}

// NewEditSet is an empty set for a text of size bytes.
func NewEditSet(size int) *EditSet {
	return &EditSet{covered: make([]bool, size+1), ins: make([]bool, size+1)}
}

// Fits reports whether e can join the set.
func (s *EditSet) Fits(e Edit) bool {
	if e.From < 0 || e.To < e.From || e.To >= len(s.covered) {
		return false
	}
	if e.From == e.To {
		return !s.ins[e.From] && !s.covered[e.From] && (e.From == 0 || !s.covered[e.From-1])
	}
	for i := e.From; i < e.To; i++ {
		if s.covered[i] || s.ins[i] {
			return false
		}
	}
	return !s.ins[e.To]
}

// Add puts e in the set (call Fits first).
func (s *EditSet) Add(e Edit) {
	if e.From == e.To {
		s.ins[e.From] = true
		return
	}
	for i := e.From; i < e.To; i++ {
		s.covered[i] = true
	}
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

// Choose takes the fixes of findings in order, each whole or not at all,
// skipping any with an edit that overlaps one already taken, and returns
// their edits.
func Choose(fs []Finding) []Edit {
	size := 0
	for _, f := range fs {
		for _, e := range f.Edits {
			size = max(size, e.To)
		}
	}
	set := NewEditSet(size)
	var taken []Edit
next:
	for _, f := range fs {
		if len(f.Edits) == 0 {
			continue
		}
		for _, e := range f.Edits {
			if !set.Fits(e) {
				continue next
			}
		}
		for _, e := range f.Edits {
			set.Add(e)
		}
		taken = append(taken, f.Edits...)
	}
	return taken
}
