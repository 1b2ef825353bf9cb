package check

import (
	"strings"
)

// Languages the messages are written in.
const (
	LangEN = "en"
	LangZH = "zh-CN"
)

// messages holds each message in English and Chinese; {name} is replaced by
// the diagnostic's Params[name]. A code may have several messages (keyed
// "code" or "code:variant") because the advice differs by case.
var messages = map[string][2]string{
	FrontMatterMissing: {
		"The file does not start with a front matter block between --- lines; add one with {keys}.",
		"文件开头没有 --- 包围的 front matter；请在开头添加，包含 {keys}。"},
	FrontMatterUnsupportedFormat: {
		"{format} front matter is not supported; rewrite it as YAML between --- lines.",
		"不支持 {format} 格式的 front matter；请改写为 --- 之间的 YAML。"},
	FrontMatterSyntax: {
		"The front matter YAML cannot be read: {reason}. Fix the YAML here.",
		"front matter 的 YAML 无法读取：{reason}。请修正此处的 YAML。"},
	FrontMatterRequired + ":missing": {
		"The required key {key} is missing; add it to the front matter.",
		"缺少必填字段 {key}，请在 front matter 中补上。"},
	FrontMatterRequired + ":empty": {
		"The required key {key} is empty; give it a value.",
		"必填字段 {key} 为空，请填写。"},
	FrontMatterType + ":string": {
		"{key} should be text, but it is {got}; write it as a single line of text.",
		"{key} 应为文本，但现在是{got}；请写成一行文本。"},
	FrontMatterType + ":bool": {
		"{key} should be true or false, but it is {got}.",
		"{key} 应为 true 或 false，但现在是{got}。"},
	FrontMatterType + ":bool_text": {
		"{key}: {value} is text, not a YAML boolean, and Hugo reads it as {hugo_reads}; write {key}: {suggestion} without quotes.",
		"{key}: {value} 是文本而不是 YAML 布尔值，Hugo 会把它当作 {hugo_reads}；请写成不带引号的 {key}: {suggestion}。"},
	FrontMatterType + ":list": {
		"{key} should be a list of text values, but it is {got}.",
		"{key} 应为文本列表，但现在是{got}。"},
	FrontMatterType + ":list_scalar": {
		"{key} should be a list (one \"- item\" per line), but it is the single value {value}; make it a list.",
		"{key} 应为列表（每行一个“- 项目”），现在是单个值 {value}；请改为列表。"},
	FrontMatterType + ":list_item": {
		"Item {index} of {key} should be text, but it is {got}.",
		"{key} 的第 {index} 项应为文本，但现在是{got}。"},
	FrontMatterType + ":number": {
		"{key} should be a number, but it is {got}.",
		"{key} 应为数字，但现在是{got}。"},
	FrontMatterType + ":date": {
		"{key} should be a date-time such as 2025-06-27T20:10:05+08:00, but it is {got}.",
		"{key} 应为日期时间，例如 2025-06-27T20:10:05+08:00，但现在是{got}。"},
	FrontMatterDateFormat + ":offset": {
		"{key} {value} has no time zone offset, so Hugo reads it as UTC; write it as {suggestion}.",
		"{key} {value} 没有时区偏移，Hugo 会按 UTC 理解；请写成 {suggestion}。"},
	FrontMatterDateFormat + ":layout": {
		"{key} {value} is not written as RFC 3339; write it as {suggestion}.",
		"{key} {value} 不是 RFC 3339 格式；请写成 {suggestion}。"},
	FrontMatterDateFormat + ":unreadable": {
		"{key} {value} is not a date-time with an offset such as 2025-06-27T20:10:05+08:00; correct it.",
		"{key} {value} 不是带时区偏移的日期时间（例如 2025-06-27T20:10:05+08:00），请更正。"},
	FrontMatterDateFuture: {
		"The article is dated {date}, later than now ({now}), and is not a draft: Hugo will not publish it before then. Check the date.",
		"文章日期 {date} 晚于现在（{now}），且不是草稿：在此之前 Hugo 不会发布它。请核对日期。"},
	FrontMatterVocabulary: {
		"{value} is not in the {key} vocabulary; use one of: {allowed}.",
		"“{value}”不在 {key} 的词表中，请从以下选择：{allowed}。"},
	FrontMatterDuplicateValue: {
		"{value} appears more than once in {key}; remove the repeat.",
		"{key} 中“{value}”重复出现，请删除重复项。"},
	FrontMatterLength + ":long": {
		"{key} is {length} characters long, more than the limit of {max}; shorten it.",
		"{key} 共 {length} 字，超过上限 {max} 字，请精简。"},
	FrontMatterLength + ":short": {
		"{key} is {length} characters long, fewer than the minimum of {min}; expand it.",
		"{key} 仅 {length} 字，少于下限 {min} 字，请补充。"},
	FrontMatterLength + ":item_long": {
		"{value} in {key} is {length} characters long, more than the limit of {max}; shorten it.",
		"{key} 中的“{value}”共 {length} 字，超过上限 {max} 字，请精简。"},
	FrontMatterLength + ":item_short": {
		"{value} in {key} is {length} characters long, fewer than the minimum of {min}.",
		"{key} 中的“{value}”仅 {length} 字，少于下限 {min} 字。"},
	FrontMatterLength + ":many": {
		"{key} has {count} items, more than the limit of {max}; keep the most relevant.",
		"{key} 有 {count} 项，超过上限 {max} 项，请保留最相关的。"},
	FrontMatterLength + ":few": {
		"{key} has {count} items, fewer than the minimum of {min}; add more.",
		"{key} 只有 {count} 项，少于下限 {min} 项，请补充。"},
	FrontMatterUnknownKey: {
		"{key} is not a key the site profile knows; check its spelling or add it to copydesk.yaml (it is kept as written).",
		"站点配置中没有字段 {key}：请检查拼写，或将其加入 copydesk.yaml（该字段会原样保留）。"},
	FrontMatterImageMissing: {
		"{key} {value} does not exist in the site's static folder ({path}); check the path or add the image.",
		"{key} {value} 在站点的 static 目录中不存在（{path}），请检查路径或添加图片。"},

	FootnoteUndefined: {
		"[^{label}] is cited but never defined, so Hugo prints it literally; add its definition under {heading} or correct the label.",
		"[^{label}] 被引用但没有定义，Hugo 会原样输出；请在“{heading}”下添加定义或更正标号。"},
	FootnoteUnused: {
		"[^{label}] is defined but never cited, so Hugo drops it; cite it in the text or delete the definition.",
		"[^{label}] 已定义但正文从未引用，Hugo 会丢弃它；请在正文中引用或删除该定义。"},
	FootnoteDuplicate: {
		"[^{label}] is defined again (first on line {first_line}) and Hugo keeps only one; merge them or give this source a new label.",
		"[^{label}] 重复定义（首次在第 {first_line} 行），Hugo 只保留一个；请合并，或为此来源换一个新标号。"},

	CitationFormat: {
		"[^{label}] is not in house style ({problem}); write it as {example}.",
		"[^{label}] 不符合引文格式（{problem}）；请写成 {example}。"},
	CitationURL: {
		"[^{label}] has no http(s) URL ({url}); give the source's web address.",
		"[^{label}] 没有 http(s) 网址（{url}），请填写来源的网址。"},
	CitationPublishedInvalid: {
		"[^{label}]: the publication date {published} cannot be read or does not exist; write it as {layout}.",
		"[^{label}] 的发表日期 {published} 无法识别或不存在，请写成 {layout}。"},
	CitationPublishedInvalid + ":empty": {
		"[^{label}] has no publication date; write it as {layout} between the parentheses.",
		"[^{label}] 没有发表日期，请在括号中写成 {layout}。"},
	CitationPublishedAfterArticle: {
		"[^{label}] was published on {published}, after the article's date {article_date}; check both dates.",
		"[^{label}] 的发表日期 {published} 晚于文章日期 {article_date}，请核对两个日期。"},
	CitationRetrievedMissing: {
		"[^{label}] has no retrieval date; add {retrieved_label} and the day you read the source (for example {today}).",
		"[^{label}] 缺少检索日期；请加上“{retrieved_label}”和实际查阅来源的日期（例如 {today}）。"},
	CitationRetrievedInvalid: {
		"[^{label}]: the retrieval date {retrieved} cannot be read or does not exist; write it as {layout}.",
		"[^{label}] 的检索日期 {retrieved} 无法识别或不存在，请写成 {layout}。"},
	CitationRetrievedFuture: {
		"[^{label}] was retrieved on {retrieved}, after today ({today}); a retrieval date cannot be in the future.",
		"[^{label}] 的检索日期 {retrieved} 晚于今天（{today}），检索日期不能在未来。"},
	CitationRetrievedBeforePublished: {
		"[^{label}] was retrieved on {retrieved}, before it was published ({published}); one of the dates is wrong.",
		"[^{label}] 的检索日期 {retrieved} 早于发表日期 {published}，其中一个日期有误。"},
	CitationRetrievedAfterArticle: {
		"[^{label}] was retrieved on {retrieved}, after the article's date {article_date}; check the article date or the retrieval date.",
		"[^{label}] 的检索日期 {retrieved} 晚于文章日期 {article_date}，请核对文章日期或检索日期。"},
	CitationRetrievedStale: {
		"[^{label}] was retrieved on {retrieved}, {days} days before the article's date {article_date} (limit {limit}); check the source again and update the retrieval date.",
		"[^{label}] 的检索日期 {retrieved} 比文章日期 {article_date} 早 {days} 天（上限 {limit} 天）；请重新核对来源并更新检索日期。"},
	CitationDuplicateURL: {
		"[^{label}] cites the same URL as [^{other_label}]; cite [^{other_label}] instead and delete this definition.",
		"[^{label}] 与 [^{other_label}] 引用的是同一网址；请改为引用 [^{other_label}] 并删除此定义。"},

	MarkdownCJKEmphasis: {
		"Hugo will print {text} with its asterisks because of the punctuation just inside them; write {suggestion} instead.",
		"由于 * 号内侧紧挨着标点，Hugo 会把 {text} 连同星号原样输出；请改为 {suggestion}。"},
}

