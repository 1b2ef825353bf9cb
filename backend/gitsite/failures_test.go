package gitsite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/backend/library"
)

func hook(t *testing.T, path, script string) {
	t.Helper()
	writeFile(t, path, "#!/bin/sh\n"+script+"\n")
	if err := os.Chmod(path, 0o755); err != nil {
		t.Fatal(err)
	}
}

func TestPreCommitHookRejects(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false)})
	alice := newEditor(t, remote, "Alice")
	hook(t, filepath.Join(alice.dir, ".git", "hooks", "pre-commit"), `echo "摘要太短：请补充" >&2; exit 1`)
	d := alice.edit(t, "posts/a.md", "第一段正文，讲算力。", "第一段正文，改。")
	head := gitIn(t, alice.dir, "rev-parse", "HEAD")
	res, err := alice.site.Publish(ctx, PublishOptions{AllChanged: true}, nil)
	if CodeOf(err) != CodeHook || !strings.Contains(err.Error(), "摘要太短") || !strings.Contains(err.Error(), "not committed") {
		t.Fatalf("error %v (code %q)", err, CodeOf(err))
	}
	if res.Commit != "" || gitIn(t, alice.dir, "rev-parse", "HEAD") != head {
		t.Error("a commit was made")
	}
	// The file is written and left, the index as it was.
	if alice.file(t, "posts/a.md") != d.Text {
		t.Error("the exported file is not in place")
	}
	if staged := gitIn(t, alice.dir, "diff", "--cached", "--name-only"); staged != "" {
		t.Errorf("left staged: %q", staged)
	}
	// Once the hook is satisfied, publishing again commits the file.
	os.Remove(filepath.Join(alice.dir, ".git", "hooks", "pre-commit"))
	res, err = alice.site.Publish(ctx, PublishOptions{IDs: []int64{d.ID}}, nil)
	if err != nil || res.Commit == "" || !res.Pushed {
		t.Fatalf("publish again: %+v %v", res, err)
	}
}

func TestPreReceiveHookRejectsPush(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false)})
	alice := newEditor(t, remote, "Alice")
	hook(t, filepath.Join(remote, "hooks", "pre-receive"), `echo "publishing is frozen today" >&2; exit 1`)
	alice.edit(t, "posts/a.md", "第一段正文，讲算力。", "第一段正文，改。")
	res, err := alice.site.Publish(ctx, PublishOptions{AllChanged: true}, nil)
	if CodeOf(err) != CodeHook || !strings.Contains(err.Error(), "kept in the site's working copy") {
		t.Fatalf("error %v (code %q)", err, CodeOf(err))
	}
	if res.Commit == "" || res.Pushed {
		t.Errorf("result %+v", res)
	}
	st, _ := alice.site.Status(ctx, StatusOptions{})
	if st.Ahead != 1 {
		t.Errorf("the commit is not kept locally: ahead %d", st.Ahead)
	}
	// The next publish, with nothing new, pushes it.
	os.Remove(filepath.Join(remote, "hooks", "pre-receive"))
	res, err = alice.site.Publish(ctx, PublishOptions{AllChanged: true}, nil)
	if err != nil || !res.Pushed || res.Commit != "" {
		t.Fatalf("publish again: %+v %v", res, err)
	}
}

func TestUnreachableRemoteFailsFast(t *testing.T) {
	isolate(t)
	t.Setenv("GIT_SSH_COMMAND", "false")
	ctx := context.Background()
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false)})
	alice := newEditor(t, remote, "Alice")
	gitIn(t, alice.dir, "remote", "set-url", "origin", "ssh://git@nonexistent.invalid/site.git")
	start := time.Now()
	_, err := alice.site.Pull(ctx)
	if CodeOf(err) != CodeAuth {
		t.Fatalf("error %v (code %q)", err, CodeOf(err))
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
	alice.edit(t, "posts/a.md", "第一段正文，讲算力。", "第一段正文，改。")
	if _, err := alice.site.Publish(ctx, PublishOptions{AllChanged: true}, nil); CodeOf(err) != CodeAuth {
		t.Errorf("publish: %v", err)
	}
	// Nothing was exported: the failure came before.
	if strings.Contains(alice.file(t, "posts/a.md"), "改。") {
		t.Error("the file was written although the publish could not reach the remote")
	}
}

