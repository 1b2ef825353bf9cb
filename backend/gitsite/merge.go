package gitsite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// merge3 merges two texts that both changed from base, line by line, with
// git merge-file: the edits of each side are kept where they touch
// different lines. clean is false when both sides changed the same lines;
// then merged holds git's conflict markers and must not become the draft.
func (g *git) merge3(ctx context.Context, ours, base, theirs string) (merged string, clean bool, err error) {
	dir, err := os.MkdirTemp("", "copydesk-merge-")
	if err != nil {
		return "", false, err
	}
	defer os.RemoveAll(dir)
	names := [3]string{}
	for i, text := range [3]string{ours, base, theirs} {
		names[i] = filepath.Join(dir, [3]string{"ours", "base", "theirs"}[i])
		if err := os.WriteFile(names[i], []byte(text), 0o600); err != nil {
			return "", false, err
		}
	}
	res, err := g.run(ctx, "merge-file", "-p", "--diff3", "-L", "library", "-L", "base", "-L", "site",
		names[0], names[1], names[2])
	if err != nil {
		return "", false, err
	}
	// The exit status is the number of conflicts; a negative one (255 as a
	// byte) is an error.
	if res.code < 0 || res.code > 127 {
		return "", false, fmt.Errorf("git merge-file failed: %s", trimDetail(res.stderr))
	}
	return string(res.stdout), res.code == 0, nil
}
