package check

import (
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"copydesk/backend/article"
	"copydesk/backend/citation"
	"copydesk/backend/profile"
)

type dateKind int

const (
	dateRFC3339    dateKind = iota // house style
	dateNoOffset                   // a local date-time: Hugo reads it as UTC
	dateOtherForm                  // has an offset but is not RFC 3339 (YAML's "2025-06-27 20:10:05 +08:00")
	dateUnreadable                 // not a date
)

var (
	noOffsetLayouts = []string{
		"2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02 15:04:05.999999999",
		"2006-01-02 15:04", "2006-01-02",
	}
	otherOffsetLayouts = []string{
		"2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999 Z07:00",
		"2006-01-02T15:04:05.999999999 Z07:00", "2006-01-02T15:04:05.999999999Z0700",
		"2006-01-02 15:04:05.999999999 -0700", "2006-01-02 15:04:05.999999999 -07",
		"2006-01-02T15:04Z07:00",
	}
)

// readDate reads a front matter date the way an editor meant it: a
// date-time without an offset is taken in the profile's zone (that is the
// fix the message proposes), not in UTC as Hugo would.
func readDate(s string, loc *time.Location) (time.Time, dateKind) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, dateRFC3339
	}
	for _, l := range otherOffsetLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, dateOtherForm
		}
	}
	for _, l := range noOffsetLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, dateNoOffset
		}
	}
	return time.Time{}, dateUnreadable
}

func rfc3339(t time.Time) string {
	if t.Nanosecond() != 0 {
		return t.Format(time.RFC3339Nano)
	}
	return t.Format(time.RFC3339)
}

func (c *checker) dateField(spec profile.FieldSpec, v *yaml.Node, sp span) {
	if v.Kind != yaml.ScalarNode {
		c.typeError(spec.Key, "date", v, sp, nil)
		return
	}
	t, kind := readDate(v.Value, c.loc)
	params := map[string]string{"value": v.Value}
	switch kind {
	case dateRFC3339:
	case dateNoOffset, dateOtherForm:
		params["suggestion"] = rfc3339(t)
		fixed, err := article.SetDate(c.doc.Text, spec.Key, t, c.p.KeyOrder)
		variant, title := "offset", c.title("Add the offset: "+rfc3339(t), "补上时区偏移："+rfc3339(t))
		if kind == dateOtherForm {
			variant, title = "layout", c.title("Write as "+rfc3339(t), "改写为 "+rfc3339(t))
		}
		c.emit(FrontMatterDateFormat, FrontMatterDateFormat+":"+variant, sp.from, sp.to, "", spec.Key, params, c.textFix(title, fixed, err))
	default:
		c.emit(FrontMatterDateFormat, FrontMatterDateFormat+":unreadable", sp.from, sp.to, "", spec.Key, params, nil)
		return
	}
	if spec.Key == "date" {
		c.articleTime = t
		c.articleDay = citation.DateOf(t, c.loc)
	}
}

func (c *checker) image(spec profile.FieldSpec, value string, sp span) {
	value = strings.TrimSpace(value)
	if c.p.StaticDir == "" || value == "" || imageIsURL(value) {
		return
	}
	path := c.p.ImagePath(strings.TrimPrefix(value, "/"))
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		return
	}
	c.emit(FrontMatterImageMissing, "", sp.from, sp.to, "", spec.Key, map[string]string{"value": value, "path": path}, nil)
}
