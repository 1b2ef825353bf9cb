package article

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Format is the kind of front matter a file starts with.
type Format int

const (
	FormatNone Format = iota
	FormatYAML
	FormatTOML
	FormatJSON
)

func (f Format) String() string {
	switch f {
	case FormatYAML:
		return "yaml"
	case FormatTOML:
		return "toml"
	case FormatJSON:
		return "json"
	}
	return "none"
}

// SyntaxError locates a front matter problem in the whole file.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return "line " + itoa(e.Line) + ": " + e.Msg
}

// Doc is a parsed article. It keeps the text untouched; every other field is
// derived from it. See the package comment for what positions mean.
type Doc struct {
	Text    []byte
	HasBOM  bool
	Newline string // "\n" or "\r\n", whichever ends more lines ("\n" on a tie); edits use the front matter's own
	Format  Format
	// FMClosed: the front matter block has its closing delimiter. When it
	// does not, the rest of the file is taken as front matter, the body is
	// empty, and YAMLErr says so (Hugo refuses such a file as well).
	FMClosed bool
	// The raw front matter is Text[FMStart:FMEnd], without its delimiter lines
	// (for JSON it includes the braces). With no front matter all three are
	// the offset just after the BOM.
	FMStart, FMEnd int
	BodyStart      int // the body is Text[BodyStart:]
	// YAML is the top-level mapping; nil when there is no YAML front matter,
	// it is not a mapping, or it has an error (then YAMLErr says why).
	YAML    *yaml.Node
	YAMLErr *SyntaxError
	Refs    []Ref // footnote references in the body, in text order (offsets in Text)
	Defs    []Def // footnote definitions in the body, in text order (offsets in Text)

	lineStarts []int // offset of the first byte of every line
	fmLine     int   // the file line on which FMStart lies
}

// Ref is a footnote reference "[^Label]"; Start and End bound it in Text.
type Ref struct {
	Label      string
	Start, End int
}

// Def is a footnote definition "[^Label]: Content". Start is at its "[" (after
// any indentation or block quote marker) and End at the end of its line,
// before the line ending. Content is the rest of that line after the colon
// and the spaces following it, starting at ContentStart. Continuation lines of
// a multi-line definition are not part of Content.
type Def struct {
	Label        string
	Start, End   int
	ContentStart int
	Content      string
	LabelStart   int // offset of the label text (after "[^")
	LabelEnd     int
}

// Parse reads text as an article. The error is always a *ReadError and only
// for text that is not an article at all; problems inside the article are
// reported on the Doc. Parse never modifies text and the Doc shares it.
func Parse(text []byte) (*Doc, error) {
	if err := validate(text); err != nil {
		return nil, err
	}
	d := &Doc{Text: text}
	bom := bomLen(text)
	d.HasBOM = bom > 0
	d.lineStarts = lineStarts(text, bom)
	d.Newline = dominantNewline(text)
	d.splitFrontMatter(bom)
	if d.Format == FormatYAML {
		d.parseYAML()
	}
	d.Refs, d.Defs = scanFootnotes(text, d.BodyStart)
	return d, nil
}

// Body is the text after the front matter.
func (d *Doc) Body() []byte { return d.Text[d.BodyStart:] }

// FrontMatter is the raw front matter bytes, Text[FMStart:FMEnd].
func (d *Doc) FrontMatter() []byte { return d.Text[d.FMStart:d.FMEnd] }

// Pos converts a byte offset in Text to a 1-based line and code-point column.
// Offsets out of range are clamped.
func (d *Doc) Pos(offset int) (line, col int) {
	if offset < 0 {
		offset = 0
	}
	if offset > len(d.Text) {
		offset = len(d.Text)
	}
	i := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > offset }) - 1
	if i < 0 {
		i = 0
	}
	start := d.lineStarts[i]
	if offset < start {
		offset = start
	}
	return i + 1, utf8.RuneCount(d.Text[start:offset]) + 1
}

