package pagemeta

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// stamp is a date as a page wrote it.
type stamp struct {
	day     Day       // the day as written
	at      time.Time // the instant, when a time and an offset were given
	hasTime bool
	zoned   bool // an offset or zone was given
	utc     bool // ...and it was UTC ("Z", +00:00, GMT): the newsroom's own day is unknown
	raw     string
}

var (
	isoRE     = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+|T\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|UTC|GMT)?)?\b`)
	compactRE = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$`)
	hanRE     = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})\s*[:：时]\s*(\d{2}))?`)
	dmyDotRE  = regexp.MustCompile(`^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?`)
	epochRE   = regexp.MustCompile(`^\d{10}(\d{3})?$`)
	// "June 27, 2025", "Jun. 27, 2025", "27 June 2025", "27 juin 2025", "27. Juni 2025".
	mdyRE = regexp.MustCompile(`(?i)\b([a-zéû]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dmyRE = regexp.MustCompile(`(?i)\b(\d{1,2})(?:er|\.)?\s+([a-zéûä]{3,9})\.?,?\s+(\d{4})\b`)
)

var monthNames = map[string]int{}

func init() {
	for i, names := range [][]string{
		{"january", "jan", "janvier", "janv", "januar", "enero"},
		{"february", "feb", "février", "fevrier", "févr", "februar", "febrero"},
		{"march", "mar", "mars", "märz", "marzo"},
		{"april", "apr", "avril", "avr", "abril"},
		{"may", "mai", "mayo"},
		{"june", "jun", "juin", "juni", "junio"},
		{"july", "jul", "juillet", "juil", "juli", "julio"},
		{"august", "aug", "août", "aout", "agosto"},
		{"september", "sep", "sept", "septembre", "septiembre"},
		{"october", "oct", "octobre", "oktober", "okt", "octubre"},
		{"november", "nov", "novembre", "noviembre"},
		{"december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre"},
	} {
		for _, n := range names {
			monthNames[n] = i + 1
		}
	}
}

// rfc1123Layouts are the HTTP-style dates some meta tags carry.
var rfc1123Layouts = []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", time.RubyDate, time.UnixDate}

