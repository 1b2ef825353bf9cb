package check

import (
	"copydesk/backend/typography"
)

// The typography codes (backend/typography owns the rules; the codes are
// promised like every other code here).
const (
	TypographyHalfwidthPunctuation = typography.HalfwidthPunctuation
	TypographyCJKLatinSpace        = typography.CJKLatinSpace
	TypographyQuotes               = typography.Quotes
	TypographyEllipsis             = typography.Ellipsis
	TypographyRepeatedPunctuation  = typography.RepeatedPunctuation
	TypographyBracketWidth         = typography.BracketWidth
	TypographyUnpairedQuote        = typography.UnpairedQuote
	TypographyFullwidthAlnum       = typography.FullwidthAlnum
	TypographySpaceAroundFullwidth = typography.SpaceAroundFullwidth
)

func init() {
	// Typography is advice on style: never an error.
	for _, code := range typography.Codes {
		Severities[code] = Warning
	}
	for k, v := range typographyMessages {
		messages[k] = v
	}
}

var typographyMessages = map[string][2]string{
	TypographyHalfwidthPunctuation: {
		"Half-width {text} in a Chinese sentence; write the full-width {suggestion}.",
		"中文句子中用了半角标点 {text}，应改为全角 {suggestion}。"},
	TypographyCJKLatinSpace + ":remove": {
		"The house style puts no space between Chinese and Latin letters or digits ({suggestion}); remove it.",
		"本站体例在中文与英文字母、数字之间不加空格（{suggestion}），请删除此空格。"},
	TypographyCJKLatinSpace + ":insert": {
		"The house style puts a space between Chinese and Latin letters or digits; write {suggestion}.",
		"本站体例在中文与英文字母、数字之间加一个空格，应写作 {suggestion}。"},
	TypographyQuotes: {
		"Straight quotes {text} around Chinese text; write curly quotes {suggestion}.",
		"中文内容用了直引号 {text}，应改为弯引号 {suggestion}。"},
	TypographyEllipsis: {
		"Write the Chinese ellipsis {suggestion} instead of {text} in Chinese text.",
		"中文省略号应写作 {suggestion}，而不是 {text}。"},
	TypographyRepeatedPunctuation: {
		"{text} repeats a punctuation mark; one {suggestion} is enough.",
		"标点 {text} 重复，保留一个 {suggestion} 即可。"},
	TypographyBracketWidth: {
		"Half-width parentheses {text} around Chinese text; write full-width {suggestion}.",
		"括号中是中文，半角括号 {text} 应改为全角 {suggestion}。"},
	TypographyUnpairedQuote: {
		"This quotation mark {text} has no partner in its paragraph; add the missing one or delete this one.",
		"此处的引号 {text} 在本段中没有配对，请补上缺少的引号或删除此引号。"},
	TypographyFullwidthAlnum: {
		"Full-width letters or digits {text}; write {suggestion}.",
		"全角字母或数字 {text} 应改为半角 {suggestion}。"},
	TypographySpaceAroundFullwidth: {
		"A space next to full-width punctuation ({text}); full-width punctuation carries its own space, so remove it.",
		"全角标点自带间距，其旁边不应有空格（{text}），请删除。"},
}

// typography reports the profile's typography rules over the article's prose.
func (c *checker) typography() {
	settings := c.p.Typography
	for _, f := range typography.Check(c.doc, settings, c.render) {
		var fix *Fix
		if len(f.Edits) > 0 {
			fix = &Fix{Title: c.typographyFixTitle(f)}
			for _, e := range f.Edits {
				fix.Edits = append(fix.Edits, Edit{From: e.From, To: e.To, Insert: e.Insert})
			}
		}
		msgKey := ""
		if f.Variant != "" {
			msgKey = f.Code + ":" + f.Variant
		}
		params := map[string]string{"text": f.Text}
		if f.Suggestion != "" {
			params["suggestion"] = f.Suggestion
		}
		c.emit(f.Code, msgKey, f.From, f.To, "", "", params, fix)
	}
}

func (c *checker) typographyFixTitle(f typography.Finding) string {
	switch {
	case f.Variant == "remove" || f.Code == TypographySpaceAroundFullwidth:
		return c.title("Remove the space", "删除空格")
	case f.Variant == "insert":
		return c.title("Insert a space", "插入空格")
	}
	return c.title("Write "+f.Suggestion, "改为 "+f.Suggestion)
}
