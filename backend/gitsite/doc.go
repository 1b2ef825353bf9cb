// Package gitsite owns the Hugo site as a Git working copy: the status of
// the site against its remote and the library, publishing drafts (export,
// commit, push), pulling the others' changes into the library with a
// three-way merge, and building the site with its own Hugo to find errors.
//
// It drives the system git command, so the editor's SSH keys, credential
// helpers and configuration all apply, and never keeps a sync of its own:
// every remote operation is git's. Git runs with core.quotepath=off,
// machine-readable output where git has one (status --porcelain=v2 -z,
// push --porcelain), LC_ALL=C for the messages it parses, no terminal
// prompts, ssh in batch mode (unless the editor configured ssh for git) and
// a time-out, so a missing credential fails at once instead of hanging.
// Failures are *Error values with a Code and what to do.
//
// Paths: a draft's remembered path is relative to the site's content folder
// (Hugo's contentDir), which is what importing that folder remembers. A
// draft that never came from the site is published to DraftsDir/<slug>.md.
//
// The base of a merge is the text the draft and the site's file last agreed
// on (imported, exported or pulled), kept by the library.
//
// What each operation guarantees (no byte of an editor's text is lost):
//
//   - Status reads only; with Fetch it also fetches (no working-copy change).
//   - Pull: when git cannot fast-forward or rebase (a conflict between local
//     commits and the remote's, uncommitted changes in the way), the rebase
//     is aborted and the working copy and library are as they were. After
//     git succeeded, each changed article is handled on its own: a draft not
//     edited since it last agreed with the site takes the site's text (the
//     old text stays in its revisions); a draft edited on both sides is
//     merged line by line; when both changed the same lines, the draft's
//     text is left exactly as it was and the site's text is kept beside it
//     (conflicted) until the editor resolves it: conflict markers never
//     enter a draft. A file deleted in the site leaves its draft alone. A
//     draft edited while the pull ran is left alone and reported.
//   - Publish: conflicted drafts are refused. Export writes each file
//     atomically and refuses one changed outside Copydesk (reported). If the
//     commit fails (a pre-commit hook, no identity), the written files stay
//     in the content folder, uncommitted, the index is restored, and the
//     library remembers them as exported: publishing again commits them. If
//     the push fails (rejected, hook, authentication, network), the commit
//     stays in the working copy and the next publish pushes it; a push
//     rejected because the remote moved is retried once after a pull.
//   - Cancelling (a context) stops git with SIGTERM, so it removes its lock
//     files; what was done before stays, as described above for failures.
//   - Build runs Hugo in memory (--renderToMemory, no build lock): it writes
//     nothing to the site's public folder.
package gitsite
