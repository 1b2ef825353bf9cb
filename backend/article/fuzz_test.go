package article

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func addTextSeeds(f *testing.F) {
	house := fixture(f, "house.md")
	f.Add(house)
	f.Add(toCRLF(house))
	f.Add(append([]byte("\ufeff"), house...))
	f.Add([]byte(editBase))
	f.Add([]byte("---\ntitle: [\n---\n正文[^1]\n"))
	f.Add([]byte("+++\ntitle = 'x'\n+++\n"))
	f.Add([]byte("{\"title\": \"}\"}\n正文"))
	f.Add([]byte("---\na: &a [x]\nb: *a\nc: |+\n  x\n\n---\n"))
	f.Add([]byte("- a\n\n    [^1] code\n``[^2]`` `x\n```\n[^3]\n```\n> [^4]: q\n"))
}

// FuzzParse: Parse never panics, and everything it reports is consistent
// with the text: the split joins back, ranges are in bounds and say what
// their fields say.
func FuzzParse(f *testing.F) {
	addTextSeeds(f)
	f.Fuzz(func(t *testing.T, text []byte) {
		d, err := Parse(text)
		if err != nil {
			var re *ReadError
			if !errors.As(err, &re) {
				t.Fatalf("error is not a ReadError: %v", err)
			}
			return
		}
		bom := bomLen(text)
		if !(bom <= d.FMStart && d.FMStart <= d.FMEnd && d.FMEnd <= d.BodyStart && d.BodyStart <= len(text)) {
			t.Fatalf("offsets %d %d %d", d.FMStart, d.FMEnd, d.BodyStart)
		}
		joined := append(append(append([]byte{}, text[:d.FMStart]...), d.FrontMatter()...), text[d.FMEnd:]...)
		if !bytes.Equal(joined, text) || !bytes.Equal(d.Body(), text[d.BodyStart:]) {
			t.Fatal("split does not join back")
		}
		if d.YAML != nil && d.YAMLErr != nil {
			t.Fatal("YAML and YAMLErr both set")
		}
		for _, r := range d.Refs {
			if r.Start < d.BodyStart || r.End > len(text) || string(text[r.Start:r.End]) != "[^"+r.Label+"]" {
				t.Fatalf("ref %+v", r)
			}
			line, col := d.Pos(r.Start)
			if d.Offset(line, col) != r.Start {
				t.Fatalf("Offset(Pos(%d)) = %d", r.Start, d.Offset(line, col))
			}
		}
		for _, df := range d.Defs {
			if df.Start < d.BodyStart || string(text[df.LabelStart:df.LabelEnd]) != df.Label ||
				df.ContentStart > df.End || string(text[df.ContentStart:df.End]) != df.Content {
				t.Fatalf("def %+v", df)
			}
		}
		for _, k := range d.Keys() {
			fl, ok := d.Field(k)
			if !ok || fl.ValueStart > fl.ValueEnd || fl.ValueStart < d.FMStart || fl.ValueEnd > d.FMEnd {
				t.Fatalf("field %s: %+v", k, fl)
			}
		}
		Count(d.Body())
		out, err := Renumber(text)
		if err != nil {
			t.Fatal(err)
		}
		a := mustParse(t, out)
		if len(a.Defs) != len(d.Defs) {
			t.Fatalf("Renumber changed the number of definitions %d -> %d", len(d.Defs), len(a.Defs))
		}
		if !bytes.Equal(a.Text[:a.BodyStart], text[:d.BodyStart]) {
			t.Fatal("Renumber changed the front matter")
		}
	})
}

var fuzzKeys = []string{"title", "date", "draft", "featured_image", "summary", "tags", "main_topics", "notes", "slug"}

