// Package hugoconfig reads what Copydesk needs from a Hugo site's own configuration files (hugo.* or
// config.* at the site root, then config/_default/): the `markup` settings that change an article's
// HTML, as a render.Config (LoadMarkup), and where the site keeps its articles and static files
// (LoadDirs). Only settings that change an article's HTML are read; anything else under `markup` is
// ignored with a note, never an error, because a site may use settings the preview does not model.
package hugoconfig

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"gopkg.in/yaml.v3"

	"copydesk/backend/render"
)

// siteConfigNames are the files Hugo reads at the site root, in the order it prefers them.
var siteConfigNames = []string{
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json",
}

// LoadMarkup returns the rendering configuration of the Hugo site at siteRoot: Hugo's defaults
// overlaid with the `markup` section of its config file (hugo.* or config.* at the root, then
// config/_default/{hugo,config,markup}.*). The notes name settings that were ignored. A site with no
// config file gives render.Default() and no notes; only an unreadable or malformed file is an error.
func LoadMarkup(siteRoot string) (render.Config, []string, error) {
	cfg := render.Default()
	var notes []string
	for _, p := range siteConfigFiles(siteRoot) {
		b, err := os.ReadFile(p)
		if err != nil {
			return render.Default(), nil, err
		}
		root, err := decodeConfigFile(p, b)
		if err != nil {
			return render.Default(), nil, err
		}
		markup := lookup(root, "markup")
		if strings.HasPrefix(filepath.Base(p), "markup.") {
			markup = root // config/_default/markup.toml holds the markup section itself
		}
		notes = append(notes, applyRootNotes(filepath.Base(p), root)...)
		if m, ok := markup.(map[string]any); ok {
			notes = append(notes, applyMarkup(&cfg, filepath.Base(p), m)...)
		} else if markup != nil {
			notes = append(notes, filepath.Base(p)+": markup is not a table of settings; ignored")
		}
	}
	notes = append(notes, renderHookNotes(siteRoot)...)
	normalize(&cfg)
	return cfg, notes, nil
}

// siteConfigFiles lists the configuration files Hugo reads for the site at siteRoot, in the order
// later ones override earlier ones: hugo.* or config.* at the root (the first found), then
// config/_default/{hugo,config,markup}.*.
func siteConfigFiles(siteRoot string) []string {
	var files []string
	for _, name := range siteConfigNames {
		p := filepath.Join(siteRoot, name)
		if _, err := os.Stat(p); err == nil {
			files = append(files, p)
			break
		}
	}
	for _, base := range []string{"hugo", "config", "markup"} {
		for _, ext := range []string{".toml", ".yaml", ".yml", ".json"} {
			p := filepath.Join(siteRoot, "config", "_default", base+ext)
			if _, err := os.Stat(p); err == nil {
				files = append(files, p)
			}
		}
	}
	return files
}

// normalize applies what Hugo's goldmark_config.Config.Init does after decoding.
func normalize(c *render.Config) {
	if c.Goldmark.Parser.AutoDefinitionTermID && !c.Goldmark.Extensions.DefinitionList {
		c.Goldmark.Parser.AutoDefinitionTermID = false
	}
}

// renderHookNotes names the site's own Markdown render hook templates (layouts/_markup/render-*.html
// and the older layouts/_default/_markup): Hugo renders links, images, headings, code blocks,
// blockquotes or tables through them, and the preview does not run templates.
func renderHookNotes(siteRoot string) []string {
	var notes []string
	for _, dir := range []string{
		filepath.Join(siteRoot, "layouts", "_markup"),
		filepath.Join(siteRoot, "layouts", "_default", "_markup"),
	} {
		matches, _ := filepath.Glob(filepath.Join(dir, "render-*"))
		for _, m := range matches {
			rel, _ := filepath.Rel(siteRoot, m)
			notes = append(notes, rel+": the site's render hook is not applied by the preview; that markup may differ")
		}
	}
	if themes, _ := filepath.Glob(filepath.Join(siteRoot, "themes", "*", "layouts", "*_markup", "render-*")); len(themes) > 0 {
		notes = append(notes, "themes: render hooks in the theme are not applied by the preview; that markup may differ")
	}
	return notes
}

func decodeConfigFile(path string, b []byte) (map[string]any, error) {
	root := map[string]any{}
	var err error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".toml":
		err = toml.Unmarshal(b, &root)
	case ".yaml", ".yml":
		err = yaml.Unmarshal(b, &root)
	case ".json":
		err = json.Unmarshal(b, &root)
	default:
		err = fmt.Errorf("unknown config format")
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return lowerKeys(root), nil
}

// lowerKeys lower-cases every key, merging tables that differ only in case, because Hugo's config
// keys are case-insensitive ([Markup.Goldmark] and [markup.goldmark] are one table).
func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		k = strings.ToLower(k)
		if sub, ok := v.(map[string]any); ok {
			sub = lowerKeys(sub)
			if prev, ok := out[k].(map[string]any); ok {
				mergeInto(prev, sub)
				continue
			}
			out[k] = sub
			continue
		}
		out[k] = v
	}
	return out
}

