package check

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"copydesk/backend/article"
	"copydesk/backend/profile"
)

func (c *checker) frontMatter() {
	d := c.doc
	switch d.Format {
	case article.FormatNone:
		start := d.FMStart
		c.emit(FrontMatterMissing, "", start, lineEnd(d.Text, start), "", "",
			map[string]string{"keys": quoteList(c.requiredKeys(), c.lang)}, nil)
		return
	case article.FormatTOML, article.FormatJSON:
		start := c.openDelimiter()
		format := strings.ToUpper(d.Format.String())
		c.emit(FrontMatterUnsupportedFormat, "", start, lineEnd(d.Text, start), "", "",
			map[string]string{"format": format}, nil)
		return
	}
	if e := d.YAMLErr; e != nil {
		off := d.Offset(e.Line, e.Column)
		c.emit(FrontMatterSyntax, "", off, lineEnd(d.Text, off), "", "", map[string]string{"reason": e.Msg}, nil)
		return
	}
	if d.YAML != nil {
		for i := 0; i+1 < len(d.YAML.Content); i += 2 {
			k := d.YAML.Content[i]
			if _, known := c.p.Field(k.Value); !known {
				from := c.nodeOffset(k)
				c.emit(FrontMatterUnknownKey, "", from, c.nodeEnd(k, from), "", k.Value, nil, nil)
			}
		}
	}
	for _, spec := range c.p.Fields {
		c.field(spec)
	}
	c.dateFuture()
}

func (c *checker) requiredKeys() []string {
	var keys []string
	for _, f := range c.p.Fields {
		if f.Required {
			keys = append(keys, f.Key)
		}
	}
	return keys
}

// openDelimiter is the offset of the line that opens the front matter.
func (c *checker) openDelimiter() int {
	if c.fmLine > 1 {
		return c.doc.Offset(c.fmLine-1, 1)
	}
	return c.doc.FMStart
}

// nodeOffset is where a YAML node starts in the whole file.
func (c *checker) nodeOffset(n *yaml.Node) int {
	return c.doc.Offset(c.fmLine+n.Line-1, n.Column)
}

// nodeEnd is where a scalar written at from ends (best effort: the line end
// for anything else).
func (c *checker) nodeEnd(n *yaml.Node, from int) int {
	t := c.doc.Text
	end := lineEnd(t, from)
	if from >= end {
		return from
	}
	switch q := t[from]; {
	case n.Kind == yaml.ScalarNode && (q == '"' || q == '\''):
		for i := from + 1; i < end; i++ {
			if q == '"' && t[i] == '\\' {
				i++
				continue
			}
			if t[i] == q {
				if q == '\'' && i+1 < end && t[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
	case n.Kind == yaml.ScalarNode && bytes.HasPrefix(t[from:end], []byte(n.Value)):
		return from + len(n.Value)
	}
	return end
}

func lineEnd(t []byte, from int) int {
	if from > len(t) {
		return len(t)
	}
	i := bytes.IndexByte(t[from:], '\n')
	if i < 0 {
		return len(t)
	}
	end := from + i
	if end > from && t[end-1] == '\r' {
		end--
	}
	return end
}

func resolve(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < 10; depth++ {
		n = n.Alias
	}
	return n
}

func isEmpty(n *yaml.Node) bool {
	switch {
	case n == nil:
		return true
	case n.Kind == yaml.ScalarNode:
		return n.Tag == "!!null" || (n.Tag == "!!str" && strings.TrimSpace(n.Value) == "")
	case n.Kind == yaml.SequenceNode || n.Kind == yaml.MappingNode:
		return len(n.Content) == 0
	}
	return false
}

// kindWord names what a node is, for "it is {got}".
func kindWord(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	}
	switch n.Tag {
	case "!!bool":
		return "bool"
	case "!!int", "!!float":
		return "number"
	case "!!timestamp":
		return "date"
	case "!!null":
		return "empty"
	}
	return "text"
}

// span is a field's value as written, or its key when the value is empty.
type span struct{ from, to int }

func (c *checker) field(spec profile.FieldSpec) {
	f, ok := c.doc.Field(spec.Key)
	if !ok {
		if spec.Required {
			from := c.openDelimiter()
			c.emit(FrontMatterRequired, FrontMatterRequired+":missing", from, lineEnd(c.doc.Text, from), "", spec.Key, nil, nil)
		}
		return
	}
	keyFrom := c.doc.Offset(f.KeyLine, f.KeyColumn)
	sp := span{f.ValueStart, f.ValueEnd}
	if sp.to <= sp.from {
		sp = span{keyFrom, keyFrom + len(f.Name)}
	}
	v := resolve(f.Value)
	if isEmpty(v) {
		if spec.Required {
			c.emit(FrontMatterRequired, FrontMatterRequired+":empty", sp.from, sp.to, "", spec.Key, nil, nil)
		}
		return
	}
	switch spec.Type {
	case profile.TypeString, profile.TypeImage:
		c.stringField(spec, v, sp)
	case profile.TypeBool:
		c.boolField(spec, v, sp)
	case profile.TypeDate:
		c.dateField(spec, v, sp)
	case profile.TypeList:
		c.listField(spec, v, sp)
	case profile.TypeNumber:
		if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") {
			c.typeError(spec.Key, "number", v, sp, nil)
		}
	}
}

func (c *checker) typeError(key, variant string, v *yaml.Node, sp span, fix *Fix) {
	c.emit(FrontMatterType, FrontMatterType+":"+variant, sp.from, sp.to, "", key,
		map[string]string{"got": kindWord(v), "value": v.Value}, fix)
}

func (c *checker) stringField(spec profile.FieldSpec, v *yaml.Node, sp span) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!bool" || v.Tag == "!!timestamp" {
		c.typeError(spec.Key, "string", v, sp, nil)
		return
	}
	c.length(spec, v.Value, "", sp)
	c.vocabulary(spec, v.Value, sp)
	if spec.Type == profile.TypeImage {
		c.image(spec, v.Value, sp)
	}
}

