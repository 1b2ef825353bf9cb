package pagemeta

import (
	"encoding/json"
	"fmt"
	"strings"
)

// JSON-LD limits: one block above maxJSONLDBytes is skipped (article
// metadata is a few KiB; a megabyte is a data dump or an attack), and at
// most maxJSONLDBlocks blocks and maxJSONLDThings objects are looked at.
const (
	maxJSONLDBytes  = 1 << 20
	maxJSONLDBlocks = 64
	maxJSONLDThings = 2000
)

// thing is one JSON-LD object with its @type names (schema.org prefix off).
type thing struct {
	types []string
	obj   map[string]any
}

// ldGraph is every object of every JSON-LD block, flattened, with an @id
// index so references ({"@id": "#/schema/person/1"}) resolve.
type ldGraph struct {
	things   []thing
	byID     map[string]map[string]any
	pageKeys map[string]bool // urlKey of the page's own URLs
	ranked   []thing         // articles(), computed once
}

// articleRank orders @types: the object that describes the article itself
// beats the page that holds it, which beats everything else.
func articleRank(types []string) int {
	best := 99
	for _, t := range types {
		r := 99
		switch {
		case strings.HasSuffix(t, "NewsArticle"):
			// ReportageNewsArticle, and the *NewsArticle types to come.
			r = 0
		case strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "Posting"):
			r = 1
		}
		switch t {
		case "NewsArticle", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
			"BackgroundNewsArticle", "AskPublicNewsArticle", "SatiricalArticle", "LiveBlogPosting":
			r = 0
		case "Article", "BlogPosting", "ScholarlyArticle", "TechArticle", "Report", "SocialMediaPosting",
			"DiscussionForumPosting", "Review", "Blog", "VideoObject", "PodcastEpisode":
			r = 1
		case "WebPage", "ItemPage", "CollectionPage", "AboutPage", "ProfilePage", "QAPage", "MediaGallery":
			r = 2
		}
		best = min(best, r)
	}
	return best
}

// parseJSONLD reads the script blocks; broken blocks are repaired when the
// breakage is a common one (raw newlines in strings, HTML comments or CDATA
// around the JSON, a trailing semicolon) and skipped with a warning
// otherwise, so one bad block never hides the others.
func parseJSONLD(blocks []string) (ldGraph, []string) {
	g := ldGraph{byID: map[string]map[string]any{}}
	var warnings []string
	for i, b := range blocks {
		if i >= maxJSONLDBlocks {
			warnings = append(warnings, fmt.Sprintf("more than %d JSON-LD blocks; the rest were skipped", maxJSONLDBlocks))
			break
		}
		if len(b) > maxJSONLDBytes {
			warnings = append(warnings, fmt.Sprintf("JSON-LD block %d is %d bytes (cap %d); skipped", i+1, len(b), maxJSONLDBytes))
			continue
		}
		v, err := decodeJSONLD(b)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("JSON-LD block %d is not valid JSON (%v); skipped", i+1, err))
			continue
		}
		g.add(v, 0)
	}
	return g, warnings
}

func decodeJSONLD(b string) (any, error) {
	var v any
	err := json.Unmarshal([]byte(b), &v)
	if err == nil {
		return v, nil
	}
	s := strings.TrimSpace(b)
	for _, w := range []string{"<!--", "-->", "<![CDATA[", "]]>", "//<![CDATA[", "//]]>"} {
		s = strings.ReplaceAll(s, w, "")
	}
	s = strings.TrimRight(strings.TrimSpace(s), ";")
	// Raw control characters are invalid inside JSON strings but harmless
	// as spaces anywhere.
	s = strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, s)
	if err2 := json.Unmarshal([]byte(s), &v); err2 != nil {
		return nil, err
	}
	return v, nil
}

// add flattens v into the graph: arrays, @graph and nested mainEntity.
func (g *ldGraph) add(v any, depth int) {
	if depth > 8 || len(g.things) >= maxJSONLDThings {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			g.add(e, depth+1)
		}
	case map[string]any:
		if graph, ok := x["@graph"]; ok {
			g.add(graph, depth+1)
		}
		if id, ok := x["@id"].(string); ok && id != "" && len(x) > 1 {
			if _, seen := g.byID[id]; !seen {
				g.byID[id] = x
			}
		}
		types := ldTypes(x["@type"])
		if len(types) > 0 {
			g.things = append(g.things, thing{types: types, obj: x})
		}
		// Nested main entities are the page's subject. Not
		// itemListElement: lists hold other stories.
		for _, k := range []string{"mainEntity", "mainEntityOfPage"} {
			if sub, ok := x[k].(map[string]any); ok && sub["@type"] != nil {
				g.add(sub, depth+1)
			}
		}
	}
}

