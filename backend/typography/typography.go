// Package typography checks the typography of Chinese prose in an article
// (half-width punctuation in Chinese sentences, straight quotes, spacing
// between Han characters and Latin letters or digits, and the like) and
// offers a certain fix for each finding where one exists.
//
// It reads prose only. The body is parsed with goldmark configured as Hugo
// configures it (backend/render), and only the characters of text nodes are
// judged: code spans and blocks, URLs, autolinks, link destinations, raw
// HTML, footnote references and the footnote definitions (the citations,
// whose titles quote their sources verbatim) are never looked at or changed,
// and neither are Hugo shortcode calls ({{< … >}}, {{% … %}}), which Hugo
// expands before the Markdown is parsed.
// In the front matter, the values of the keys named in Settings.FrontMatter
// (title and summary by default) are prose; keys and other values are not.
//
// Every rule needs Chinese context to fire (a Han character next to the
// punctuation, or inside the quotes or brackets), so Latin sentences, numbers
// such as 1.5, v1.2.3, 12:30 or 3:1 and names such as D.A. Davidson stay as
// written. A fix is an edit of a precise byte span; it never touches a byte
// outside prose and never joins or splits Markdown syntax: an edit that
// would have to reach across markup (an emphasis marker, a link bracket) is
// not offered. See rules.go for each rule and the reasons for its limits.
package typography

// The stable codes of the findings. Never rename one or change what it means.
const (
	HalfwidthPunctuation = "typography.halfwidth_punctuation"
	CJKLatinSpace        = "typography.cjk_latin_space"
	Quotes               = "typography.quotes"
	Ellipsis             = "typography.ellipsis"
	RepeatedPunctuation  = "typography.repeated_punctuation"
	BracketWidth         = "typography.bracket_width"
	UnpairedQuote        = "typography.unpaired_quote"
	FullwidthAlnum       = "typography.fullwidth_alnum"
	SpaceAroundFullwidth = "typography.space_around_fullwidth"
)

// Prefix starts every code of this package.
const Prefix = "typography."

// Codes lists every code, in the order the README documents them.
var Codes = []string{
	HalfwidthPunctuation, CJKLatinSpace, Quotes, Ellipsis, RepeatedPunctuation,
	BracketWidth, UnpairedQuote, FullwidthAlnum, SpaceAroundFullwidth,
}

// RuleName is a code without its prefix: the name a profile switches it by.
func RuleName(code string) string { return code[len(Prefix):] }

// Spacing is the house style for the space between Han characters and Latin
// letters or digits.
type Spacing string

const (
	// SpacingNone: no space (`Meta首席执行官`, `在2025年`), the reference article's style.
	SpacingNone Spacing = "none"
	// SpacingAlways: one space (`Meta 首席执行官`, `在 2025 年`), the style of the
	// Chinese copywriting guidelines and of autocorrect.
	SpacingAlways Spacing = "always"
	// SpacingIgnore: spaces between Han and Latin are not checked.
	SpacingIgnore Spacing = "ignore"
)

// Spacings lists the valid Spacing values.
var Spacings = []Spacing{SpacingNone, SpacingAlways, SpacingIgnore}

// Settings are the profile's choices (backend/profile reads them from the
// typography section of copydesk.yaml).
type Settings struct {
	Spacing Spacing
	// Off holds the rule names (RuleName) switched off.
	Off map[string]bool
	// FrontMatter names the front matter keys whose values are prose.
	FrontMatter []string
}

// DefaultSettings is the built-in house style: every rule on, no space
// between Han and Latin, title and summary checked.
func DefaultSettings() Settings {
	return Settings{Spacing: SpacingNone, FrontMatter: []string{"title", "summary"}}
}

func (s Settings) on(code string) bool { return !s.Off[RuleName(code)] }

// Finding is one typography problem: Text[From:To] in the whole file. Edits
// is the certain fix (nil when there is none); Text is what is found and
// Suggestion what the fix writes, for messages. Variant tells apart the
// cases of a code that need different advice ("insert" or "remove" for
// cjk_latin_space).
type Finding struct {
	Code       string
	Variant    string
	From, To   int
	Edits      []Edit
	Text       string
	Suggestion string
}

// Edit replaces Text[From:To] with Insert (byte offsets in the whole file).
type Edit struct {
	From, To int
	Insert   string
}
