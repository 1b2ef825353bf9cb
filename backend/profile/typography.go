package profile

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"copydesk/backend/typography"
)

// typography reads the typography section:
//
//	typography:
//	  cjk_latin_space: none          # none | always | ignore
//	  front_matter: [title, summary] # the keys whose values are prose
//	  rules:                         # every rule is on unless switched off
//	    quotes: false
func (l *loader) typography(v *yaml.Node, p *Profile) error {
	t := &p.Typography
	return l.eachKey(v, func(key string, k, v *yaml.Node) error {
		switch key {
		case "cjk_latin_space":
			s, err := l.str(v)
			if err != nil {
				return err
			}
			if !slices.Contains(typography.Spacings, typography.Spacing(s)) {
				return l.errf(v, "typography.cjk_latin_space: %q is not one of none, always, ignore", s)
			}
			t.Spacing = typography.Spacing(s)
		case "front_matter":
			if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
				t.FrontMatter = nil
				return nil
			}
			keys, err := l.strList(v, "typography.front_matter")
			if err != nil {
				return err
			}
			t.FrontMatter = keys
		case "rules":
			names := make([]string, len(typography.Codes))
			for i, c := range typography.Codes {
				names[i] = typography.RuleName(c)
			}
			return l.eachKey(v, func(rule string, rk, rv *yaml.Node) error {
				if !slices.Contains(names, rule) {
					return l.errf(rk, "typography.rules: unknown rule %q (known: %s)", rule, strings.Join(names, ", "))
				}
				on, err := l.boolean(rv, "typography.rules."+rule)
				if err != nil {
					return err
				}
				if t.Off == nil {
					t.Off = map[string]bool{}
				}
				t.Off[rule] = !on
				return nil
			})
		default:
			return l.errf(k, "typography: unknown setting %q (known: cjk_latin_space, front_matter, rules)", key)
		}
		return nil
	})
}