// FuzzSetString: on well-formed articles, setting any key to any text
// succeeds, reads back, and leaves every other key and the body untouched.
func FuzzSetString(f *testing.F) {
	for _, v := range []string{"新的标题", "", "true", "2025", "a: b", "# x", "- y", "'q'", "\"d\"", "多\n行\n", "\t", "\x00", "\ufeff", "~", "é", "[a]", " 前后空格 "} {
		f.Add(v, uint8(len(v)))
	}
	bases := [][]byte{fixture(f, "house.md"), toCRLF(fixture(f, "house.md")), []byte(editBase), []byte("正文\n")}
	f.Fuzz(func(t *testing.T, value string, pick uint8) {
		if !utf8.ValidString(value) {
			return
		}
		base := bases[int(pick)%len(bases)]
		key := fuzzKeys[int(pick/4)%len(fuzzKeys)]
		out, err := SetString(base, key, value, houseOrder)
		if err != nil {
			t.Fatalf("SetString(%s, %q): %v", key, value, err)
		}
		checkOnlyKeyChanged(t, base, out, key)
		if got, ok := mustParse(t, out).String(key); got != value || (!ok && value != "") {
			t.Fatalf("reads back %q", got)
		}
	})
}

// FuzzSetList: the same for lists, block and flow, items split on "|".
func FuzzSetList(f *testing.F) {
	for _, v := range []string{"算力租赁|GPU|数据中心", "GPU", "", "a, b|[c]|# d", "yes|no|2025-01-01", "多\n行|x", "GPU|算力租赁"} {
		f.Add(v, uint8(len(v)))
	}
	bases := [][]byte{fixture(f, "house.md"), toCRLF(fixture(f, "house.md")), []byte(editBase)}
	f.Fuzz(func(t *testing.T, joined string, pick uint8) {
		if !utf8.ValidString(joined) {
			return
		}
		items := strings.Split(joined, "|")
		if joined == "" {
			items = nil
		}
		base := bases[int(pick)%len(bases)]
		key := []string{"tags", "main_topics", "keywords"}[int(pick/4)%3]
		out, err := SetList(base, key, items, houseOrder)
		if err != nil {
			t.Fatalf("SetList(%s, %q): %v", key, items, err)
		}
		checkOnlyKeyChanged(t, base, out, key)
		if got, ok := mustParse(t, out).List(key); !ok || !equalStrings(got, items) {
			t.Fatalf("reads back %q", got)
		}
	})
}

// FuzzEditAnyText: on arbitrary text an edit may refuse, but what it returns
// parses and changes nothing but the key.
func FuzzEditAnyText(f *testing.F) {
	addTextSeeds(f)
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, key := range []string{"title", "tags"} {
			var out []byte
			var err error
			if key == "tags" {
				out, err = SetList(text, key, []string{"算力", "GPU"}, houseOrder)
			} else {
				out, err = SetString(text, key, "新标题: 副标题", houseOrder)
			}
			if err != nil {
				continue
			}
			if d := mustParse(t, text); d.Format == FormatNone {
				continue // a front matter block was added in front of the text
			}
			checkOnlyKeyChanged(t, text, out, key)
		}
	})
}

// checkOnlyKeyChanged: out parses, and every other key's value source and
// the body are byte-identical to before.
func checkOnlyKeyChanged(t *testing.T, before, out []byte, key string) {
	t.Helper()
	b, a := mustParse(t, before), mustParse(t, out)
	if a.YAMLErr != nil {
		t.Fatalf("result does not parse: %v\n%s", a.YAMLErr, out)
	}
	if !bytes.Equal(a.Body(), b.Body()) {
		t.Fatal("body changed")
	}
	for _, k := range b.Keys() {
		if k == key {
			continue
		}
		fb, _ := b.Field(k)
		fa, ok := a.Field(k)
		if !ok || string(b.Text[fb.ValueStart:fb.ValueEnd]) != string(a.Text[fa.ValueStart:fa.ValueEnd]) {
			t.Fatalf("key %s changed", k)
		}
	}
	if got, want := len(a.Keys()), len(b.Keys()); got != want && got != want+1 {
		t.Fatalf("keys %d -> %d", want, got)
	}
}
