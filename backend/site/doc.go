// Package site is copydesk's one gateway to the file system for articles:
// every command and service finds files with Collect (folders walked for
// *.md, special files skipped, a link named by the user followed, no loops),
// reads them with ReadFile (regular files only, never blocking on a FIFO,
// bounded), and writes them atomically (WriteAtomic, ReplaceIfUnchanged),
// into an export folder never outside it (Target), never over a file that
// someone else changed. It also quotes file names for messages (Quote).
//
// It knows files and bytes only; the library package decides what to do with
// them.
package site