func TestNotARepositoryAndNoUpstream(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	lib, err := library.Open(filepath.Join(t.TempDir(), "l.db"), library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	plain := t.TempDir()
	writeFile(t, filepath.Join(plain, "hugo.toml"), "title = 'x'\n")
	if _, err := Open(ctx, lib, Options{Root: plain}); CodeOf(err) != CodeNotRepository {
		t.Errorf("plain folder: %v", err)
	}
	if _, err := Open(ctx, lib, Options{Root: filepath.Join(plain, "nope")}); CodeOf(err) != CodeNoSite {
		t.Errorf("missing folder: %v", err)
	}
	gitIn(t, plain, "init", "--quiet", "--initial-branch=main")
	s, err := Open(ctx, lib, Options{Root: plain, DraftsDir: "posts"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Pull(ctx); CodeOf(err) != CodeNoUpstream || !strings.Contains(err.Error(), "set-upstream-to") {
		t.Errorf("no upstream: %v", err)
	}
	// Committing works without an upstream.
	gitIn(t, plain, "config", "user.name", "Solo")
	gitIn(t, plain, "config", "user.email", "solo@example.com")
	d, _ := lib.Create(ctx, houseArticle("新文章", true))
	res, err := s.Publish(ctx, PublishOptions{IDs: []int64{d.ID}, NoPush: true}, nil)
	if err != nil || res.Commit == "" || len(res.Exported) != 1 || res.Exported[0].Path != "posts/新文章.md" {
		t.Fatalf("publish --no-push: %+v %v", res, err)
	}
}

// A publish whose push failed leaves a local commit; meanwhile the remote
// moves. The next publish rebases the commit onto the remote's and pushes.
func TestLocalCommitRebasedOntoRemote(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false), "posts/b.md": houseArticle("乙文", false)})
	alice, bob := newEditor(t, remote, "Alice"), newEditor(t, remote, "Bob")
	bob.edit(t, "posts/b.md", "第一段正文，讲算力。", "第一段正文，Bob。")
	if _, err := bob.site.Publish(ctx, PublishOptions{AllChanged: true, NoPush: true}, nil); err != nil {
		t.Fatal(err)
	}
	alice.edit(t, "posts/a.md", "第一段正文，讲算力。", "第一段正文，Alice。")
	if _, err := alice.site.Publish(ctx, PublishOptions{AllChanged: true}, nil); err != nil {
		t.Fatal(err)
	}
	res, err := bob.site.Publish(ctx, PublishOptions{AllChanged: true}, nil)
	if err != nil || !res.Pushed || res.Pulled == nil || len(res.Pulled.Updated) != 1 {
		t.Fatalf("publish: %+v %v", res, err)
	}
	if !strings.Contains(bob.draft(t, "posts/a.md").Text, "Alice。") {
		t.Error("Bob's library did not get Alice's change")
	}
	if _, err := alice.site.Pull(ctx); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(alice.draft(t, "posts/b.md").Text, "Bob。") {
		t.Error("Alice's library did not get Bob's change")
	}
	if n := strings.Count(gitIn(t, alice.dir, "log", "--oneline"), "\n"); n != 3 {
		t.Errorf("%d commits, want 3 (no merge commit)", n)
	}
}

