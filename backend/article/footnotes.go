package article

import (
	"bytes"
	"sort"
)

// scanFootnotes finds footnote references and definitions in text[from:].
// Offsets are into text. See the package comment for the rules.
func scanFootnotes(text []byte, from int) ([]Ref, []Def) {
	s := footnoteScanner{text: text}
	s.scan(from)
	return s.refs, s.defs
}

type footnoteScanner struct {
	text []byte
	refs []Ref
	defs []Def

	para   [][2]int // segments of the open paragraph
	buf    []byte   // reused by scanInline
	starts []int
}

type lineInfo struct {
	start, end int // the line without its line ending
	content    int // after block quote markers and indentation
	indent     int // columns of indentation after the markers (tabs to 4)
	blank      bool
}

func (s *footnoteScanner) describe(start int) lineInfo {
	t := s.text
	li := lineInfo{start: start, end: lineEndAt(t, start)}
	i := start
	// Block quote markers: up to three spaces, '>', one optional space.
	for {
		j, sp := i, 0
		for j < li.end && t[j] == ' ' && sp < 3 {
			j++
			sp++
		}
		if j < li.end && t[j] == '>' {
			i = j + 1
			if i < li.end && (t[i] == ' ' || t[i] == '\t') {
				i++
			}
			continue
		}
		break
	}
	col := 0
	for i < li.end && (t[i] == ' ' || t[i] == '\t') {
		if t[i] == '\t' {
			col += 4 - col%4
		} else {
			col++
		}
		i++
	}
	li.content, li.indent, li.blank = i, col, i == li.end
	return li
}

func (s *footnoteScanner) scan(from int) {
	t := s.text
	var (
		fenceChar           byte
		fenceLen            int
		inHTMLComment       bool
		prevBlank, prevCode = true, false
		listIndent          int // content column of the current list item, 0 outside lists
	)
	for ls := from; ls < len(t); ls = nextLine(t, ls) {
		li := s.describe(ls)
		line := t[li.content:li.end]
		switch {
		case fenceLen > 0:
			if li.indent-listIndent < 4 && isFence(line, fenceChar, fenceLen) && len(bytes.Trim(bytes.TrimLeft(line, string(fenceChar)), " \t")) == 0 {
				fenceLen = 0
			}
			continue
		case inHTMLComment:
			if bytes.Contains(t[ls:li.end], []byte("-->")) {
				inHTMLComment = false
			}
			continue
		case li.blank:
			s.flush()
			prevBlank = true
			continue
		}
		rel := li.indent - listIndent
		if rel < 0 && prevBlank && !isListItem(line) {
			listIndent, rel = 0, li.indent
		}
		if rel >= 4 && (prevBlank || prevCode) && len(s.para) == 0 {
			prevBlank, prevCode = false, true
			continue // indented code
		}
		prevBlank, prevCode = false, false
		if rel < 4 {
			if c, n := fenceOpen(line); n > 0 {
				s.flush()
				fenceChar, fenceLen = c, n
				continue
			}
			if bytes.HasPrefix(line, []byte("<!--")) {
				s.flush()
				inHTMLComment = !bytes.Contains(line[4:], []byte("-->"))
				continue
			}
			if width := listMarkerWidth(line); width > 0 {
				s.flush()
				listIndent = li.indent + width
				s.para = append(s.para, [2]int{li.content + width, li.end})
				continue
			}
			if s.definition(li) {
				continue
			}
			if line[0] == '#' {
				s.flush()
				s.para = append(s.para, [2]int{li.content, li.end})
				s.flush()
				continue
			}
		}
		s.para = append(s.para, [2]int{li.content, li.end})
	}
	s.flush()
}

// definition records "[^label]: ..." at li and scans its content for
// references (a definition may cite another note).
func (s *footnoteScanner) definition(li lineInfo) bool {
	t := s.text
	line := t[li.content:li.end]
	if len(line) < 5 || line[0] != '[' || line[1] != '^' {
		return false
	}
	n := labelLen(line[2:])
	if n <= 0 || 2+n+1 >= len(line) || line[2+n+1] != ':' {
		return false
	}
	s.flush()
	cs := li.content + 2 + n + 2
	for cs < li.end && (t[cs] == ' ' || t[cs] == '\t') {
		cs++
	}
	s.defs = append(s.defs, Def{
		Label: string(line[2 : 2+n]), Start: li.content, End: li.end,
		ContentStart: cs, Content: string(t[cs:li.end]),
		LabelStart: li.content + 2, LabelEnd: li.content + 2 + n,
	})
	s.para = append(s.para, [2]int{cs, li.end})
	s.flush()
	return true
}