// parseStamp reads a date in any of the forms pages use. It reports false
// for anything that is not a plausible publication date.
func parseStamp(raw string) (stamp, bool) {
	s := collapse(raw)
	if s == "" || len(s) > 200 {
		return stamp{}, false
	}
	st := stamp{raw: s}
	if m := isoRE.FindStringSubmatch(s); m != nil {
		st.day = Day{Year: atoi(m[1]), Month: atoi(m[2]), Day: atoi(m[3])}
		if m[4] != "" {
			st.hasTime = true
			if m[7] != "" {
				if off, ok := parseOffset(m[7]); ok {
					st.zoned, st.utc = true, off == 0
					st.at = time.Date(st.day.Year, time.Month(st.day.Month), st.day.Day, atoi(m[4]), atoi(m[5]), atoi(m[6]), 0, time.FixedZone("", off))
				}
			}
		}
		return st, plausible(st.day)
	}
	if m := compactRE.FindStringSubmatch(s); m != nil {
		st.day = Day{Year: atoi(m[1]), Month: atoi(m[2]), Day: atoi(m[3])}
		if m[4] != "" {
			st.hasTime = true
			if off, ok := parseOffset(m[7]); ok && m[7] != "" {
				st.zoned, st.utc = true, off == 0
				st.at = time.Date(st.day.Year, time.Month(st.day.Month), st.day.Day, atoi(m[4]), atoi(m[5]), atoi(m[6]), 0, time.FixedZone("", off))
			}
		}
		return st, plausible(st.day)
	}
	if epochRE.MatchString(s) {
		n, _ := strconv.ParseInt(s, 10, 64)
		if len(s) == 13 {
			n /= 1000
		}
		t := time.Unix(n, 0).UTC()
		st.at, st.hasTime, st.zoned, st.utc = t, true, true, true
		st.day = Day{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
		return st, plausible(st.day)
	}
	for _, layout := range rfc1123Layouts {
		if t, err := time.Parse(layout, s); err == nil {
			name, off := t.Zone()
			if off == 0 && name != "" && name != "UTC" && name != "GMT" {
				// An unknown zone abbreviation (EST, CET): the instant
				// is unknown, the written day is still right.
				st.day = Day{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
				st.hasTime = true
				return st, plausible(st.day)
			}
			st.at, st.hasTime, st.zoned, st.utc = t, true, true, off == 0
			st.day = Day{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
			return st, plausible(st.day)
		}
	}
	if m := hanRE.FindStringSubmatch(s); m != nil {
		st.day = Day{Year: atoi(m[1]), Month: atoi(m[2]), Day: atoi(m[3])}
		st.hasTime = m[4] != ""
		return st, plausible(st.day)
	}
	if m := dmyDotRE.FindStringSubmatch(s); m != nil {
		st.day = Day{Year: atoi(m[3]), Month: atoi(m[2]), Day: atoi(m[1])}
		st.hasTime = m[4] != ""
		return st, plausible(st.day)
	}
	if m := mdyRE.FindStringSubmatch(s); m != nil {
		if mo, ok := monthNames[strings.ToLower(m[1])]; ok {
			st.day = Day{Year: atoi(m[3]), Month: mo, Day: atoi(m[2])}
			return st, plausible(st.day)
		}
	}
	if m := dmyRE.FindStringSubmatch(s); m != nil {
		if mo, ok := monthNames[strings.ToLower(m[2])]; ok {
			st.day = Day{Year: atoi(m[3]), Month: mo, Day: atoi(m[1])}
			return st, plausible(st.day)
		}
	}
	return stamp{}, false
}

func parseOffset(z string) (int, bool) {
	switch z {
	case "", "Z", "UTC", "GMT":
		return 0, true
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(z[1:], ":", "")
	if len(digits) == 2 {
		digits += "00"
	}
	if len(digits) != 4 {
		return 0, false
	}
	h, m := atoi(digits[:2]), atoi(digits[2:])
	if h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// plausible: a real day between the first news sites and a century ahead.
func plausible(d Day) bool {
	return d.Valid() && d.Year >= 1990 && d.Year <= 2100
}

// dayIn is the calendar day a stamp names for an outlet whose home zone is
// loc (nil when unknown), and a note for the evidence when the day had to
// be computed rather than read.
func dayIn(st stamp, loc *time.Location, zoneName string) (Day, string) {
	if !st.utc || st.at.IsZero() {
		return st.day, ""
	}
	if loc == nil {
		return st.day, "UTC day; the outlet's zone is unknown"
	}
	t := st.at.In(loc)
	return Day{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, "UTC, day in " + zoneName
}

// formatRaw is PublishedAt: RFC 3339 when the instant is known.
func (st stamp) formatRaw() string {
	if st.zoned && !st.at.IsZero() {
		return st.at.Format(time.RFC3339)
	}
	return st.raw
}

// URL date paths: /2025/06/27/, /2025/0627/, /2025-06-27/, /20250627/,
// /20250627A0XYZ (portal article ids start with the day).
var urlDateREs = []*regexp.Regexp{
	regexp.MustCompile(`/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$|[-_.])`),
	regexp.MustCompile(`/((?:19|20)\d{2})/(\d{2})(\d{2})(?:/|$)`),
	regexp.MustCompile(`/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:/|$|[-_.])`),
	regexp.MustCompile(`[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:/|$|[-_.]|[A-Z])`),
}

// Guardian-style paths name the month: /2025/jun/28/.
var urlMonthDateRE = regexp.MustCompile(`/((?:19|20)\d{2})/([a-z]{3})/(\d{1,2})(?:/|$)`)

// urlDate is the day in a URL's path, if it has one.
func urlDate(pageURL string) (Day, bool) {
	path := pageURL
	if i := strings.Index(path, "://"); i >= 0 {
		path = path[i+3:]
		if j := strings.IndexByte(path, '/'); j >= 0 {
			path = path[j:]
		} else {
			return Day{}, false
		}
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	if m := urlMonthDateRE.FindStringSubmatch(strings.ToLower(path)); m != nil {
		if mo, ok := monthNames[m[2]]; ok {
			if d := (Day{Year: atoi(m[1]), Month: mo, Day: atoi(m[3])}); plausible(d) {
				return d, true
			}
		}
	}
	for _, re := range urlDateREs {
		if m := re.FindStringSubmatch(path); m != nil {
			d := Day{Year: atoi(m[1]), Month: atoi(m[2]), Day: atoi(m[3])}
			if plausible(d) {
				return d, true
			}
		}
	}
	return Day{}, false
}

// daysApart is |a-b| in days.
func daysApart(a, b Day) int {
	ta := time.Date(a.Year, time.Month(a.Month), a.Day, 0, 0, 0, 0, time.UTC)
	tb := time.Date(b.Year, time.Month(b.Month), b.Day, 0, 0, 0, 0, time.UTC)
	n := int(ta.Sub(tb).Hours() / 24)
	if n < 0 {
		n = -n
	}
	return n
}

// daysBefore reports whether a is an earlier day than b.
func daysBefore(a, b Day) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}
