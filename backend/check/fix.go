package check

import (
	"bytes"
	"sort"
	"strings"

	"copydesk/backend/article"
	"copydesk/backend/profile"
	"copydesk/backend/render"
	"copydesk/backend/site"
	"copydesk/backend/typography"
)

// MaxFixRounds bounds FixText. Each round applies every quick fix that does
// not overlap another and checks again, because one fix can uncover another
// (`中文 ,` becomes `中文，`, and only then is a doubled ，， visible); real
// articles settle in two or three rounds. A file with more than MaxPerCode
// findings of one code needs a round per MaxPerCode of them, hence the margin.
const MaxFixRounds = 64

// FixText applies every quick fix whose code starts with only ("" for all
// codes) to text, round after round until no fix is left, and returns the
// fixed text, the diagnostics whose fixes were applied (positions in the
// text of the round that fixed them) and the diagnostics of those codes that
// remain (the ones no certain fix exists for). Only diagnostics that carry a
// Fix are applied, and a Fix is only given when it is certain. The error is
// an *article.ReadError when text is not an article at all.
func FixText(text []byte, p *profile.Profile, opt Options, only string) (fixed []byte, applied, remaining []Diagnostic, err error) {
	return fixTracked(text, p, opt, only)
}

func filterCode(ds []Diagnostic, prefix string) []Diagnostic {
	if prefix == "" {
		return ds
	}
	out := ds[:0:0]
	for _, d := range ds {
		if strings.HasPrefix(d.Code, prefix) {
			out = append(out, d)
		}
	}
	return out
}

// chooseFixes takes the fixes in file order, each whole or not at all,
// skipping a fix with an edit that overlaps one already taken (it is tried
// again in the next round, against the text the others produced).
func chooseFixesTracked(ds []Diagnostic) (taken []Edit, used []Diagnostic) {
	sorted := append([]Diagnostic(nil), ds...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Offset < sorted[j].Offset })
	size := 0
	for _, d := range sorted {
		if d.Fix != nil {
			for _, e := range d.Fix.Edits {
				size = max(size, e.To)
			}
		}
	}
	set := typography.NewEditSet(size)
next:
	for _, d := range sorted {
		if d.Fix == nil || len(d.Fix.Edits) == 0 {
			continue
		}
		for _, e := range d.Fix.Edits {
			if !set.Fits(typography.Edit(e)) {
				continue next
			}
		}
		for _, e := range d.Fix.Edits {
			set.Add(typography.Edit(e))
		}
		taken = append(taken, d.Fix.Edits...)
		used = append(used, d)
	}
	return taken, used
}

// FileFix is the outcome of fixing one file: its text before and after, the
// diagnostics whose fixes were applied (positions in the text of the round
// that fixed them), and those that remain. Err is set when the file or its
// profile could not be read; then nothing else is.
type FileFix struct {
	Path      string
	Old, New  []byte
	Fixed     []Diagnostic
	Remaining []Diagnostic
	Err       error
}

// FixFiles runs FixText over files, each with its own profile (or
// opt.Profile) and its site's Markdown configuration, as Files checks them.
// Nothing is written: the caller decides (copydesk fix writes atomically).
func FixFiles(files []string, opt FilesOptions, only string) []FileFix {
	profiles := &profileCache{byDir: map[string]profileEntry{}, bySite: map[string]*render.Config{}}
	out := make([]FileFix, 0, len(files))
	for _, path := range files {
		res := FileFix{Path: path}
		p, cfg, err := profiles.forFile(path, opt.Profile)
		if err == nil {
			res.Old, err = site.ReadFile(path, article.MaxSize)
		}
		if err != nil {
			res.Err = err
			out = append(out, res)
			continue
		}
		o := Options{Today: opt.Today, Now: opt.Now, Lang: opt.Lang, Render: cfg}
		res.New, res.Fixed, res.Remaining, res.Err = fixTracked(res.Old, p, o, only)
		// Later rounds fix what earlier ones uncovered; list them in file order.
		sort.SliceStable(res.Fixed, func(i, j int) bool {
			a, b := res.Fixed[i], res.Fixed[j]
			return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
		})
		out = append(out, res)
	}
	return out
}

// fixTracked is FixText that also returns the diagnostics it fixed.
func fixTracked(text []byte, p *profile.Profile, opt Options, only string) (fixed []byte, applied, remaining []Diagnostic, err error) {
	fixed = text
	for round := 0; ; round++ {
		ds, err := Text(fixed, p, opt)
		if err != nil {
			return nil, nil, nil, err
		}
		ds = filterCode(ds, only)
		edits, used := chooseFixesTracked(ds)
		if len(edits) == 0 || round == MaxFixRounds {
			return fixed, applied, ds, nil
		}
		next := Apply(fixed, &Fix{Edits: edits})
		if bytes.Equal(next, fixed) {
			return fixed, applied, ds, nil
		}
		applied = append(applied, used...)
		fixed = next
	}
}
