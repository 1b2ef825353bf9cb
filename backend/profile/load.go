package profile

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"copydesk/backend/site"
)

// maxProfileSize bounds what Load reads: a profile is a few hundred bytes.
const maxProfileSize = 1 << 20

// LoadError is a problem in a profile file, with the 1-based line it is on
// (0 when the whole file is concerned).
type LoadError struct {
	Path string
	Line int
	Msg  string
}

func (e *LoadError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Find walks up from startDir to the first copydesk.yaml and loads it. With
// none, it returns the built-in profile, with the site root set when a Hugo
// site encloses startDir.
func Find(startDir string) (*Profile, error) {
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return nil, err
	}
	for d := dir; ; {
		candidate := filepath.Join(d, FileName)
		if st, err := os.Stat(candidate); err == nil && st.Mode().IsRegular() {
			return Load(candidate)
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	p := Default()
	if root := findHugoSite(dir); root != "" {
		p.SiteRoot = root
		p.StaticDir = filepath.Join(root, DefaultStaticDir)
	}
	return p, nil
}

// findHugoSite walks up from dir to a folder holding a Hugo configuration.
func findHugoSite(dir string) string {
	for d := dir; ; {
		for _, name := range []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"} {
			if st, err := os.Stat(filepath.Join(d, name)); err == nil && st.Mode().IsRegular() {
				return d
			}
		}
		// config.* is Hugo's older name; only trust it beside a content folder.
		for _, name := range []string{"config.toml", "config.yaml", "config.yml", "config.json"} {
			if st, err := os.Stat(filepath.Join(d, name)); err == nil && st.Mode().IsRegular() {
				if st, err := os.Stat(filepath.Join(d, "content")); err == nil && st.IsDir() {
					return d
				}
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// Load reads a copydesk.yaml. Every setting is optional: what the file does
// not say comes from the built-in profile. Errors name the file and line.
func Load(path string) (*Profile, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	// Through the file gateway: a FIFO or device named copydesk.yaml is
	// refused instead of blocking or being read without end.
	data, err := site.ReadFile(abs, maxProfileSize)
	if errors.Is(err, site.ErrTooLarge) {
		return nil, &LoadError{Path: path, Msg: "file is larger than 1 MB; a profile is a short YAML file"}
	}
	if err != nil {
		return nil, &LoadError{Path: path, Msg: err.Error()}
	}
	p, err := parse(data, path, filepath.Dir(abs))
	if err != nil {
		return nil, err
	}
	p.Path = abs
	return p, nil
}

type loader struct {
	path string
	dir  string
}

func (l *loader) errf(n *yaml.Node, format string, args ...any) error {
	line := 0
	if n != nil {
		line = n.Line
	}
	return &LoadError{Path: l.path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func parse(data []byte, path, dir string) (*Profile, error) {
	l := &loader{path: path, dir: dir}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(path, err)
	}
	p := Default()
	if len(doc.Content) == 0 { // an empty file is the built-in profile
		p.detectSite(dir)
		return p, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, l.errf(root, "the profile must be a mapping of settings (key: value)")
	}
	siteGiven := false
	var keyOrder *yaml.Node
	err := l.eachKey(root, func(key string, k, v *yaml.Node) error {
		var err error
		switch key {
		case "time_zone":
			var name string
			if name, err = l.str(v); err == nil {
				p.TimeZone, err = time.LoadLocation(name)
				if err != nil || name == "" || name == "Local" {
					err = l.errf(v, "time_zone: unknown time zone %q (use an IANA name such as Asia/Shanghai)", name)
				}
			}
		case "stale_days":
			p.StaleDays, err = l.nonNegInt(v, key)
		case "site":
			siteGiven = true
			err = l.site(v, p)
		case "links":
			err = l.links(v, p)
		case "outlets":
			err = l.outlets(v, p)
		case "citations":
			err = l.citations(v, p)
		case "fields":
			err = l.fields(v, p)
		case "key_order":
			keyOrder = v
		default:
			err = l.errf(k, "unknown setting %q (known: time_zone, stale_days, site, links, outlets, citations, fields, key_order)", key)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if keyOrder != nil {
		order, err := l.strList(keyOrder, "key_order")
		if err != nil {
			return nil, err
		}
		for _, f := range p.Fields {
			if !slices.Contains(order, f.Key) {
				return nil, l.errf(keyOrder, "key_order: field %q is missing from the order", f.Key)
			}
		}
		p.KeyOrder = order
	} else {
		p.KeyOrder = p.fieldKeys()
	}
	if !siteGiven {
		p.detectSite(dir)
	}
	return p, nil
}

func (p *Profile) detectSite(dir string) {
	if root := findHugoSite(dir); root != "" {
		p.SiteRoot = root
		p.StaticDir = filepath.Join(root, DefaultStaticDir)
	}
}

func yamlError(path string, err error) error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, tail, ok := strings.Cut(rest, ":"); ok {
			if v, err := strconv.Atoi(n); err == nil {
				line, msg = v, strings.TrimSpace(tail)
			}
		}
	}
	return &LoadError{Path: path, Line: line, Msg: "YAML syntax: " + msg}
}

func (l *loader) eachKey(m *yaml.Node, fn func(key string, k, v *yaml.Node) error) error {
	if m.Kind != yaml.MappingNode {
		return l.errf(m, "expected a mapping (key: value)")
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return l.errf(k, "expected a plain key")
		}
		if seen[k.Value] {
			return l.errf(k, "%q is given twice", k.Value)
		}
		seen[k.Value] = true
		if err := fn(k.Value, k, v); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) str(v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		return "", l.errf(v, "expected a text value")
	}
	return v.Value, nil
}

func (l *loader) nonNegInt(v *yaml.Node, what string) (int, error) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		if n, err := strconv.Atoi(v.Value); err == nil && n >= 0 {
			return n, nil
		}
	}
	return 0, l.errf(v, "%s: expected a whole number ≥ 0, got %q", what, v.Value)
}

func (l *loader) boolean(v *yaml.Node, what string) (bool, error) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" && (v.Value == "true" || v.Value == "false") {
		return v.Value == "true", nil
	}
	return false, l.errf(v, "%s: expected true or false, got %q", what, v.Value)
}

func (l *loader) strList(v *yaml.Node, what string) ([]string, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, l.errf(v, "%s: expected a list", what)
	}
	out := make([]string, 0, len(v.Content))
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" || item.Value == "" {
			return nil, l.errf(item, "%s: expected a list of non-empty text values", what)
		}
		if slices.Contains(out, item.Value) {
			return nil, l.errf(item, "%s: %q is listed twice", what, item.Value)
		}
		out = append(out, item.Value)
	}
	return out, nil
}

// links reads the link-checking and capture settings.
func (l *loader) links(v *yaml.Node, p *Profile) error {
	return l.eachKey(v, func(key string, k, v *yaml.Node) error {
		switch key {
		case "archive_endpoint", "archive_save_endpoint":
			s, err := l.str(v)
			if err != nil {
				return err
			}
			if u, perr := url.Parse(s); perr != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return l.errf(v, "links.%s: %q is not an http(s) URL", key, s)
			}
			if key == "archive_endpoint" {
				p.ArchiveEndpoint = s
			} else {
				p.ArchiveSaveURL = s
			}
			return nil
		case "archive_on_capture":
			b, err := l.boolean(v, "links.archive_on_capture")
			p.ArchiveOnCapture = b
			return err
		case "allow_private":
			allow, err := l.boolean(v, "links.allow_private")
			p.LinksAllowPrivate = allow
			return err
		}
		return l.errf(k, "links: unknown setting %q (known: allow_private, archive_endpoint, archive_on_capture, archive_save_endpoint)", key)
	})
}
