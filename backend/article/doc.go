// Package article owns an article as text: a Markdown file with front matter,
// a body, and footnote citations.
//
// The text is the draft. Everything here is derived from the bytes and every
// change is written back into them as the smallest splice that does the job,
// so that an article that is read and written unchanged is byte-identical,
// and an edited one differs only in the lines the edit is about.
//
// What it provides:
//
//   - Parse splits the text into front matter and body, decodes YAML front
//     matter into a yaml.Node tree (never into Go values, so types are judged
//     by the caller as Hugo would see them), and finds footnote references and
//     definitions with their byte offsets. Parse refuses only text that cannot
//     be an article at all (ReadError: too large, binary, invalid UTF-8);
//     everything else, including broken YAML, is reported on the Doc.
//   - SetString, SetBool, SetDate, SetList and RemoveKey edit one top-level
//     front matter key losslessly: comments, key order, quoting style, flow or
//     block lists, blank lines, trailing spaces, BOM and CRLF stay as written.
//     A missing key is inserted after the nearest preceding key of the house
//     order. Every edit re-parses its result and refuses to return text whose
//     value does not read back as intended.
//   - ReplaceDefinition rewrites one citation line's content; Renumber
//     relabels footnotes 1..n in the order Hugo numbers them (first
//     citation) and sorts the citations block to match; LabelsInOrder gives
//     that order without editing.
//   - Count counts Han characters one by one and Latin words as runs (not
//     split on spaces), for a reading time that is right for mixed text.
//     Citation lines, footnote markers, URLs and HTML comments are not counted.
//
// Hostile input is bounded: files over MaxSize, binary or invalid UTF-8 are
// refused with a ReadError; front matter over MaxFrontMatterSize, nested
// deeper than MaxYAMLDepth or using more than MaxYAMLAliases aliases is
// reported as a YAMLErr without building (or expanding) a large tree; the
// footnote and word scanners are linear in the input.
//
// Positions: offsets are byte offsets into the whole file (Doc.Text). Lines
// and columns are 1-based over the whole file including front matter; a column
// counts Unicode code points from the line start. A UTF-8 byte order mark is
// not counted: line 1 starts after it, as editors show it. Lines end at "\n";
// a "\r" before it belongs to the line ending.
//
// Footnote rules follow Hugo's goldmark: a definition is a line starting
// (after at most three spaces) with "[^label]:"; a reference is "[^label]"
// anywhere else outside code spans and fenced or indented code blocks. The
// scanner is a careful approximation of CommonMark block structure, not a
// full parser: it knows fences, indented code, list item indentation and
// block quotes, which is what Chinese analysis articles use.
package article