// yamlBoolWords are the YAML 1.1 spellings yaml.v3 turns into a bool when
// asked, but which are strings to YAML 1.2 readers such as Hugo's.
var yamlBoolWords = map[string]bool{
	"yes": true, "y": true, "on": true, "true": true,
	"no": false, "n": false, "off": false, "false": false,
}

// hugoBool is what Hugo makes of a text value where it expects a boolean:
// it converts with Go's strconv.ParseBool, and anything that fails (yes, on)
// is false, so `draft: yes` publishes the article.
func hugoBool(s string) bool {
	b, err := strconv.ParseBool(strings.TrimSpace(s))
	return err == nil && b
}

func (c *checker) boolField(spec profile.FieldSpec, v *yaml.Node, sp span) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		return
	}
	if v.Kind == yaml.ScalarNode {
		if b, ok := yamlBoolWords[strings.ToLower(strings.TrimSpace(v.Value))]; ok {
			shown := c.doc.Text[sp.from:sp.to]
			fixed, err := article.SetBool(c.doc.Text, spec.Key, b, c.p.KeyOrder)
			fix := c.textFix(c.title("Write "+spec.Key+": "+strconv.FormatBool(b), "改为 "+spec.Key+": "+strconv.FormatBool(b)), fixed, err)
			c.emit(FrontMatterType, FrontMatterType+":bool_text", sp.from, sp.to, "", spec.Key,
				map[string]string{"got": "text", "value": string(shown), "suggestion": strconv.FormatBool(b), "hugo_reads": strconv.FormatBool(hugoBool(v.Value))}, fix)
			return
		}
	}
	c.typeError(spec.Key, "bool", v, sp, nil)
}

