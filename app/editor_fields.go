package app

import (
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"copydesk/backend/article"
	"copydesk/backend/profile"
)

// frontMatterState names what the form can do with the text's front matter.
func frontMatterState(d *article.Doc) string {
	switch {
	case d.Format == article.FormatNone:
		return "missing"
	case d.Format != article.FormatYAML:
		return "unsupported"
	case d.YAMLErr != nil || d.YAML == nil && len(strings.TrimSpace(string(d.FrontMatter()))) > 0:
		return "syntax"
	}
	return "ok"
}

// formFields reads every top-level key as the form shows it, in the order written.
func formFields(d *article.Doc, p *profile.Profile) []FieldValue {
	keys := d.Keys()
	out := make([]FieldValue, 0, len(keys))
	for _, key := range keys {
		f, ok := d.Field(key)
		if !ok {
			continue
		}
		spec, known := p.Field(key)
		v := FieldValue{Key: key, Kind: "other", Items: []string{}, Line: f.KeyLine, Known: known}
		if f.ValueStart <= f.ValueEnd && f.ValueEnd <= len(d.Text) {
			v.Raw = string(d.Text[f.ValueStart:f.ValueEnd])
		}
		n := f.Value
		if n != nil && n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		switch {
		case n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null":
			v.Kind = "string" // empty: the form shows an empty field
		case n.Kind == yaml.ScalarNode && n.Tag == "!!bool":
			v.Kind = "bool"
			v.Bool = n.Value == "true"
			v.Text = n.Value
		case n.Kind == yaml.ScalarNode:
			v.Kind = "string"
			v.Text = n.Value
		case n.Kind == yaml.SequenceNode:
			if items, ok := d.List(key); ok {
				v.Kind = "list"
				v.Items = items
			}
		}
		if known && spec.Type == profile.TypeDate && v.Kind == "string" {
			v.Local, v.HasOffset = localDate(v.Text, p.Location())
		}
		out = append(out, v)
	}
	return out
}

// localDate turns a front matter date into the picker's local time in the
// profile's zone. A date written without an offset is shown as written (it
// is what the author meant) and reported as lacking the offset.
func localDate(s string, loc *time.Location) (local string, hasOffset bool) {
	s = strings.TrimSpace(s)
	const picker = "2006-01-02T15:04:05"
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(loc).Format(picker), true
	}
	for _, layout := range []string{picker, "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(picker), false
		}
	}
	return "", false
}

// parseLocal reads the picker's "2006-01-02T15:04[:05]" as a time in loc.
func parseLocal(s string, loc *time.Location) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, strings.TrimSpace(s), loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, newAPIError("form.bad_date", map[string]string{"value": s})
}