// labelLen is the length of a footnote label before its closing ']', or -1.
// Labels are what goldmark accepts, minus brackets: not blank, one line.
func labelLen(b []byte) int {
	blank := true
	for i, c := range b {
		switch c {
		case ']':
			if blank {
				return -1
			}
			return i
		case '[', '\n', '\r':
			return -1
		case ' ', '\t':
		default:
			blank = false
		}
	}
	return -1
}

func fenceOpen(line []byte) (byte, int) {
	if len(line) < 3 || (line[0] != '`' && line[0] != '~') {
		return 0, 0
	}
	c := line[0]
	n := 0
	for n < len(line) && line[n] == c {
		n++
	}
	if n < 3 || (c == '`' && bytes.IndexByte(line[n:], '`') >= 0) {
		return 0, 0
	}
	return c, n
}

func isFence(line []byte, c byte, atLeast int) bool {
	n := 0
	for n < len(line) && line[n] == c {
		n++
	}
	return n >= atLeast
}

// listMarkerWidth is the width of "- ", "* ", "+ ", "1. " or "1) " plus the
// spaces after it, or 0 when the line does not start a list item.
func listMarkerWidth(line []byte) int {
	i := 0
	switch {
	case len(line) > 0 && (line[0] == '-' || line[0] == '*' || line[0] == '+'):
		i = 1
	default:
		for i < len(line) && i < 9 && line[i] >= '0' && line[i] <= '9' {
			i++
		}
		if i == 0 || i >= len(line) || (line[i] != '.' && line[i] != ')') {
			return 0
		}
		i++
	}
	if i >= len(line) || (line[i] != ' ' && line[i] != '\t') {
		return 0
	}
	sp := 0
	for i+sp < len(line) && line[i+sp] == ' ' {
		sp++
	}
	if sp > 4 {
		sp = 1
	}
	if sp == 0 {
		sp = 1 // a tab
	}
	return i + sp
}

func isListItem(line []byte) bool { return listMarkerWidth(line) > 0 }

// flush scans the open paragraph for references, then closes it.
func (s *footnoteScanner) flush() {
	if len(s.para) == 0 {
		return
	}
	// Join the segments so that a code span may cross a line; starts maps
	// buffer positions back to text offsets.
	s.buf, s.starts = s.buf[:0], s.starts[:0]
	for _, seg := range s.para {
		s.starts = append(s.starts, len(s.buf))
		s.buf = append(s.buf, s.text[seg[0]:seg[1]]...)
		s.buf = append(s.buf, '\n')
	}
	s.scanInline(s.buf)
	s.para = s.para[:0]
}

// toText maps a position in the joined paragraph buffer back to a text
// offset. A binary search keeps a paragraph of many lines, each with a
// reference, linear overall rather than quadratic.
func (s *footnoteScanner) toText(pos int) int {
	// The last segment that starts at or before pos.
	i := sort.Search(len(s.starts), func(j int) bool { return s.starts[j] > pos }) - 1
	if i < 0 {
		i = 0
	}
	return s.para[i][0] + pos - s.starts[i]
}

// scanInline finds references in a paragraph, skipping code spans and HTML
// comments. Backtick runs are indexed first so that a paragraph full of
// unmatched runs costs linear time, not quadratic.
func (s *footnoteScanner) scanInline(b []byte) {
	runs := s.backtickRuns(b)
	k := 0 // the first run at or after i
	commentCloses := true
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '`':
			for k < len(runs) && runs[k].pos < i {
				k++
			}
			if k >= len(runs) || runs[k].pos != i {
				continue // an escaped backtick's neighbours
			}
			if m := runs[k].next; m >= 0 {
				i = runs[m].pos + runs[m].n - 1
				k = m + 1
			} else {
				i += runs[k].n - 1
				k++
			}
		case '<':
			if commentCloses && bytes.HasPrefix(b[i:], []byte("<!--")) {
				if j := bytes.Index(b[i+4:], []byte("-->")); j >= 0 {
					i += 4 + j + 2
				} else {
					commentCloses = false
				}
			}
		case '[':
			if i+1 < len(b) && b[i+1] == '^' {
				if n := labelLen(b[i+2:]); n > 0 {
					start := s.toText(i)
					s.refs = append(s.refs, Ref{Label: string(b[i+2 : i+2+n]), Start: start, End: start + n + 3})
					i += n + 2
				}
			}
		}
	}
}

type backtickRun struct {
	pos, n int
	next   int // index of the next run of the same length, or -1
}

func (s *footnoteScanner) backtickRuns(b []byte) []backtickRun {
	var runs []backtickRun
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '`':
			n := 1
			for i+n < len(b) && b[i+n] == '`' {
				n++
			}
			runs = append(runs, backtickRun{pos: i, n: n, next: -1})
			i += n - 1
		}
	}
	last := map[int]int{}
	for j := len(runs) - 1; j >= 0; j-- {
		if m, ok := last[runs[j].n]; ok {
			runs[j].next = m
		}
		last[runs[j].n] = j
	}
	return runs
}
