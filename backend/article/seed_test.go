package article

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// withLines returns text with whole lines replaced: line n (1-based) by the
// given lines (none deletes it; several insert). Lines carry their endings.
func withLines(text []byte, repl map[int][]string) []byte {
	var b bytes.Buffer
	for i, l := range splitLines(text) {
		if r, ok := repl[i+1]; ok {
			for _, x := range r {
				b.WriteString(x)
			}
			continue
		}
		b.WriteString(l)
	}
	return b.Bytes()
}

// TestSeedEditsTouchOnlyTheirLines proves on the reference article that each
// edit changes exactly the lines it is about, in LF and CRLF form.
func TestSeedEditsTouchOnlyTheirLines(t *testing.T) {
	seed := seedArticle(t)
	cst := time.FixedZone("", 8*3600)
	for _, crlf := range []bool{false, true} {
		text, nl := seed, "\n"
		if crlf {
			text, nl = toCRLF(seed), "\r\n"
		}
		lines := splitLines(text)
		tests := []struct {
			name string
			edit func([]byte) ([]byte, error)
			repl map[int][]string
		}{
			{"title", func(b []byte) ([]byte, error) {
				return SetString(b, "title", "Meta的AI豪赌：新标题", houseOrder)
			},
				map[int][]string{2: {"title: Meta的AI豪赌：新标题" + nl}}},
			{"draft", func(b []byte) ([]byte, error) { return SetBool(b, "draft", true, houseOrder) },
				map[int][]string{4: {"draft: true" + nl}}},
			{"date", func(b []byte) ([]byte, error) {
				return SetDate(b, "date", time.Date(2025, 6, 28, 8, 0, 0, 0, cst), houseOrder)
			}, map[int][]string{3: {"date: 2025-06-28T08:00:00+08:00" + nl}}},
			{"featured_image", func(b []byte) ([]byte, error) {
				return SetString(b, "featured_image", "images/meta.png", houseOrder)
			}, map[int][]string{5: {"featured_image: images/meta.png" + nl}}},
			{"tags append", func(b []byte) ([]byte, error) {
				tags, _ := mustParse(t, b).List("tags")
				return SetList(b, "tags", append(tags, "开源模型"), houseOrder)
			}, map[int][]string{15: {lines[14], "  - 开源模型" + nl}}},
			{"tags remove middle", func(b []byte) ([]byte, error) {
				tags, _ := mustParse(t, b).List("tags")
				return SetList(b, "tags", append(append([]string{}, tags[:3]...), tags[4:]...), houseOrder)
			}, map[int][]string{11: nil}},
			{"topics replace", func(b []byte) ([]byte, error) {
				return SetList(b, "main_topics", []string{"前沿模型与算法", "算力与芯片"}, houseOrder)
			}, map[int][]string{19: nil}},
			{"new key", func(b []byte) ([]byte, error) { return SetString(b, "slug", "meta-ai", append(houseOrder, "slug")) },
				map[int][]string{19: {lines[18], "slug: meta-ai" + nl}}},
			{"remove summary", func(b []byte) ([]byte, error) { return RemoveKey(b, "summary") },
				map[int][]string{6: nil}},
		}
		for _, tt := range tests {
			got, err := tt.edit(text)
			if err != nil {
				t.Fatalf("%s (crlf %v): %v", tt.name, crlf, err)
			}
			if want := withLines(text, tt.repl); !bytes.Equal(got, want) {
				t.Errorf("%s (crlf %v): changed other lines:\n%s", tt.name, crlf, firstDiff(got, want))
			}
		}
		if got, err := SetString(text, "title", mustString(t, text, "title"), houseOrder); err != nil || !bytes.Equal(got, text) {
			t.Errorf("SetString(title, same) changed the text (crlf %v): %v", crlf, err)
		}
	}
}

func mustString(t *testing.T, text []byte, key string) string {
	s, ok := mustParse(t, text).String(key)
	if !ok {
		t.Fatalf("no %s", key)
	}
	return s
}

func firstDiff(got, want []byte) string {
	g, w := splitLines(got), splitLines(want)
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\n got  " + strings.TrimSpace(a) + "\n want " + strings.TrimSpace(b)
		}
	}
	return "(same)"
}
