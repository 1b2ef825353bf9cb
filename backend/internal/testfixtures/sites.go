package testfixtures

// ParitySite is one Hugo site configuration that render's parity test renders its fixtures under,
// and that hugoconfig's test asks Hugo itself to read.
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
