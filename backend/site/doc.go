// Package site moves articles between the file system and copydesk: it
// finds the Markdown files of folders named for import (remembering each by
// its path relative to the folder named), and writes exports into a Hugo
// content folder atomically, never outside it, and never over a file that
// someone else changed.
//
// It knows files and bytes only; the library package decides what to do with
// them.
package site