func TestStatus(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false), "posts/有 空格.md": houseArticle("乙文", false)})
	alice, bob := newEditor(t, remote, "Alice"), newEditor(t, remote, "Bob")
	alice.edit(t, "posts/a.md", "第一段正文，讲算力。", "第一段正文，改。")
	if _, err := alice.site.Publish(ctx, PublishOptions{AllChanged: true}, nil); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(bob.dir, "content", "posts", "有 空格.md"), "changed by hand\n")
	writeFile(t, filepath.Join(bob.dir, "content", "posts", "新.md"), "new file\n")
	writeFile(t, filepath.Join(bob.dir, "README.md"), "outside the content folder\n")
	os.Remove(filepath.Join(bob.dir, "content", "posts", "a.md"))
	bob.edit(t, "posts/有 空格.md", "第三段正文，讲产业。", "第三段正文，改。")
	fresh, _ := bob.lib.Create(ctx, houseArticle("草稿", true))

	st, err := bob.site.Status(ctx, StatusOptions{Fetch: true})
	if err != nil {
		t.Fatal(err)
	}
	if st.Branch != "main" || st.Upstream != "origin/main" || st.Ahead != 0 || st.Behind != 1 {
		t.Errorf("branch %q upstream %q ahead %d behind %d", st.Branch, st.Upstream, st.Ahead, st.Behind)
	}
	got := map[string]string{}
	for _, f := range st.Files {
		got[f.Path] = f.Change
	}
	want := map[string]string{"posts/a.md": "deleted", "posts/有 空格.md": "modified", "posts/新.md": "new"}
	if len(got) != len(want) {
		t.Errorf("files %v, want %v", got, want)
	}
	for p, c := range want {
		if got[p] != c {
			t.Errorf("%s: %q, want %q", p, got[p], c)
		}
	}
	states := map[int64]string{}
	for _, d := range st.Drafts {
		states[d.ID] = d.State
	}
	if states[bob.draft(t, "posts/有 空格.md").ID] != DraftChanged || states[fresh.ID] != DraftNew || len(states) != 2 {
		t.Errorf("drafts %+v", st.Drafts)
	}
}

// Bob's unpushed commit and Alice's pushed one change the same line: the
// rebase stops, is undone, and Bob's working copy, commit and library are
// as they were, with an error that says so.
func TestRebaseConflictLeavesEverythingAsItWas(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false)})
	alice, bob := newEditor(t, remote, "Alice"), newEditor(t, remote, "Bob")
	bob.edit(t, "posts/a.md", "第二段正文，讲芯片。", "第二段正文，Bob 的说法。")
	if _, err := bob.site.Publish(ctx, PublishOptions{AllChanged: true, NoPush: true}, nil); err != nil {
		t.Fatal(err)
	}
	alice.edit(t, "posts/a.md", "第二段正文，讲芯片。", "第二段正文，Alice 的说法。")
	if _, err := alice.site.Publish(ctx, PublishOptions{AllChanged: true}, nil); err != nil {
		t.Fatal(err)
	}
	head := gitIn(t, bob.dir, "rev-parse", "HEAD")
	file := bob.file(t, "posts/a.md")
	draft := bob.draft(t, "posts/a.md")
	_, err := bob.site.Pull(ctx)
	if CodeOf(err) != CodeMergeConflict {
		t.Fatalf("error %v (code %q)", err, CodeOf(err))
	}
	if gitIn(t, bob.dir, "rev-parse", "HEAD") != head || bob.file(t, "posts/a.md") != file {
		t.Error("the working copy changed")
	}
	if st := gitIn(t, bob.dir, "status", "--porcelain"); st != "" {
		t.Errorf("left in the working copy: %q", st)
	}
	if d := bob.draft(t, "posts/a.md"); d.Text != draft.Text || d.Version != draft.Version {
		t.Error("the library changed")
	}
}