func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		if sv, ok := v.(map[string]any); ok {
			if dv, ok := dst[k].(map[string]any); ok {
				mergeInto(dv, sv)
				continue
			}
		}
		dst[k] = v
	}
}

// lookup finds key (lower case) in a map whose keys lowerKeys normalised.
func lookup(m map[string]any, key string) any {
	return m[strings.ToLower(key)]
}

// applyRootNotes notes top-level settings outside `markup` that change article HTML but that the
// preview does not model.
func applyRootNotes(file string, root map[string]any) []string {
	var notes []string
	if v := lookup(root, "enableEmoji"); v != nil && truthy(v) {
		notes = append(notes, file+": enableEmoji is not supported by the preview; :emoji: codes show as text")
	}
	if langs, ok := lookup(root, "languages").(map[string]any); ok && len(langs) > 1 {
		notes = append(notes, file+": a multilingual site renders links and images through Hugo's embedded hooks; the preview does not, so those may differ")
	}
	return notes
}

type setter func(cfg *render.Config, v any) bool

func boolSetter(f func(*render.Config) *bool) setter {
	return func(c *render.Config, v any) bool {
		b, ok := asBool(v)
		if ok {
			*f(c) = b
		}
		return ok
	}
}

func stringSetter(f func(*render.Config) *string) setter {
	return func(c *render.Config, v any) bool {
		s, ok := v.(string)
		if ok {
			*f(c) = s
		}
		return ok
	}
}

func intSetter(f func(*render.Config) *int) setter {
	return func(c *render.Config, v any) bool {
		switch n := v.(type) {
		case int64:
			*f(c) = int(n)
		case int:
			*f(c) = n
		case float64:
			*f(c) = int(n)
		case string:
			i, err := strconv.Atoi(n)
			if err != nil {
				return false
			}
			*f(c) = i
		default:
			return false
		}
		return true
	}
}

// markupSettings maps lower-cased dotted paths under `markup` to where they go in Config.
var markupSettings = map[string]setter{
	"goldmark.extensions.typographer.disable":          boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Extensions.Typographer.Disable }),
	"goldmark.extensions.typographer.leftsinglequote":  stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.Typographer.LeftSingleQuote }),
	"goldmark.extensions.typographer.rightsinglequote": stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.Typographer.RightSingleQuote }),
	"goldmark.extensions.typographer.leftdoublequote":  stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.Typographer.LeftDoubleQuote }),
	"goldmark.extensions.typographer.rightdoublequote": stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.Typographer.RightDoubleQuote }),
	"goldmark.extensions.typographer.endash":           stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.Typographer.EnDash }),
	"goldmark.extensions.typographer.emdash":           stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.Typographer.EmDash }),
	"goldmark.extensions.typographer.ellipsis":         stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.Typographer.Ellipsis }),
	"goldmark.extensions.typographer.leftanglequote":   stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.Typographer.LeftAngleQuote }),
	"goldmark.extensions.typographer.rightanglequote":  stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.Typographer.RightAngleQuote }),
	"goldmark.extensions.typographer.apostrophe":       stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.Typographer.Apostrophe }),
	"goldmark.extensions.footnote.enable":              boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Extensions.Footnote.Enable }),
	"goldmark.extensions.footnote.enableautoidprefix":  boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Extensions.Footnote.EnableAutoIDPrefix }),
	"goldmark.extensions.footnote.backlinkhtml":        stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.Footnote.BacklinkHTML }),
	"goldmark.extensions.definitionlist":               boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Extensions.DefinitionList }),
	"goldmark.extensions.table":                        boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Extensions.Table }),
	"goldmark.extensions.strikethrough":                boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Extensions.Strikethrough }),
	"goldmark.extensions.linkify":                      boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Extensions.Linkify }),
	"goldmark.extensions.linkifyprotocol":              stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.LinkifyProtocol }),
	"goldmark.extensions.tasklist":                     boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Extensions.TaskList }),
	"goldmark.extensions.cjk.enable":                   boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Extensions.CJK.Enable }),
	"goldmark.extensions.cjk.eastasianlinebreaks":      boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Extensions.CJK.EastAsianLineBreaks }),
	"goldmark.extensions.cjk.eastasianlinebreaksstyle": stringSetter(func(c *render.Config) *string { return &c.Goldmark.Extensions.CJK.EastAsianLineBreaksStyle }),
	"goldmark.extensions.cjk.escapedspace":             boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Extensions.CJK.EscapedSpace }),
	"goldmark.parser.autoheadingid":                    boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Parser.AutoHeadingID }),
	"goldmark.parser.autodefinitiontermid":             boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Parser.AutoDefinitionTermID }),
	"goldmark.parser.autoidtype":                       stringSetter(func(c *render.Config) *string { return &c.Goldmark.Parser.AutoIDType }),
	"goldmark.parser.autoheadingidtype":                stringSetter(func(c *render.Config) *string { return &c.Goldmark.Parser.AutoIDType }),
	"goldmark.parser.attribute.title":                  boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Parser.Attribute.Title }),
	"goldmark.parser.attribute.block":                  boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Parser.Attribute.Block }),
	"goldmark.parser.wrapstandaloneimagewithinparagraph": boolSetter(func(c *render.Config) *bool {
		return &c.Goldmark.Parser.WrapStandAloneImageWithinParagraph
	}),
	"goldmark.renderer.hardwraps":  boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Renderer.HardWraps }),
	"goldmark.renderer.xhtml":      boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Renderer.XHTML }),
	"goldmark.renderer.unsafe":     boolSetter(func(c *render.Config) *bool { return &c.Goldmark.Renderer.Unsafe }),
	"highlight.style":              stringSetter(func(c *render.Config) *string { return &c.Highlight.Style }),
	"highlight.codefences":         boolSetter(func(c *render.Config) *bool { return &c.Highlight.CodeFences }),
	"highlight.wrapperclass":       stringSetter(func(c *render.Config) *string { return &c.Highlight.WrapperClass }),
	"highlight.noclasses":          boolSetter(func(c *render.Config) *bool { return &c.Highlight.NoClasses }),
	"highlight.linenumbersintable": boolSetter(func(c *render.Config) *bool { return &c.Highlight.LineNumbersInTable }),
	"highlight.anchorlinenos":      boolSetter(func(c *render.Config) *bool { return &c.Highlight.AnchorLineNos }),
	"highlight.lineanchors":        stringSetter(func(c *render.Config) *string { return &c.Highlight.LineAnchors }),
	"highlight.linenostart":        intSetter(func(c *render.Config) *int { return &c.Highlight.LineNoStart }),
	"highlight.hl_lines":           stringSetter(func(c *render.Config) *string { return &c.Highlight.HlLines }),
	"highlight.tabwidth":           intSetter(func(c *render.Config) *int { return &c.Highlight.TabWidth }),
	"highlight.guesssyntax":        boolSetter(func(c *render.Config) *bool { return &c.Highlight.GuessSyntax }),
	"highlight.linenos": func(c *render.Config, v any) bool {
		switch x := v.(type) {
		case bool:
			c.Highlight.LineNos = strconv.FormatBool(x)
		case string:
			if x != "true" && x != "false" && x != "inline" && x != "table" {
				return false
			}
			c.Highlight.LineNos = x
		default:
			return false
		}
		return true
	},
}

