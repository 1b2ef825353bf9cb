package library

import (
	"strings"
	"testing"
)

func TestImportUploadsRefusesByName(t *testing.T) {
	l := newLibrary(t)
	text := houseArticle("上传", false)
	res, err := l.ImportUploads(ctx, []Upload{
		{Name: "posts\\a.md", Text: text},
		{Name: "posts/a.md", Text: text + "另一份"},
		{Name: "../escape.md", Text: text},
		{Name: "/abs.md", Text: text},
		{Name: ".drafts/b.md", Text: text},
		{Name: "notes.txt", Text: text},
		{Name: "c.MD", Text: houseArticle("大写扩展名", true)},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 7 || res.Created != 2 || len(res.Failed) != 5 {
		t.Fatalf("every upload once: %+v", res)
	}
	reasons := map[string]string{}
	for _, f := range res.Failed {
		reasons[f.Path] = f.Reason
	}
	for name, want := range map[string]string{
		"posts/a.md":   "same name as posts\\a.md",
		"../escape.md": "not a plain relative file name",
		"/abs.md":      "not a plain relative file name",
		".drafts/b.md": "hidden",
		"notes.txt":    "not a Markdown file",
	} {
		if !strings.Contains(reasons[name], want) {
			t.Errorf("%s: %q, want %q", name, reasons[name], want)
		}
	}
	list, err := l.List(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]bool{}
	for _, d := range list {
		paths[d.Path] = true
	}
	if !paths["posts/a.md"] || !paths["c.MD"] || len(paths) != 2 {
		t.Fatalf("remembered paths: %v", paths)
	}
}