// Offset converts a 1-based line and code-point column back to a byte
// offset in Text. A column past the end of the line gives the line end
// (before its line ending); a line past the end gives len(Text).
func (d *Doc) Offset(line, col int) int {
	if line < 1 {
		return d.lineStarts[0]
	}
	if line > len(d.lineStarts) {
		return len(d.Text)
	}
	i := d.lineStarts[line-1]
	end := d.lineEnd(i)
	for n := 1; n < col && i < end; n++ {
		_, size := utf8.DecodeRune(d.Text[i:])
		i += size
	}
	return i
}

// LineCount is the number of lines; a final line ending does not start a new one
// unless text follows it.
func (d *Doc) LineCount() int {
	n := len(d.lineStarts)
	if n > 1 && d.lineStarts[n-1] == len(d.Text) {
		n--
	}
	return n
}

// lineEnd is the offset of the end of the line containing i, before "\r\n" or "\n".
func (d *Doc) lineEnd(i int) int { return lineEndAt(d.Text, i) }

func lineEndAt(text []byte, i int) int {
	j := bytes.IndexByte(text[i:], '\n')
	if j < 0 {
		return len(text)
	}
	j += i
	if j > 0 && text[j-1] == '\r' && j-1 >= i {
		return j - 1
	}
	return j
}

// nextLine is the offset of the line after the one containing i (len(text) at the end).
func nextLine(text []byte, i int) int {
	j := bytes.IndexByte(text[i:], '\n')
	if j < 0 {
		return len(text)
	}
	return i + j + 1
}

func lineStarts(text []byte, bom int) []int {
	starts := make([]int, 1, bytes.Count(text, []byte{'\n'})+1)
	starts[0] = bom
	for i, c := range text {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func dominantNewline(text []byte) string {
	lf := bytes.Count(text, []byte{'\n'})
	crlf := bytes.Count(text, []byte("\r\n"))
	if crlf > lf-crlf {
		return "\r\n"
	}
	return "\n"
}

// splitFrontMatter finds the front matter the way Hugo does: after the BOM
// and any blank lines, a line "---" (YAML) or "+++" (TOML) opens a block closed
// by the same delimiter on a line of its own; a "{" opens a JSON object.
func (d *Doc) splitFrontMatter(bom int) {
	text := d.Text
	d.FMStart, d.FMEnd, d.BodyStart = bom, bom, bom
	i := bom
	for i < len(text) {
		end := lineEndAt(text, i)
		if len(bytes.TrimSpace(text[i:end])) != 0 {
			break
		}
		i = nextLine(text, i)
	}
	if i >= len(text) {
		return
	}
	first := text[i:lineEndAt(text, i)]
	switch {
	case isDelimiterLine(first, "---"):
		d.Format = FormatYAML
		d.splitDelimited(i, "---")
	case isDelimiterLine(first, "+++"):
		d.Format = FormatTOML
		d.splitDelimited(i, "+++")
	case text[i] == '{':
		d.Format = FormatJSON
		d.splitJSON(i)
	}
	d.fmLine, _ = d.Pos(d.FMStart)
}

func isDelimiterLine(line []byte, delim string) bool {
	return bytes.HasPrefix(line, []byte(delim)) && len(bytes.Trim(line[len(delim):], " \t")) == 0
}

func (d *Doc) splitDelimited(open int, delim string) {
	text := d.Text
	d.FMStart = nextLine(text, open)
	for i := d.FMStart; i < len(text); i = nextLine(text, i) {
		if isDelimiterLine(text[i:lineEndAt(text, i)], delim) {
			d.FMClosed = true
			d.FMEnd = i
			d.BodyStart = nextLine(text, i)
			return
		}
	}
	d.FMEnd, d.BodyStart = len(text), len(text)
	if d.FMStart > len(text) {
		d.FMStart = len(text)
	}
}

// splitJSON finds the brace that closes the object opened at open, skipping
// strings, as Hugo's lexer does.
func (d *Doc) splitJSON(open int) {
	text := d.Text
	d.FMStart = open
	depth, inString, escaped := 0, false, false
	for i := open; i < len(text); i++ {
		c := text[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{':
			depth++
		case c == '}':
			depth--
			if depth == 0 {
				d.FMClosed = true
				d.FMEnd = i + 1
				d.BodyStart = nextLine(text, i+1)
				return
			}
		}
	}
	d.FMEnd, d.BodyStart = len(text), len(text)
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
