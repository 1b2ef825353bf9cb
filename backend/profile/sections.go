package profile

// The sections of copydesk.yaml that hold more than one setting.

import (
	"path"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"copydesk/backend/citation"
)

func (l *loader) site(v *yaml.Node, p *Profile) error {
	root, static := "", DefaultStaticDir
	var images *yaml.Node // site.images, checked once the static folder is known
	err := l.eachKey(v, func(key string, k, v *yaml.Node) error {
		s, err := l.str(v)
		if err != nil {
			return err
		}
		switch key {
		case "root":
			root = s
		case "static":
			static = s
		case "drafts":
			// A folder inside the content folder: never absolute, never climbing
			// out; "." is the content folder itself.
			slashed := filepath.ToSlash(s)
			if s == "" || path.IsAbs(slashed) || filepath.IsAbs(s) || slices.Contains(strings.Split(slashed, "/"), "..") {
				return l.errf(v, "site.drafts: give a folder inside the content folder, relative to it (e.g. posts)")
			}
			if p.DraftsDir = path.Clean(slashed); p.DraftsDir == "." {
				p.DraftsDir = ""
			}
		case "images":
			images = v
		case "hugo":
			if s != "" && strings.ContainsRune(s, filepath.Separator) && !filepath.IsAbs(s) {
				s = filepath.Join(l.dir, s)
			}
			p.Hugo = s
		default:
			return l.errf(k, "site: unknown setting %q (known: root, static, images, drafts, hugo)", key)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if root == "" {
		return l.errf(v, "site.root: give the Hugo site's folder, relative to this file")
	}
	if !filepath.IsAbs(root) {
		root = filepath.Join(l.dir, filepath.FromSlash(root))
	}
	p.SiteRoot = filepath.Clean(root)
	if filepath.IsAbs(static) {
		p.StaticDir = filepath.Clean(static)
	} else {
		p.StaticDir = filepath.Join(p.SiteRoot, filepath.FromSlash(static))
	}
	if images != nil {
		// Relative to the site root like static; it must lie inside the static
		// folder, since Hugo serves only that folder at the site's root.
		dir := filepath.FromSlash(images.Value)
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(p.SiteRoot, dir)
		}
		dir = filepath.Clean(dir)
		rel, err := filepath.Rel(p.StaticDir, dir)
		if images.Value == "" || err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
			return l.errf(images, "site.images: give a folder inside the static folder, relative to the site root (e.g. static/images)")
		}
		p.ImagesDir = dir
	}
	return nil
}

func (l *loader) citations(v *yaml.Node, p *Profile) error {
	return l.eachKey(v, func(key string, k, v *yaml.Node) error {
		s, err := l.str(v)
		if err != nil {
			return err
		}
		if s == "" {
			return l.errf(v, "citations.%s: must not be empty", key)
		}
		switch key {
		case "heading":
			if !strings.HasPrefix(s, "#") {
				return l.errf(v, "citations.heading: expected a Markdown heading such as \"## 引文部分\"")
			}
			p.CitationsHeading = s
		case "separator":
			p.Style.Separator = s
		case "retrieved_label":
			p.Style.RetrievedLabel = s
		case "open_paren":
			p.Style.OpenParen = s
		case "close_paren":
			p.Style.CloseParen = s
		case "author_separator":
			p.Style.AuthorSep = s
		case "date_format":
			if !slices.Contains(citation.Layouts, s) {
				return l.errf(v, "citations.date_format: %q is not one of %s", s, strings.Join(citation.Layouts, ", "))
			}
			p.Style.DateLayout = s
		default:
			return l.errf(k, "citations: unknown setting %q (known: heading, separator, retrieved_label, open_paren, close_paren, author_separator, date_format)", key)
		}
		return nil
	})
}

// fields merges each listed key over the built-in spec of the same key (or
// over an empty spec for a new key); new keys go to the end of the order.
func (l *loader) fields(v *yaml.Node, p *Profile) error {
	return l.eachKey(v, func(key string, k, v *yaml.Node) error {
		idx := slices.IndexFunc(p.Fields, func(f FieldSpec) bool { return f.Key == key })
		spec := FieldSpec{Key: key, Type: TypeString}
		if idx >= 0 {
			spec = p.Fields[idx]
		} else if v.Kind == yaml.ScalarNode && v.Value == "" {
			// "series:" alone: a known key of any type.
			spec.Type = TypeAny
			p.Fields = append(p.Fields, spec)
			return nil
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			return nil
		}
		err := l.eachKey(v, func(prop string, pk, pv *yaml.Node) error {
			var err error
			what := "fields." + key + "." + prop
			switch prop {
			case "type":
				var t string
				if t, err = l.str(pv); err == nil && !slices.Contains(Types, t) {
					err = l.errf(pv, "%s: %q is not one of %s", what, t, strings.Join(Types, ", "))
				}
				spec.Type = t
			case "required":
				spec.Required, err = l.boolean(pv, what)
			case "unique":
				spec.Unique, err = l.boolean(pv, what)
			case "min_length":
				spec.MinLen, err = l.nonNegInt(pv, what)
			case "max_length":
				spec.MaxLen, err = l.nonNegInt(pv, what)
			case "min_items":
				spec.MinItems, err = l.nonNegInt(pv, what)
			case "max_items":
				spec.MaxItems, err = l.nonNegInt(pv, what)
			case "vocabulary":
				spec.Vocabulary, err = l.strList(pv, what)
			case "vocabulary_add":
				var more []string
				if more, err = l.strList(pv, what); err == nil {
					for _, m := range more {
						if !slices.Contains(spec.Vocabulary, m) {
							spec.Vocabulary = append(spec.Vocabulary, m)
						}
					}
				}
			default:
				err = l.errf(pk, "fields.%s: unknown property %q (known: type, required, unique, min_length, max_length, min_items, max_items, vocabulary, vocabulary_add)", key, prop)
			}
			return err
		})
		if err != nil {
			return err
		}
		if spec.MaxLen > 0 && spec.MinLen > spec.MaxLen {
			return l.errf(v, "fields.%s: min_length is larger than max_length", key)
		}
		if spec.MaxItems > 0 && spec.MinItems > spec.MaxItems {
			return l.errf(v, "fields.%s: min_items is larger than max_items", key)
		}
		if (spec.MinItems > 0 || spec.MaxItems > 0 || spec.Unique) && spec.Type != TypeList {
			return l.errf(v, "fields.%s: min_items, max_items and unique apply to lists only", key)
		}
		if idx >= 0 {
			p.Fields[idx] = spec
		} else {
			p.Fields = append(p.Fields, spec)
		}
		return nil
	})
}

// outlets reads the host -> outlet name table ("nytimes.com: The New York
// Times"). Hosts are compared in lower case, without "www.".
func (l *loader) outlets(v *yaml.Node, p *Profile) error {
	return l.eachKey(v, func(host string, k, v *yaml.Node) error {
		name, err := l.str(v)
		if err != nil {
			return err
		}
		h := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(host)), "www.")
		if h == "" || strings.ContainsAny(h, "/: ") {
			return l.errf(k, "outlets: %q is not a host name (write it like nytimes.com)", host)
		}
		if strings.TrimSpace(name) == "" {
			return l.errf(v, "outlets: the outlet of %s is empty", host)
		}
		p.Outlets[h] = strings.TrimSpace(name)
		return nil
	})
}
