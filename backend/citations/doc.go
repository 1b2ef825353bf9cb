// Package citations holds the citation operations the desktop app and the
// command line share: reading a draft's footnote definitions as citations
// (with the number Hugo shows for each), adding, rewriting and deleting
// them in house style, the sources library (what is known about each cited
// URL), checking the cited links with the results cached in the library,
// the rule for which citations "retrieved today" may mark, the audit of
// every draft, and capturing a page's metadata as a new citation.
//
// Offsets are byte offsets into the text; the app layer converts them for
// the editor. Errors the user must act on are *Error values with a stable
// code (see the Code* constants) the UI words in the user's language.
package citations
