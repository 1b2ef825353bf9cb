package render

// Config mirrors the parts of Hugo's `markup.goldmark` and `markup.highlight` site settings that change
// the HTML of an article. Field names follow Hugo's configuration keys so a site config maps onto it
// one to one. Default returns Hugo v0.165.0's defaults.
type Config struct {
	Goldmark  Goldmark
	Highlight Highlight
}

// Goldmark mirrors Hugo's markup.goldmark.
type Goldmark struct {
	Extensions Extensions
	Parser     Parser
	Renderer   RendererOptions
}

// Extensions mirrors markup.goldmark.extensions.
type Extensions struct {
	Typographer     Typographer
	Footnote        Footnote
	DefinitionList  bool
	Table           bool
	Strikethrough   bool
	Linkify         bool
	LinkifyProtocol string // the scheme put in front of bare www. links ("https" in Hugo, "http" in goldmark)
	TaskList        bool
	CJK             CJK
}

// Typographer holds the HTML written for each typographic substitution.
type Typographer struct {
	Disable          bool
	LeftSingleQuote  string
	RightSingleQuote string
	LeftDoubleQuote  string
	RightDoubleQuote string
	EnDash           string
	EmDash           string
	Ellipsis         string
	LeftAngleQuote   string
	RightAngleQuote  string
	Apostrophe       string
}

// Footnote mirrors markup.goldmark.extensions.footnote.
type Footnote struct {
	Enable bool
	// EnableAutoIDPrefix makes footnote IDs unique per page in Hugo ("h" + a page hash). The preview
	// renders one document, so it uses a fixed document ID (see Renderer.DocumentID).
	EnableAutoIDPrefix bool
	BacklinkHTML       string
}

// CJK mirrors markup.goldmark.extensions.cjk (off by default in Hugo).
type CJK struct {
	Enable                   bool
	EastAsianLineBreaks      bool
	EastAsianLineBreaksStyle string // "simple" or "css3draft"
	// EscapedSpace: a backslash-escaped space renders as nothing, so `\ ` can separate emphasis
	// markers from CJK punctuation.
	EscapedSpace bool
}

// Parser mirrors markup.goldmark.parser.
type Parser struct {
	AutoHeadingID        bool
	AutoDefinitionTermID bool
	// AutoIDType is "github" (default), "github-ascii" or "blackfriday". Hugo's older key
	// autoHeadingIDType maps here too.
	AutoIDType                         string
	Attribute                          ParserAttribute
	WrapStandAloneImageWithinParagraph bool
}

// ParserAttribute mirrors markup.goldmark.parser.attribute.
type ParserAttribute struct {
	Title bool // `## Heading {#id .class}`
	Block bool // `{.class}` on the line after a block
}

// RendererOptions mirrors markup.goldmark.renderer.
type RendererOptions struct {
	HardWraps bool // soft line breaks become <br>
	XHTML     bool
	Unsafe    bool // raw HTML is written through instead of omitted
}

// Highlight mirrors markup.highlight (code fences are highlighted with Chroma).
type Highlight struct {
	Style              string
	CodeFences         bool
	WrapperClass       string
	NoClasses          bool
	LineNos            string // "", "true", "false", "inline" or "table"
	LineNumbersInTable bool
	AnchorLineNos      bool
	LineAnchors        string
	LineNoStart        int
	HlLines            string
	TabWidth           int
	GuessSyntax        bool
}

// The heading ID styles Hugo knows.
const (
	AutoIDGitHub      = "github"
	AutoIDGitHubASCII = "github-ascii"
	AutoIDBlackfriday = "blackfriday"
)

// Default returns Hugo v0.165.0's defaults (markup/goldmark/goldmark_config and markup/highlight/config.go).
func Default() Config {
	return Config{
		Goldmark: Goldmark{
			Extensions: Extensions{
				Typographer: Typographer{
					LeftSingleQuote:  "&lsquo;",
					RightSingleQuote: "&rsquo;",
					LeftDoubleQuote:  "&ldquo;",
					RightDoubleQuote: "&rdquo;",
					EnDash:           "&ndash;",
					EmDash:           "&mdash;",
					Ellipsis:         "&hellip;",
					LeftAngleQuote:   "&laquo;",
					RightAngleQuote:  "&raquo;",
					Apostrophe:       "&rsquo;",
				},
				Footnote:        Footnote{Enable: true, BacklinkHTML: "&#x21a9;&#xfe0e;"},
				DefinitionList:  true,
				Table:           true,
				Strikethrough:   true,
				Linkify:         true,
				LinkifyProtocol: "https",
				TaskList:        true,
				CJK:             CJK{EastAsianLineBreaksStyle: "simple"},
			},
			Parser: Parser{
				AutoHeadingID:                      true,
				AutoIDType:                         AutoIDGitHub,
				Attribute:                          ParserAttribute{Title: true},
				WrapStandAloneImageWithinParagraph: true,
			},
		},
		Highlight: Highlight{
			Style:              "monokai",
			CodeFences:         true,
			WrapperClass:       "highlight",
			NoClasses:          true,
			LineNumbersInTable: true,
			LineNoStart:        1,
			TabWidth:           4,
		},
	}
}
