package citation

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day with no time of day and no zone: citation dates are
// days, and comparing them as instants is how off-by-one-day bugs happen.
type Date struct{ Year, Month, Day int }

// Date layouts a profile may choose for writing citation dates. Reading
// accepts all of them (and zero padding) whatever the layout.
const (
	LayoutSlash       = "YYYY/M/D" // house style: 2025/6/27
	LayoutSlashPadded = "YYYY/MM/DD"
	LayoutISO         = "YYYY-MM-DD"
	LayoutHan         = "YYYY年M月D日"
)

// Layouts lists the layouts Format can write.
var Layouts = []string{LayoutSlash, LayoutSlashPadded, LayoutISO, LayoutHan}

// DateOf is the calendar day of t in loc (the profile's time zone).
func DateOf(t time.Time, loc *time.Location) Date {
	if loc != nil {
		t = t.In(loc)
	}
	y, m, d := t.Date()
	return Date{y, int(m), d}
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d names a day that exists (2025/2/30 does not).
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

// String writes the house-style form, 2025/6/27.
func (d Date) String() string { return d.Format(LayoutSlash) }

// Format writes d in one of the Layouts (unknown layouts fall back to house style).
func (d Date) Format(layout string) string {
	switch layout {
	case LayoutSlashPadded:
		return fmt.Sprintf("%04d/%02d/%02d", d.Year, d.Month, d.Day)
	case LayoutISO:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case LayoutHan:
		return fmt.Sprintf("%04d年%d月%d日", d.Year, d.Month, d.Day)
	}
	return fmt.Sprintf("%04d/%d/%d", d.Year, d.Month, d.Day)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	a, b := d.dayNumber(), o.dayNumber()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is an earlier day than o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is a later day than o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// DaysUntil is the number of days from d to o (negative when o is earlier).
func (d Date) DaysUntil(o Date) int { return o.dayNumber() - d.dayNumber() }

// AddDays returns the day n days after d.
func (d Date) AddDays(n int) Date {
	t := time.Date(d.Year, time.Month(d.Month), d.Day+n, 12, 0, 0, 0, time.UTC)
	return DateOf(t, time.UTC)
}

// dayNumber counts days on the proleptic Gregorian calendar, so differences
// are exact without going through time.Time and its zones.
func (d Date) dayNumber() int {
	y, m := d.Year, d.Month
	if m <= 2 {
		y--
		m += 12
	}
	return 365*y + y/4 - y/100 + y/400 + (153*(m-3)+2)/5 + d.Day
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ParseDate reads a citation date: 2025/6/27, 2025/06/27, 2025-06-27 or
// 2025年6月27日, surrounding spaces ignored. ok is false when the text is not
// a date or names a day that does not exist.
func ParseDate(s string) (d Date, ok bool) {
	s = strings.TrimSpace(s)
	var parts []string
	switch {
	case strings.Contains(s, "年"):
		rest, found := strings.CutSuffix(s, "日")
		if !found {
			return Date{}, false
		}
		y, rest, found1 := strings.Cut(rest, "年")
		m, day, found2 := strings.Cut(rest, "月")
		if !found1 || !found2 {
			return Date{}, false
		}
		parts = []string{y, m, day}
	case strings.Contains(s, "/"):
		parts = strings.Split(s, "/")
	default:
		parts = strings.Split(s, "-")
	}
	if len(parts) != 3 || len(parts[0]) != 4 {
		return Date{}, false
	}
	var n [3]int
	for i, p := range parts {
		if len(p) == 0 || len(p) > 4 || (i > 0 && len(p) > 2) {
			return Date{}, false
		}
		for _, c := range []byte(p) {
			if c < '0' || c > '9' {
				return Date{}, false
			}
			n[i] = n[i]*10 + int(c-'0')
		}
	}
	d = Date{n[0], n[1], n[2]}
	if !d.Valid() {
		return Date{}, false
	}
	return d, true
}
