package citations

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"copydesk/backend/library"
	"copydesk/backend/pagemeta"
	"copydesk/backend/store"
)

// TextChangedBelow is the similarity under which a page's text counts as
// largely different from its capture. Similarity is the Jaccard index of the
// two texts' sets of 5-character shingles (letters and digits only, case
// folded, so spacing, punctuation and markup changes do not count). An
// article with a corrected sentence or an added update paragraph stays well
// above 0.5; a page replaced by another article, or by a stub, falls far
// below it.
const TextChangedBelow = 0.5

// shingleSize is the shingle length in characters: long enough that two
// unrelated Chinese or English texts share few, short enough that an edit
// disturbs only the shingles around it.
const shingleSize = 5

// Change compares a page with its capture.
type Change struct {
	// Headline: the title now differs from the captured one.
	Headline           bool
	OldTitle, NewTitle string
	// Text: the article's text is largely different (Similarity below
	// TextChangedBelow). Similarity is -1 when either text is empty.
	Text       bool
	Similarity float64
}

// Changed reports whether anything worth telling the editor changed.
func (c Change) Changed() bool { return c.Headline || c.Text }

// Compare tells how the page now (title, text) differs from its capture.
func Compare(oldTitle, oldText, newTitle, newText string) Change {
	ch := Change{OldTitle: oldTitle, NewTitle: newTitle, Similarity: -1}
	if o, n := normalizeTitle(oldTitle), normalizeTitle(newTitle); o != "" && n != "" && o != n {
		ch.Headline = true
	}
	a, b := shingles(oldText), shingles(newText)
	if len(a) > 0 && len(b) > 0 {
		common := 0
		for i, j := 0, 0; i < len(a) && j < len(b); {
			switch {
			case a[i] < b[j]:
				i++
			case a[i] > b[j]:
				j++
			default:
				common++
				i++
				j++
			}
		}
		ch.Similarity = float64(common) / float64(len(a)+len(b)-common)
		ch.Text = ch.Similarity < TextChangedBelow
	}
	return ch
}

func normalizeTitle(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// shingles is the set of shingleSize-rune windows over the letters and
// digits of text, case folded, as sorted distinct 64-bit FNV-1a hashes (a
// collision can only make two texts look a little more alike).
func shingles(text string) []uint64 {
	runes := make([]rune, 0, len(text)/2)
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			runes = append(runes, unicode.ToLower(r))
		}
	}
	if len(runes) == 0 {
		return nil
	}
	n := max(1, len(runes)-shingleSize+1)
	out := make([]uint64, n)
	for i := range n {
		h := uint64(14695981039346656037)
		for _, r := range runes[i:min(i+shingleSize, len(runes))] {
			h = (h ^ uint64(r)) * 1099511628211
		}
		out[i] = h
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// compareWithCapture fetches a verified page that was captured before and
// compares it with the capture; nil when there is no capture or the page
// cannot be read now.
func (s *Service) compareWithCapture(ctx context.Context, lib *library.Library, url string) *Change {
	captured, err := lib.Store().Capture(ctx, library.NormalizeURL(url))
	if err != nil {
		return nil
	}
	page := s.Checker().FetchPage(ctx, url, 0)
	if !page.Status.Verified() || page.Challenge {
		return nil
	}
	pageURL := page.FinalURL
	if pageURL == "" {
		pageURL = url
	}
	now, err := pagemeta.Extract(page.Body, page.ContentType, pageURL, pagemeta.Options{Outlets: s.opts.Profile.Outlets})
	if err != nil || now.Wall != "" {
		return nil
	}
	ch := Compare(captured.Title, captured.Text, now.Title, now.Text)
	// Kept with the capture, so the panel and the audit show it until the
	// next check.
	_ = lib.Store().RecordComparison(context.Background(), captured.NormURL, page.FetchedAt, now.Title, ch.Similarity)
	return &ch
}

// changeOf is the last stored comparison of a capture; nil when it was
// never compared.
func changeOf(c store.Capture) *Change {
	if c.ComparedAt.IsZero() {
		return nil
	}
	ch := Change{OldTitle: c.Title, NewTitle: c.PageTitle, Similarity: c.Similarity}
	ch.Headline = normalizeTitle(c.Title) != "" && normalizeTitle(c.PageTitle) != "" && normalizeTitle(c.Title) != normalizeTitle(c.PageTitle)
	ch.Text = c.Similarity >= 0 && c.Similarity < TextChangedBelow
	return &ch
}

// captureOf is the stored capture of url; nil when there is none.
func captureOf(ctx context.Context, lib *library.Library, url string) *store.Capture {
	c, err := lib.Store().Capture(ctx, library.NormalizeURL(url))
	if err != nil {
		return nil
	}
	return &c
}

// changesSince compares every verified, captured link of a check with its
// capture, once per URL.
func (s *Service) changesSince(ctx context.Context, lib *library.Library, links []CheckedLink) {
	seen := map[string]*Change{}
	for i := range links {
		l := &links[i]
		if !l.Result.Status.Verified() || ctx.Err() != nil {
			continue
		}
		key := library.NormalizeURL(l.URL)
		ch, done := seen[key]
		if !done {
			ch = s.compareWithCapture(ctx, lib, l.URL)
			seen[key] = ch
		}
		l.Change = ch
	}
}
