package pagemeta

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// zhLabels is what the labelled lines of a Chinese page say: the 来源 (the
// outlet that first ran the story), the authors (作者, 记者, 文/), the
// editors (责任编辑 and the like, who are never authors) and the dateline.
type zhLabels struct {
	source   string
	authors  []string
	byRule   string // which label gave authors
	editors  []string
	date     string // the raw dateline
	dateRule string
}

// A label is a known word followed by a colon (full or half width); 文 also
// takes a slash or bar ("文/张三", "文｜张三"). The value runs to the next label.
var (
	zhLabelRE = regexp.MustCompile(`(来源|來源|稿源|出处|出處|作者|撰文|记者|記者|责任编辑|責任編輯|编辑|編輯|责编|責編|校对|校對|审核|審核|审校|監製|监制|发布时间|發布時間|發佈時間|发表时间|發表時間|更新时间|更新時間|时间|時間|日期|摄影|攝影|文)\s*[:：｜]\s*|(?:^|\s)(文)\s*[/／｜|]\s*`)
	// "新华社记者 张三 李四", "本报记者张三": a 记者 line without a colon.
	zhReporterRE         = regexp.MustCompile(`(?:^|[\s（(])(?:[\p{Han}]{0,6}?)(?:记者|記者|通讯员|通訊員)\s*([\p{Han}·]{2,5}(?:[\s、，,]+[\p{Han}·]{2,5})*)`)
	zhDatelineReporterRE = regexp.MustCompile(`^[\p{Han}\d\s]{0,30}?电\s*[（(](?:[\p{Han}]{0,4}(?:记者|記者))\s*([^）)]{2,40})[）)]`)
	// A short line holding a date and time is the dateline of portal pages.
	zhDatelineRE = regexp.MustCompile(`\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*\d{1,2}[:：]\d{2})?|\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?`)
)

// zhNotSource are 来源 values that name no outlet.
var zhNotSource = []string{"网络", "互联网", "本站", "原创", "综合", "未知", "网友", "自媒体"}

func readZhLabels(blocks []string) zhLabels {
	var z zhLabels
	for _, b := range blocks {
		runes := utf8.RuneCountInString(b)
		if runes > 200 {
			continue
		}
		var locs [][]int
		if hasHan(b) {
			locs = zhLabelRE.FindAllStringSubmatchIndex(b, -1)
		}
		for i, l := range locs {
			var label string
			if l[2] >= 0 {
				label = b[l[2]:l[3]]
			} else {
				label = b[l[4]:l[5]]
			}
			end := len(b)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			value := strings.TrimSpace(b[l[1]:end])
			if value == "" {
				continue
			}
			switch zhSimplified(label) {
			case "来源", "稿源", "出处":
				if z.source == "" {
					z.source = cutValue(value)
				}
			case "作者", "撰文", "记者", "文":
				if len(z.authors) == 0 {
					z.authors = splitHanNames(value)
					z.byRule = "chinese " + label + " text"
				}
			case "责任编辑", "编辑", "责编", "校对", "审核", "审校", "监制", "摄影":
				z.editors = append(z.editors, splitHanNames(value)...)
			case "发布时间", "发表时间", "时间", "日期":
				if z.date == "" {
					if m := zhDatelineRE.FindString(value); m != "" {
						z.date, z.dateRule = m, "chinese "+label+" text"
					}
				}
			}
		}
		if len(z.authors) == 0 && runes <= 60 && hasHan(b) {
			if m := zhReporterRE.FindStringSubmatch(b); m != nil {
				z.authors = splitHanNames(m[1])
				z.byRule = "chinese 记者 text"
			}
		}
		// The wire-service dateline opens the first paragraph:
		// "新华社北京6月27日电（记者 张晓明 刘芳）".
		if len(z.authors) == 0 && hasHan(b) {
			head := b
			if len(head) > 300 {
				head = head[:300]
			}
			if m := zhDatelineReporterRE.FindStringSubmatch(head); m != nil {
				z.authors = splitHanNames(m[1])
				z.byRule = "chinese 记者 text"
			}
		}
		// An unlabelled short line is a dateline when its date carries a
		// time or the line is little more than the date: a date inside a
		// sentence is what the article talks about, not when it ran.
		if z.date == "" && (len(locs) > 0 || runes <= 60) {
			if m := zhDatelineRE.FindString(b); m != "" && (len(locs) > 0 || strings.ContainsAny(m, ":：") || runes <= len([]rune(m))+6) {
				z.date, z.dateRule = m, "dateline text"
			}
		}
	}
	return z
}