func (c *checker) listField(spec profile.FieldSpec, v *yaml.Node, sp span) {
	switch v.Kind {
	case yaml.ScalarNode:
		var fix *Fix
		if !strings.ContainsAny(v.Value, ",，、;；") {
			fixed, err := article.SetList(c.doc.Text, spec.Key, []string{v.Value}, c.p.KeyOrder)
			fix = c.textFix(c.title("Make "+spec.Key+" a list", "将 "+spec.Key+" 改为列表"), fixed, err)
		}
		c.emit(FrontMatterType, FrontMatterType+":list_scalar", sp.from, sp.to, "", spec.Key,
			map[string]string{"got": kindWord(v), "value": v.Value}, fix)
		return
	case yaml.SequenceNode:
	default:
		c.typeError(spec.Key, "list", v, sp, nil)
		return
	}
	items := make([]string, 0, len(v.Content))
	spans := make([]span, 0, len(v.Content))
	allScalars := true
	for i, raw := range v.Content {
		n := resolve(raw)
		from := c.nodeOffset(raw)
		isp := span{from, c.nodeEnd(raw, from)}
		if n == nil || n.Kind != yaml.ScalarNode || isEmpty(n) {
			got := "empty_item"
			if n != nil && n.Kind != yaml.ScalarNode {
				got = kindWord(n)
			}
			c.emit(FrontMatterType, FrontMatterType+":list_item", isp.from, isp.to, "", spec.Key,
				map[string]string{"got": got, "index": strconv.Itoa(i + 1)}, nil)
			allScalars = false
			continue
		}
		items = append(items, n.Value)
		spans = append(spans, isp)
	}
	if spec.MaxItems > 0 && len(v.Content) > spec.MaxItems {
		c.emit(FrontMatterLength, FrontMatterLength+":many", sp.from, sp.to, "", spec.Key,
			map[string]string{"count": strconv.Itoa(len(v.Content)), "max": strconv.Itoa(spec.MaxItems)}, nil)
	}
	if spec.MinItems > 0 && len(v.Content) < spec.MinItems {
		c.emit(FrontMatterLength, FrontMatterLength+":few", sp.from, sp.to, "", spec.Key,
			map[string]string{"count": strconv.Itoa(len(v.Content)), "min": strconv.Itoa(spec.MinItems)}, nil)
	}
	seen := make(map[string]bool, len(items))
	var dedupFix *Fix
	for i, item := range items {
		c.length(spec, item, "item_", spans[i])
		c.vocabulary(spec, item, spans[i])
		if spec.Unique && seen[item] {
			if dedupFix == nil && allScalars {
				fixed, err := article.SetList(c.doc.Text, spec.Key, dedupe(items), c.p.KeyOrder)
				dedupFix = c.textFix(c.title("Remove repeated values from "+spec.Key, "删除 "+spec.Key+" 中的重复项"), fixed, err)
			}
			c.emit(FrontMatterDuplicateValue, "", spans[i].from, spans[i].to, "", spec.Key,
				map[string]string{"value": item}, dedupFix)
		}
		seen[item] = true
	}
}

func dedupe(items []string) []string {
	seen := make(map[string]bool, len(items))
	out := make([]string, 0, len(items))
	for _, it := range items {
		if !seen[it] {
			seen[it] = true
			out = append(out, it)
		}
	}
	return out
}

func (c *checker) length(spec profile.FieldSpec, value, variant string, sp span) {
	if spec.MinLen == 0 && spec.MaxLen == 0 {
		return
	}
	n := utf8.RuneCountInString(strings.TrimSpace(value))
	params := map[string]string{"length": strconv.Itoa(n), "value": value}
	switch {
	case spec.MaxLen > 0 && n > spec.MaxLen:
		params["max"] = strconv.Itoa(spec.MaxLen)
		c.emit(FrontMatterLength, FrontMatterLength+":"+variant+"long", sp.from, sp.to, "", spec.Key, params, nil)
	case n < spec.MinLen:
		params["min"] = strconv.Itoa(spec.MinLen)
		c.emit(FrontMatterLength, FrontMatterLength+":"+variant+"short", sp.from, sp.to, "", spec.Key, params, nil)
	}
}

func (c *checker) vocabulary(spec profile.FieldSpec, value string, sp span) {
	if len(spec.Vocabulary) == 0 {
		return
	}
	for _, w := range spec.Vocabulary {
		if w == value {
			return
		}
	}
	c.emit(FrontMatterVocabulary, "", sp.from, sp.to, "", spec.Key,
		map[string]string{"value": value, "allowed": quoteList(spec.Vocabulary, c.lang)}, nil)
}

func (c *checker) dateFuture() {
	if c.articleTime.IsZero() || !c.articleTime.After(c.now) {
		return
	}
	// Judge the draft flag as Hugo reads it: `draft: yes` is text that Hugo
	// takes as false, so such an article is published and the date matters.
	if f, ok := c.doc.Field("draft"); ok {
		v := resolve(f.Value)
		if v == nil || v.Kind != yaml.ScalarNode || hugoBool(v.Value) {
			return
		}
	}
	f, _ := c.doc.Field("date")
	c.emit(FrontMatterDateFuture, "", f.ValueStart, f.ValueEnd, "", "date", map[string]string{
		"date": c.articleTime.Format(time.RFC3339),
		"now":  c.now.In(c.loc).Format(time.RFC3339),
	}, nil)
}

// imageIsURL: an absolute URL is not a file in the static folder.
func imageIsURL(v string) bool {
	return strings.Contains(v, "://") || strings.HasPrefix(v, "//")
}
