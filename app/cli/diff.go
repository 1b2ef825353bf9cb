package cli

import (
	"bytes"
	"fmt"
	"io"
)

// maxDiffCells bounds the line matching of unifiedDiff: past it (two files
// of many thousand differing lines) the changed middle is shown as one
// replacement, which is still a correct diff.
const maxDiffCells = 4 << 20

// unifiedDiff writes a unified diff (3 lines of context) from old to new,
// labelled with path, in the format of diff -u and git diff.
func unifiedDiff(w io.Writer, path string, old, new []byte) {
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)
	fmt.Fprintf(w, "--- %s\n+++ %s\n", path, path)
	const context = 3
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk: from context lines before the change to context lines after
		// the last change that is within 2*context of the previous one.
		start := max(i-context, 0)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*context {
				end = min(end+context, len(ops))
				break
			}
			end = run
		}
		aStart, bStart := ops[start].aLine, ops[start].bLine
		var aCount, bCount int
		for _, op := range ops[start:end] {
			if op.kind != '+' {
				aCount++
			}
			if op.kind != '-' {
				bCount++
			}
		}
		fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(aStart, aCount), hunkRange(bStart, bCount))
		for _, op := range ops[start:end] {
			line := op.text
			w.Write([]byte{op.kind})
			w.Write(line)
			if !bytes.HasSuffix(line, []byte("\n")) {
				io.WriteString(w, "\n\\ No newline at end of file\n")
			}
		}
		i = end
	}
}

func hunkRange(start, count int) string {
	if count == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if count == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

type diffOp struct {
	kind         byte // ' ', '-' or '+'
	text         []byte
	aLine, bLine int // 0-based line numbers before this op in a and b
}

func splitLines(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, b)
			break
		}
		out = append(out, b[:i+1])
		b = b[i+1:]
	}
	return out
}

// diffLines matches lines by longest common subsequence after trimming the
// common head and tail (a fix changes a few lines of a long file).
func diffLines(a, b [][]byte) []diffOp {
	var ops []diffOp
	ai, bi := 0, 0
	emit := func(kind byte, text []byte) {
		ops = append(ops, diffOp{kind: kind, text: text, aLine: ai, bLine: bi})
		if kind != '+' {
			ai++
		}
		if kind != '-' {
			bi++
		}
	}
	pre := 0
	for pre < len(a) && pre < len(b) && bytes.Equal(a[pre], b[pre]) {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && bytes.Equal(a[len(a)-1-suf], b[len(b)-1-suf]) {
		suf++
	}
	for _, l := range a[:pre] {
		emit(' ', l)
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(am)*len(bm) > maxDiffCells {
		for _, l := range am {
			emit('-', l)
		}
		for _, l := range bm {
			emit('+', l)
		}
	} else {
		// lcs[i][j]: length of the LCS of am[i:] and bm[j:].
		n, m := len(am), len(bm)
		lcs := make([][]int32, n+1)
		for i := range lcs {
			lcs[i] = make([]int32, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if bytes.Equal(am[i], bm[j]) {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && bytes.Equal(am[i], bm[j]):
				emit(' ', am[i])
				i++
				j++
			case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
				// Removals before additions, as diff -u prints them.
				if i < n && lcs[i+1][j] >= lcs[i][j+1] {
					emit('-', am[i])
					i++
				} else {
					emit('+', bm[j])
					j++
				}
			default:
				emit('-', am[i])
				i++
			}
		}
	}
	for _, l := range a[len(a)-suf:] {
		emit(' ', l)
	}
	return ops
}