// cutValue ends a label's value at the first separator: a wide gap, a bar,
// or a half-width space after CJK text (portal bylines put several labels on
// one line separated by spaces).
func cutValue(v string) string {
	if i := strings.IndexAny(v, "|｜丨"); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimSpace(v)
	if hasHan(v) {
		if i := strings.IndexFunc(v, isSpace); i >= 0 {
			v = v[:i]
		}
	}
	return strings.Trim(v, " 　,，;；")
}

// splitHanNames splits a labelled value into names. Chinese names carry no
// spaces, so between Han names a space separates as a comma does; Latin
// names keep theirs.
func splitHanNames(v string) []string {
	if i := strings.IndexAny(v, "|｜丨"); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimSpace(v)
	var out []string
	for _, part := range splitNames(v) {
		if hasHan(part) && !hasLatin(part) {
			for _, f := range joinPaddedNames(strings.FieldsFunc(part, isSpace)) {
				if f = cleanHanName(f); f != "" {
					out = append(out, f)
				}
			}
			continue
		}
		out = append(out, part)
	}
	return out
}

// cleanHanName strips the roles and verbs around a Chinese byline name:
// "新华社记者张三" -> 张三, "张三报道" -> 张三, "（实习生）" -> "".
func cleanHanName(s string) string {
	s = strings.Trim(s, "（）()[]【】 　,，。.:：")
	for _, p := range []string{"本报特约记者", "本报记者", "特约记者", "见习记者", "实习记者", "首席记者", "记者", "記者", "实习生", "實習生", "通讯员", "通訊員", "特约撰稿人", "撰稿人", "作者"} {
		if i := strings.Index(s, p); i >= 0 {
			s = s[i+len(p):]
		}
	}
	// "王小明／台北報導": the place and verb after a full-width slash go.
	if i := strings.IndexAny(s, "／/"); i > 0 {
		s = s[:i]
	}
	for _, suf := range []string{"综合报道", "報導", "报道", "報道", "编译", "編譯", "摄影", "攝影", "摄", "攝", "整理", "发自", "發自"} {
		s = strings.TrimSuffix(s, suf)
	}
	s = strings.Trim(s, "（）()[]【】 　,，。.:：")
	if n := utf8.RuneCountInString(s); n < 2 || n > 12 {
		return ""
	}
	return s
}

func hasHan(s string) bool {
	// Han characters encode with a lead byte of 0xE3 or above (U+3400
	// onwards); text without such a byte needs no decoding.
	fast := false
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE3 {
			fast = true
			break
		}
	}
	if !fast {
		return false
	}
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func hasLatin(s string) bool {
	for _, r := range s {
		if r < 0x250 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// zhSimplified maps the traditional spellings of the labels to the
// simplified ones the switch in readZhLabels uses.
func zhSimplified(label string) string {
	switch label {
	case "來源":
		return "来源"
	case "出處":
		return "出处"
	case "記者":
		return "记者"
	case "責任編輯":
		return "责任编辑"
	case "編輯":
		return "编辑"
	case "責編":
		return "责编"
	case "校對":
		return "校对"
	case "審核":
		return "审核"
	case "監製":
		return "监制"
	case "發布時間", "發佈時間":
		return "发布时间"
	case "發表時間":
		return "发表时间"
	case "更新時間":
		return "更新时间"
	case "時間":
		return "时间"
	case "攝影":
		return "摄影"
	}
	return label
}

func isHanRune(r rune) bool { return unicode.Is(unicode.Han, r) }

// joinPaddedNames rejoins two-character names that typesetting padded to
// the width of three ("刘 阳" beside "王晓燕"): two lone characters in a row
// are one name.
func joinPaddedNames(fields []string) []string {
	var out []string
	for i := 0; i < len(fields); i++ {
		if i+1 < len(fields) && utf8.RuneCountInString(fields[i]) == 1 && utf8.RuneCountInString(fields[i+1]) == 1 {
			out = append(out, fields[i]+fields[i+1])
			i++
			continue
		}
		out = append(out, fields[i])
	}
	return out
}
