package check

// Severity is how much a diagnostic matters: an error stops `copydesk check`
// from succeeding, a warning does not.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// The diagnostic codes. They are promised in CONTRACTS.md: never rename one
// or change what it means; add new ones instead.
const (
	FrontMatterMissing           = "frontmatter.missing"
	FrontMatterUnsupportedFormat = "frontmatter.unsupported_format"
	FrontMatterSyntax            = "frontmatter.syntax"
	FrontMatterRequired          = "frontmatter.required"
	FrontMatterType              = "frontmatter.type"
	FrontMatterDateFormat        = "frontmatter.date_format"
	FrontMatterDateFuture        = "frontmatter.date_future"
	FrontMatterVocabulary        = "frontmatter.vocabulary"
	FrontMatterDuplicateValue    = "frontmatter.duplicate_value"
	FrontMatterLength            = "frontmatter.length"
	FrontMatterUnknownKey        = "frontmatter.unknown_key"
	FrontMatterImageMissing      = "frontmatter.image_missing"

	FootnoteUndefined = "footnote.undefined"
	FootnoteUnused    = "footnote.unused"
	FootnoteDuplicate = "footnote.duplicate"

	CitationFormat                   = "citation.format"
	CitationURL                      = "citation.url"
	CitationPublishedInvalid         = "citation.published_invalid"
	CitationPublishedAfterArticle    = "citation.published_after_article"
	CitationRetrievedMissing         = "citation.retrieved_missing"
	CitationRetrievedInvalid         = "citation.retrieved_invalid"
	CitationRetrievedFuture          = "citation.retrieved_future"
	CitationRetrievedBeforePublished = "citation.retrieved_before_published"
	CitationRetrievedAfterArticle    = "citation.retrieved_after_article"
	CitationRetrievedStale           = "citation.retrieved_stale"
	CitationDuplicateURL             = "citation.duplicate_url"

	MarkdownCJKEmphasis = "markdown.cjk_emphasis"
)

// Severities maps every code to its severity.
var Severities = map[string]Severity{
	FrontMatterMissing:           Error,
	FrontMatterUnsupportedFormat: Error,
	FrontMatterSyntax:            Error,
	FrontMatterRequired:          Error,
	FrontMatterType:              Error,
	FrontMatterDateFormat:        Error,
	FrontMatterDateFuture:        Warning,
	FrontMatterVocabulary:        Error,
	FrontMatterDuplicateValue:    Warning,
	FrontMatterLength:            Warning,
	FrontMatterUnknownKey:        Warning,
	FrontMatterImageMissing:      Warning,

	FootnoteUndefined: Error,
	FootnoteUnused:    Warning,
	FootnoteDuplicate: Error,

	CitationFormat:                   Warning,
	CitationURL:                      Error,
	CitationPublishedInvalid:         Error,
	CitationPublishedAfterArticle:    Error,
	CitationRetrievedMissing:         Error,
	CitationRetrievedInvalid:         Error,
	CitationRetrievedFuture:          Error,
	CitationRetrievedBeforePublished: Error,
	CitationRetrievedAfterArticle:    Warning,
	CitationRetrievedStale:           Warning,
	CitationDuplicateURL:             Warning,

	MarkdownCJKEmphasis: Warning,
}