// Cancelling a publish while git waits for a slow hook stops git cleanly: no
// lock file is left to block the next git command, the file stays written
// and the index is as it was.
func TestCancelLeavesNoLockFile(t *testing.T) {
	isolate(t)
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false)})
	alice := newEditor(t, remote, "Alice")
	hook(t, filepath.Join(alice.dir, ".git", "hooks", "pre-commit"), "sleep 20")
	d := alice.edit(t, "posts/a.md", "第一段正文，讲算力。", "第一段正文，改。")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(700*time.Millisecond, cancel)
	start := time.Now()
	_, err := alice.site.Publish(ctx, PublishOptions{IDs: []int64{d.ID}, NoPush: true}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v", err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("cancelling took %v", took)
	}
	if _, err := os.Stat(filepath.Join(alice.dir, ".git", "index.lock")); err == nil {
		t.Fatal("index.lock was left behind")
	}
	if staged := gitIn(t, alice.dir, "diff", "--cached", "--name-only"); staged != "" {
		t.Errorf("left staged: %q", staged)
	}
	if alice.file(t, "posts/a.md") != d.Text {
		t.Error("the exported file is not in place")
	}
}

// The remote changed a file the working copy has uncommitted changes to:
// the pull refuses, naming the file, and changes nothing.
func TestPullRefusedByLocalChanges(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false)})
	alice, bob := newEditor(t, remote, "Alice"), newEditor(t, remote, "Bob")
	alice.edit(t, "posts/a.md", "第一段正文，讲算力。", "第一段正文，Alice。")
	if _, err := alice.site.Publish(ctx, PublishOptions{AllChanged: true}, nil); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(bob.dir, "content", "posts", "a.md"), "changed by hand\n")
	_, err := bob.site.Pull(ctx)
	if CodeOf(err) != CodeLocalChanges || !strings.Contains(err.Error(), "posts/a.md") {
		t.Fatalf("error %v (code %q)", err, CodeOf(err))
	}
	if bob.file(t, "posts/a.md") != "changed by hand\n" {
		t.Error("the local change was lost")
	}
	if strings.Contains(bob.draft(t, "posts/a.md").Text, "Alice") {
		t.Error("the library changed")
	}
}

// The remote moves while the push is on its way (another editor pushes in
// between): the push is rejected, Copydesk pulls (rebasing its commit on the
// other's) and pushes again, and both changes reach the remote.
func TestPushRaceIsPulledAndRetried(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false), "posts/b.md": houseArticle("乙文", false)})
	alice, bob := newEditor(t, remote, "Alice"), newEditor(t, remote, "Bob")
	bob.edit(t, "posts/b.md", "第一段正文，讲算力。", "第一段正文，Bob。")
	if _, err := bob.site.Publish(ctx, PublishOptions{AllChanged: true, NoPush: true}, nil); err != nil {
		t.Fatal(err)
	}
	// Alice's first push runs this hook: Bob pushes just before her, once.
	marker := filepath.Join(t.TempDir(), "raced")
	hook(t, filepath.Join(alice.dir, ".git", "hooks", "pre-push"),
		`[ -e "`+marker+`" ] && exit 0; touch "`+marker+`"; cd "`+bob.dir+`" && env -u GIT_DIR -u GIT_INDEX_FILE -u GIT_WORK_TREE git push --quiet origin HEAD:refs/heads/main >/dev/null 2>&1; exit 0`)
	alice.edit(t, "posts/a.md", "第一段正文，讲算力。", "第一段正文，Alice。")
	res, err := alice.site.Publish(ctx, PublishOptions{AllChanged: true}, nil)
	if err != nil || !res.Pushed || res.Pulled == nil || len(res.Pulled.Updated) != 1 {
		t.Fatalf("publish: %+v %v", res, err)
	}
	if _, err := os.Stat(marker); err != nil {
		t.Fatal("the race did not happen")
	}
	check := gitIn(t, alice.dir, "show", "origin/main:content/posts/b.md") + gitIn(t, alice.dir, "show", "origin/main:content/posts/a.md")
	if !strings.Contains(check, "Bob。") || !strings.Contains(check, "Alice。") {
		t.Errorf("the remote does not hold both changes")
	}
}