func ldTypes(v any) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimPrefix(s, "schema:")
		if i := strings.LastIndexAny(s, "/#"); i >= 0 {
			s = s[i+1:]
		}
		if s != "" {
			out = append(out, s)
		}
	}
	switch x := v.(type) {
	case string:
		add(x)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				add(s)
			}
		}
	}
	return out
}

// resolve follows an {"@id": ...} reference to the full object.
func (g *ldGraph) resolve(v any) any {
	if m, ok := v.(map[string]any); ok {
		if id, ok := m["@id"].(string); ok && len(m) == 1 {
			if full, ok := g.byID[id]; ok {
				return full
			}
		}
	}
	return v
}

// articles are the article-like things, best rank first, document order
// within a rank.
//
// Within a rank, an object whose url, @id or mainEntityOfPage is this page
// comes first: a block describing related stories may precede the story.
func (g *ldGraph) articles() []thing {
	if g.ranked != nil {
		return g.ranked
	}
	out := []thing{}
	for r := 0; r <= 2; r++ {
		for _, self := range []bool{true, false} {
			for _, t := range g.things {
				if articleRank(t.types) == r && g.isSelf(t) == self {
					out = append(out, t)
				}
			}
		}
	}
	g.ranked = out
	return out
}

func (g *ldGraph) isSelf(t thing) bool {
	if len(g.pageKeys) == 0 {
		return false
	}
	for _, k := range []string{"url", "@id", "mainEntityOfPage"} {
		v := t.obj[k]
		if m, ok := v.(map[string]any); ok {
			v = m["@id"]
		}
		if s, ok := v.(string); ok && g.pageKeys[urlKey(s)] {
			return true
		}
	}
	return false
}

// urlKey compares URLs: scheme, "www.", query, fragment and a trailing
// slash do not matter.
func urlKey(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	u = strings.TrimPrefix(u, "www.")
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimSuffix(u, "/")
}

// mainType names a thing in evidence: its most article-like @type.
func mainType(t thing) string {
	best, name := 100, t.types[0]
	for _, ty := range t.types {
		if r := articleRank([]string{ty}); r < best {
			best, name = r, ty
		}
	}
	return name
}

// str is a JSON-LD value as text: strings as they are, {"@value": ...},
// the first element of an array.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		if len(x) > 0 {
			return str(x[0])
		}
	case map[string]any:
		if s, ok := x["@value"]; ok {
			return str(s)
		}
	case float64:
		return fmt.Sprintf("%.0f", x)
	}
	return ""
}

// ldPerson is one author as JSON-LD gave it.
type ldPerson struct {
	name string
	org  bool // an Organization rather than a Person
}

// names reads author values: a string, a Person or Organization object, an
// @id reference, {"name": [...]}, or arrays of those.
func (g *ldGraph) names(v any, depth int) []ldPerson {
	if depth > 4 {
		return nil
	}
	v = g.resolve(v)
	switch x := v.(type) {
	case string:
		if s := strings.TrimSpace(x); s != "" {
			return []ldPerson{{name: s}}
		}
	case []any:
		var out []ldPerson
		for _, e := range x {
			out = append(out, g.names(e, depth+1)...)
		}
		return out
	case map[string]any:
		org := false
		for _, t := range ldTypes(x["@type"]) {
			if strings.Contains(t, "Organization") || t == "NewsMediaOrganization" || t == "Corporation" {
				org = true
			}
		}
		var out []ldPerson
		switch n := x["name"].(type) {
		case string:
			if s := strings.TrimSpace(n); s != "" {
				out = append(out, ldPerson{name: s, org: org})
			}
		case []any:
			for _, p := range g.names(n, depth+1) {
				out = append(out, ldPerson{name: p.name, org: org})
			}
		default:
			given, family := str(x["givenName"]), str(x["familyName"])
			if full := strings.TrimSpace(given + " " + family); full != "" {
				out = append(out, ldPerson{name: full, org: org})
			}
		}
		return out
	}
	return nil
}

// accessibleForFree reports isAccessibleForFree=false on any article thing.
func (g *ldGraph) notFree() bool {
	for _, t := range g.articles() {
		switch v := t.obj["isAccessibleForFree"].(type) {
		case bool:
			if !v {
				return true
			}
		case string:
			if strings.EqualFold(strings.TrimSpace(v), "false") {
				return true
			}
		}
	}
	return false
}