// harmlessSettings change nothing in an article's HTML, so they are read silently.
var harmlessSettings = map[string]bool{
	"defaultmarkdownhandler":                   true, // checked separately below
	"goldmark.duplicateresourcefiles":          true,
	"goldmark.renderhooks.image.enabledefault": true,
	"goldmark.renderhooks.image.useembedded":   true, // checked separately below
	"goldmark.renderhooks.link.enabledefault":  true,
	"goldmark.renderhooks.link.useembedded":    true, // checked separately below
	"tableofcontents.startlevel":               true,
	"tableofcontents.endlevel":                 true,
	"tableofcontents.ordered":                  true,
	"asciidocext":                              true,
	"pandoc":                                   true,
	"rst":                                      true,
	"highlight.hl_inline":                      true,
}

// applyMarkup applies one `markup` map and returns notes for what it ignored, sorted.
func applyMarkup(cfg *render.Config, file string, markup map[string]any) []string {
	var notes []string
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			path := prefix + strings.ToLower(k)
			if sub, ok := v.(map[string]any); ok {
				if _, known := markupSettings[path]; !known && !harmlessSettings[path] {
					walk(path+".", sub)
					continue
				}
			}
			if harmlessSettings[path] {
				s, _ := v.(string)
				switch path {
				case "defaultmarkdownhandler":
					if s != "" && s != "goldmark" {
						notes = append(notes, fmt.Sprintf("%s: markup.defaultMarkdownHandler = %q: the preview renders with goldmark", file, s))
					}
				case "goldmark.renderhooks.image.useembedded", "goldmark.renderhooks.link.useembedded":
					// "auto" and "never" print goldmark's own markup on a single-language site;
					// "always" and "fallback" run Hugo's embedded templates, which the preview does not.
					if s == "always" || s == "fallback" {
						notes = append(notes, fmt.Sprintf("%s: markup.%s = %q: Hugo's embedded hook is not applied by the preview; that markup may differ", file, path, s))
					}
				}
				continue
			}
			set, known := markupSettings[path]
			switch {
			case !known:
				notes = append(notes, fmt.Sprintf("%s: markup.%s is not used by the preview; ignored", file, path))
			case !set(cfg, v):
				notes = append(notes, fmt.Sprintf("%s: markup.%s has an unexpected value %v; ignored", file, path, v))
			}
		}
	}
	walk("", markup)
	sort.Strings(notes)
	return notes
}

func asBool(v any) (bool, bool) {
	switch b := v.(type) {
	case bool:
		return b, true
	case string:
		p, err := strconv.ParseBool(b)
		return p, err == nil
	}
	return false, false
}

func truthy(v any) bool {
	b, _ := asBool(v)
	return b
}
