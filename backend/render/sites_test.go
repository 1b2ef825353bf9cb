package render

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ParitySite is one Hugo configuration the parity fixtures are rendered under (the parity test
// lives in package render_test).
type ParitySite struct {
	Name   string
	File   string // the config file's name in the site
	Config string // its whole text
}

const paritySiteBase = `baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
`

var ParitySites = []ParitySite{
	{Name: "default", File: "hugo.toml", Config: paritySiteBase},
	{Name: "cjk-unsafe", File: "hugo.toml", Config: paritySiteBase + `
[markup.goldmark.extensions.cjk]
enable = true
escapedSpace = true
[markup.goldmark.renderer]
unsafe = true
`},
	// Most other settings the preview reads, in YAML.
	{Name: "custom-yaml", File: "hugo.yaml", Config: `baseURL: https://example.org/
disableKinds: [taxonomy, term, RSS, sitemap, robotsTXT, "404", home, section]
markup:
  goldmark:
    extensions:
      linkifyProtocol: http
      strikethrough: false
      taskList: false
      typographer:
        leftDoubleQuote: "&laquo;"
        rightDoubleQuote: "&raquo;"
        emDash: "—"
      footnote:
        backlinkHTML: "^"
      cjk:
        enable: true
        eastAsianLineBreaks: true
    parser:
      autoHeadingIDType: github-ascii
      attribute:
        block: true
      wrapStandAloneImageWithinParagraph: false
    renderer:
      hardWraps: true
      xhtml: true
  highlight:
    style: github
    noClasses: false
    lineNos: true
    lineNumbersInTable: false
    tabWidth: 2
    wrapperClass: hl-wrap
    anchorLineNos: true
    lineNoStart: 5
    hl_Lines: "1 3-4"
`},
	// The rest, in JSON under the older config name.
	{Name: "custom-json", File: "config.json", Config: `{
  "baseURL": "https://example.org/",
  "disableKinds": ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"],
  "markup": {
    "goldmark": {
      "extensions": {
        "typographer": {"disable": true},
        "definitionList": false,
        "table": false,
        "linkify": false,
        "footnote": {"enable": false},
        "cjk": {"enable": true, "eastAsianLineBreaks": true, "eastAsianLineBreaksStyle": "css3draft"}
      },
      "parser": {"autoIDType": "blackfriday", "autoDefinitionTermID": true, "attribute": {"title": false}},
      "renderer": {"unsafe": true}
    },
    "highlight": {"codeFences": false, "guessSyntax": true}
  }
}`},
	// What is left: no heading IDs, definition term IDs, other typographer text, guessed languages,
	// an unknown style (Chroma's fallback), line numbers in a table, a bad hl_lines, XHTML with unsafe.
	// (A string lineNos here would make Hugo fail on any fence that sets linenos itself.)
	{Name: "custom-toml", File: "hugo.toml", Config: paritySiteBase + `
[markup.goldmark.extensions]
linkifyProtocol = "ftp"
[markup.goldmark.extensions.typographer]
leftSingleQuote = "‘"
rightSingleQuote = "’"
apostrophe = "'"
ellipsis = "…"
enDash = "–"
[markup.goldmark.extensions.cjk]
enable = true
eastAsianLineBreaks = true
[markup.goldmark.parser]
autoHeadingID = false
autoDefinitionTermID = true
[markup.goldmark.parser.attribute]
title = false
[markup.goldmark.renderer]
xhtml = true
unsafe = true
[markup.highlight]
guessSyntax = true
style = "no-such-style"
lineNos = true
tabWidth = 8
hl_Lines = "x"
`},
}

// TestSiteConfigMatchesHugo asks Hugo itself (`hugo config`) how it reads each parity site's
// configuration and checks LoadSiteConfig reads the same: applied over an all-zero Config, Hugo's
// effective markup settings must give exactly what LoadSiteConfig gives. For the default site this
// proves Default() equals Hugo's defaults field by field.
func TestSiteConfigMatchesHugo(t *testing.T) {
	hugo := os.Getenv("HUGO")
	if hugo == "" {
		t.Skip("!!! HUGO is not set: Hugo's own reading of the site configs was NOT compared. Run `make test`.")
	}
	for _, site := range ParitySites {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, site.File), []byte(site.Config), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(hugo, "config", "--format", "json", "--source", dir)
		cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(dir, "cache"))
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: hugo config: %v", site.Name, err)
		}
		var effective struct {
			Markup map[string]any `json:"markup"`
		}
		if err := json.Unmarshal(out, &effective); err != nil {
			t.Fatal(err)
		}
		var fromHugo Config
		notes := applyMarkup(&fromHugo, "hugo config", lowerKeys(effective.Markup))
		for _, n := range notes {
			if !strings.Contains(n, "tableofcontents") && !strings.Contains(n, "renderhooks") {
				t.Logf("%s: %s", site.Name, n)
			}
		}
		ours, _, err := LoadSiteConfig(dir)
		if err != nil {
			t.Fatal(err)
		}
		if fromHugo != ours {
			t.Errorf("%s:\nHugo reads %+v\n  we read %+v", site.Name, fromHugo, ours)
		}
	}
}
