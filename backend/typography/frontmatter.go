package typography

import (
	"bytes"

	"gopkg.in/yaml.v3"

	"copydesk/backend/article"
)

// frontMatterBlocks is the prose of the front matter values s names. Only
// scalar text values count; inside quoted scalars the quotes and escapes are
// barriers, so a fix never breaks the YAML.
func frontMatterBlocks(doc *article.Doc, s Settings) []block {
	if doc.YAML == nil {
		return nil
	}
	var out []block
	for _, key := range s.FrontMatter {
		f, ok := doc.Field(key)
		if !ok || f.Value == nil || f.Value.Kind != yaml.ScalarNode || f.Value.Tag != "!!str" || f.Value.Style&yaml.TaggedStyle != 0 {
			continue // not text, or text behind an explicit tag (!!str 中文) whose bytes are YAML
		}
		from, to := f.ValueStart, f.ValueEnd
		if from < 0 || to > len(doc.Text) || from >= to {
			continue
		}
		mode := plainYAML
		switch st := f.Value.Style; {
		case st&yaml.DoubleQuotedStyle != 0:
			mode, from, to = doubleQuotedYAML, from+1, to-1
		case st&yaml.SingleQuotedStyle != 0:
			mode, from, to = singleQuotedYAML, from+1, to-1
		case st&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
			// The header line (| or >, with indicators) is not prose.
			nl := bytes.IndexByte(doc.Text[from:to], '\n')
			if nl < 0 {
				continue
			}
			from += nl
		}
		if from >= to {
			continue
		}
		if bl, _ := appendProse(nil, doc.Text, from, to, mode); len(bl) > 0 {
			out = append(out, bl)
		}
	}
	return out
}
