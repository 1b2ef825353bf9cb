package pagemeta

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.json and RULES.md from the current output")

// golden is testdata/NAME.json beside testdata/NAME.html.
type golden struct {
	URL         string `json:"url"`
	ContentType string `json:"content_type"`
	// Encode names the encoding the test encodes the UTF-8 source in
	// before extraction (the fixture is kept readable in UTF-8).
	Encode string `json:"encode,omitempty"`
	// TextHas and TextLacks are phrases the article text must and must
	// not contain (page furniture, scripts).
	TextHas   []string `json:"text_has,omitempty"`
	TextLacks []string `json:"text_lacks,omitempty"`
	Want      want     `json:"want"`
}

type want struct {
	Title       string   `json:"title"`
	Outlet      string   `json:"outlet"`
	Authors     []string `json:"authors"`
	Published   string   `json:"published"`
	PublishedAt string   `json:"published_at"`
	Modified    string   `json:"modified"`
	Language    string   `json:"language"`
	Canonical   string   `json:"canonical"`
	Evidence    Evidence `json:"evidence"`
	Warnings    []string `json:"warnings"`
	Wall        string   `json:"wall"`
	Charset     string   `json:"charset"`
}

func dayString(d *Day) string {
	if d == nil {
		return ""
	}
	return d.Format("YYYY-MM-DD")
}

func toWant(p *Page) want {
	w := want{
		Title: p.Title, Outlet: p.Outlet, Authors: p.Authors, Published: dayString(p.Published),
		PublishedAt: p.PublishedAt, Modified: dayString(p.Modified), Language: p.Language,
		Canonical: p.Canonical, Evidence: p.Evidence, Warnings: p.Warnings, Wall: p.Wall, Charset: p.Charset,
	}
	if w.Authors == nil {
		w.Authors = []string{}
	}
	if w.Warnings == nil {
		w.Warnings = []string{}
	}
	return w
}

var encoders = map[string]encoding.Encoding{
	"gbk":       simplifiedchinese.GBK,
	"gb18030":   simplifiedchinese.GB18030,
	"big5":      traditionalchinese.Big5,
	"shift_jis": japanese.ShiftJIS,
	"euc-kr":    korean.EUCKR,
}

// fixtureBytes reads a fixture, encoding it when its golden says so.
func fixtureBytes(t testing.TB, name string, g golden) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name+".html"))
	if err != nil {
		t.Fatal(err)
	}
	if g.Encode == "" {
		return src
	}
	enc, ok := encoders[g.Encode]
	if !ok {
		t.Fatalf("%s.json: unknown encode %q", name, g.Encode)
	}
	out, err := enc.NewEncoder().Bytes(src)
	if err != nil {
		t.Fatalf("%s.html cannot be encoded in %s: %v", name, g.Encode, err)
	}
	return out
}

func loadGoldens(t testing.TB) map[string]golden {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	out := map[string]golden{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g golden
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = g
	}
	return out
}

// TestFixtures extracts every fixture page and compares each field, its
// evidence and the warnings with the golden file.
func TestFixtures(t *testing.T) {
	goldens := loadGoldens(t)
	names := make([]string, 0, len(goldens))
	for n := range goldens {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) < 20 {
		t.Errorf("only %d fixtures; the extractor is specified against at least 20", len(names))
	}
	for _, name := range names {
		g := goldens[name]
		t.Run(name, func(t *testing.T) {
			p, err := Extract(fixtureBytes(t, name, g), g.ContentType, g.URL, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := toWant(p)
			if *update {
				g.Want = got
				var b bytes.Buffer
				enc := json.NewEncoder(&b)
				enc.SetEscapeHTML(false) // keep "<title>" readable in evidence
				enc.SetIndent("", "  ")
				if err := enc.Encode(g); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join("testdata", name+".json"), b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			compareWant(t, got, g.Want)
			for _, s := range g.TextHas {
				if !strings.Contains(p.Text, s) {
					t.Errorf("text lacks %q; text:\n%s", s, p.Text)
				}
			}
			for _, s := range g.TextLacks {
				if strings.Contains(p.Text, s) {
					t.Errorf("text contains %q (page furniture or script); text:\n%s", s, p.Text)
				}
			}
		})
	}
}

func compareWant(t *testing.T, got, exp want) {
	t.Helper()
	gv, ev := reflect.ValueOf(got), reflect.ValueOf(exp)
	for i := 0; i < gv.NumField(); i++ {
		f := gv.Type().Field(i).Name
		if f == "Evidence" {
			ge, ee := reflect.ValueOf(got.Evidence), reflect.ValueOf(exp.Evidence)
			for j := 0; j < ge.NumField(); j++ {
				if a, b := ge.Field(j).String(), ee.Field(j).String(); a != b {
					t.Errorf("evidence %s: got %q, want %q", ge.Type().Field(j).Name, a, b)
				}
			}
			continue
		}
		if a, b := gv.Field(i).Interface(), ev.Field(i).Interface(); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: got %#v, want %#v", f, a, b)
		}
	}
}
