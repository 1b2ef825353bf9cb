package hugoconfig

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/backend/render"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadMarkupNoConfigIsDefault(t *testing.T) {
	cfg, notes, err := LoadMarkup(t.TempDir())
	if err != nil || len(notes) != 0 || cfg != render.Default() {
		t.Fatalf("cfg %+v notes %v err %v", cfg, notes, err)
	}
}

func TestLoadMarkupTOMLKeysAnyCase(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "hugo.toml"), `
title = "站点"
[Markup.Goldmark.Extensions.CJK]
Enable = true
escapedspace = true
[markup.goldmark.renderer]
unsafe = true
hardWraps = true
[markup.goldmark.parser]
autoHeadingIDType = "github-ascii"
[markup.goldmark.parser.attribute]
block = true
[markup.goldmark.extensions.footnote]
backlinkHTML = "↩"
[markup.highlight]
style = "dracula"
noClasses = false
lineNos = "table"
tabWidth = 8
`)
	cfg, notes, err := LoadMarkup(dir)
	if err != nil || len(notes) != 0 {
		t.Fatalf("notes %v err %v", notes, err)
	}
	want := render.Default()
	want.Goldmark.Extensions.CJK.Enable = true
	want.Goldmark.Extensions.CJK.EscapedSpace = true
	want.Goldmark.Renderer.Unsafe = true
	want.Goldmark.Renderer.HardWraps = true
	want.Goldmark.Parser.AutoIDType = render.AutoIDGitHubASCII
	want.Goldmark.Parser.Attribute.Block = true
	want.Goldmark.Extensions.Footnote.BacklinkHTML = "↩"
	want.Highlight.Style = "dracula"
	want.Highlight.NoClasses = false
	want.Highlight.LineNos = "table"
	want.Highlight.TabWidth = 8
	if cfg != want {
		t.Fatalf("got  %+v\nwant %+v", cfg, want)
	}
}

func TestLoadMarkupUnknownSettingsAreNotes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "hugo.yaml"), `
enableEmoji: true
markup:
  defaultMarkdownHandler: pandoc
  goldmark:
    extensions:
      passthrough:
        enable: true
      extras:
        mark:
          enable: true
      table: "not a bool"
      strikethrough: false
    futureSetting: 1
    renderHooks:
      link:
        useEmbedded: always
      image:
        useEmbedded: never
  tableOfContents:
    startLevel: 2
`)
	cfg, notes, err := LoadMarkup(dir)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Goldmark.Extensions.Strikethrough || !cfg.Goldmark.Extensions.Table {
		t.Errorf("known settings not applied, or a bad value applied: %+v", cfg.Goldmark.Extensions)
	}
	joined := strings.Join(notes, "\n")
	for _, want := range []string{"enableEmoji", "defaultMarkdownHandler", "extensions.passthrough.enable", "extras.mark.enable", "extensions.table has an unexpected value", "goldmark.futuresetting", "renderhooks.link.useembedded"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no note about %q in:\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "tableofcontents") || strings.Contains(joined, "image.useembedded") {
		t.Errorf("tableOfContents changes no article HTML, yet noted:\n%s", joined)
	}
}

func TestLoadMarkupDirectoryAndJSON(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config.json"), `{"markup": {"goldmark": {"renderer": {"unsafe": true}}}}`)
	writeFile(t, filepath.Join(dir, "config", "_default", "markup.toml"), "[goldmark.extensions]\nlinkifyProtocol = \"http\"\n")
	cfg, notes, err := LoadMarkup(dir)
	if err != nil || len(notes) != 0 {
		t.Fatalf("notes %v err %v", notes, err)
	}
	if !cfg.Goldmark.Renderer.Unsafe || cfg.Goldmark.Extensions.LinkifyProtocol != "http" {
		t.Fatalf("cfg %+v", cfg.Goldmark)
	}
}

func TestLoadMarkupMalformedIsAnError(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "hugo.toml"), "[markup\nunsafe = ")
	if _, _, err := LoadMarkup(dir); err == nil || !strings.Contains(err.Error(), "hugo.toml") {
		t.Fatalf("want an error naming hugo.toml, got %v", err)
	}
}

func TestLoadMarkupNotesRenderHooks(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "hugo.toml"), "[languages.zh]\nweight = 1\n[languages.en]\nweight = 2\n")
	writeFile(t, filepath.Join(dir, "layouts", "_markup", "render-link.html"), "<a>{{ .Text }}</a>")
	_, notes, err := LoadMarkup(dir)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(notes, "\n")
	if !strings.Contains(joined, "render-link.html") || !strings.Contains(joined, "multilingual") {
		t.Fatalf("notes: %v", notes)
	}
}
