package samples

import (
	"bytes"
	"testing"

	"copydesk/backend/article"
	"copydesk/backend/citation"
)

func TestArticleIsHouseStyle(t *testing.T) {
	for _, i := range []int{0, 1, 77, 9999} {
		text := Article(i)
		if !bytes.Equal(text, Article(i)) {
			t.Fatal("not deterministic")
		}
		if len(text) < 5000 || len(text) > 10000 {
			t.Errorf("article %d is %d bytes, want about 7 KB", i, len(text))
		}
		doc, err := article.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		if doc.YAML == nil {
			t.Fatalf("article %d: front matter: %v", i, doc.YAMLErr)
		}
		for _, key := range []string{"title", "date", "draft", "summary"} {
			if _, ok := doc.String(key); !ok {
				t.Errorf("article %d: no %s", i, key)
			}
		}
		if len(doc.Defs) != 5 || len(doc.Refs) == 0 {
			t.Errorf("article %d: %d defs %d refs", i, len(doc.Defs), len(doc.Refs))
		}
		for _, d := range doc.Defs {
			if _, err := citation.Parse(d.Content, citation.DefaultStyle()); err != nil {
				t.Errorf("article %d [^%s]: %v", i, d.Label, err)
			}
		}
	}
}