// words are the values of some Params, shown inside messages.
var words = map[string][2]string{
	"list":       {"a list", "列表"},
	"mapping":    {"a mapping", "键值映射"},
	"bool":       {"true/false", "布尔值"},
	"number":     {"a number", "数字"},
	"date":       {"a date", "日期"},
	"text":       {"text", "文本"},
	"empty":      {"empty", "空值"},
	"empty_item": {"an empty item", "空项"},

	"problem:empty":      {"the definition is empty", "定义为空"},
	"problem:link":       {"it does not start with a link [title](url)", "开头不是链接 [标题](网址)"},
	"problem:separator":  {"the separator is missing after the link", "链接后缺少分隔符"},
	"problem:published":  {"there is no publication date in full-width parentheses", "缺少全角括号中的发表日期"},
	"problem:outlet":     {"there is no outlet between the link and the date", "链接和日期之间缺少媒体名"},
	"problem:line_break": {"it spans several lines", "跨越了多行"},
}

// NormalizeLang maps a locale (LANG style, "zh_CN.UTF-8", or a tag) to a
// message language: Chinese for zh*, English otherwise.
func NormalizeLang(locale string) string {
	l := strings.ToLower(strings.TrimSpace(locale))
	if strings.HasPrefix(l, "zh") {
		return LangZH
	}
	return LangEN
}

func langIndex(lang string) int {
	if NormalizeLang(lang) == LangZH {
		return 1
	}
	return 0
}

// message fills a message template from params.
func message(key, lang string, params map[string]string) string {
	tmpl, ok := messages[key]
	if !ok {
		return key
	}
	text := tmpl[langIndex(lang)]
	if !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			b.WriteString(text)
			break
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			b.WriteString(text)
			break
		}
		b.WriteString(text[:i])
		name := text[i+1 : i+j]
		if v, ok := params[name]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(text[i : i+j+1])
		}
		text = text[i+j+1:]
	}
	return b.String()
}

// word is a localized value word, or w itself.
func word(w, lang string) string {
	if t, ok := words[w]; ok {
		return t[langIndex(lang)]
	}
	return w
}
