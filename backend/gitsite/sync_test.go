package gitsite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/backend/library"
)

func TestPublishOnOnePullOnTheOther(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false), "posts/b.md": houseArticle("乙文", true)})
	alice, bob := newEditor(t, remote, "Alice"), newEditor(t, remote, "Bob")

	edited := alice.edit(t, "posts/a.md", "第一段正文，讲算力。", "第一段正文，讲算力与能源。")
	res, err := alice.site.Publish(ctx, PublishOptions{AllChanged: true}, nil)
	if err != nil {
		t.Fatalf("publish: %v", err)
	}
	if res.Commit == "" || !res.Pushed || len(res.Exported) != 1 || res.Exported[0].Path != "posts/a.md" {
		t.Fatalf("publish result: %+v", res)
	}
	if res.Message != "Publish 甲文" {
		t.Errorf("message %q", res.Message)
	}

	pulled, err := bob.site.Pull(ctx)
	if err != nil {
		t.Fatalf("pull: %v", err)
	}
	if len(pulled.Updated) != 1 || pulled.Updated[0].Path != "posts/a.md" || len(pulled.Conflicted)+len(pulled.Failed) != 0 {
		t.Fatalf("pull result: %+v", pulled)
	}
	if got := bob.file(t, "posts/a.md"); got != edited.Text {
		t.Errorf("Bob's file is not byte-identical to Alice's draft:\n%s", got)
	}
	if got := bob.draft(t, "posts/a.md").Text; got != edited.Text {
		t.Errorf("Bob's draft did not take the new text:\n%s", got)
	}
	log := gitIn(t, bob.dir, "log", "-1", "--format=%an <%ae>%n%s")
	if log != "Alice <alice@example.com>\nPublish 甲文\n" {
		t.Errorf("commit: %q", log)
	}
	// Exactly the one file was committed.
	if files := gitIn(t, bob.dir, "show", "--name-only", "--format=", "HEAD"); files != "content/posts/a.md\n" {
		t.Errorf("committed files: %q", files)
	}
	// Pulling again changes nothing.
	again, err := bob.site.Pull(ctx)
	if err != nil || again.Before != again.After || len(again.Updated) != 0 {
		t.Errorf("second pull: %+v %v", again, err)
	}
}

func TestBothEditDifferentLinesMerge(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false)})
	alice, bob := newEditor(t, remote, "Alice"), newEditor(t, remote, "Bob")
	alice.edit(t, "posts/a.md", "第一段正文，讲算力。", "第一段正文，Alice 改过。")
	bob.edit(t, "posts/a.md", "第三段正文，讲产业。", "第三段正文，Bob 改过。")
	if _, err := alice.site.Publish(ctx, PublishOptions{AllChanged: true}, nil); err != nil {
		t.Fatal(err)
	}
	// Bob publishes: the remote is ahead, so his publish pulls and merges first.
	res, err := bob.site.Publish(ctx, PublishOptions{AllChanged: true}, nil)
	if err != nil {
		t.Fatalf("publish: %v", err)
	}
	if res.Pulled == nil || len(res.Pulled.Merged) != 1 || !res.Pushed {
		t.Fatalf("publish result: %+v pulled %+v", res, res.Pulled)
	}
	text := bob.draft(t, "posts/a.md").Text
	if !strings.Contains(text, "Alice 改过") || !strings.Contains(text, "Bob 改过") || strings.Contains(text, "<<<<<<<") {
		t.Fatalf("merged draft:\n%s", text)
	}
	if bob.file(t, "posts/a.md") != text {
		t.Error("the published file is not the merged draft")
	}
	if _, err := alice.site.Pull(ctx); err != nil {
		t.Fatal(err)
	}
	if got := alice.draft(t, "posts/a.md").Text; got != text {
		t.Errorf("Alice did not get the merge:\n%s", got)
	}
}

func TestBothEditSameLineConflict(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false)})
	alice, bob := newEditor(t, remote, "Alice"), newEditor(t, remote, "Bob")
	alice.edit(t, "posts/a.md", "第二段正文，讲芯片。", "第二段正文，Alice 的说法。")
	bobDraft := bob.edit(t, "posts/a.md", "第二段正文，讲芯片。", "第二段正文，Bob 的说法。")
	if _, err := alice.site.Publish(ctx, PublishOptions{AllChanged: true}, nil); err != nil {
		t.Fatal(err)
	}
	pulled, err := bob.site.Pull(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(pulled.Conflicted) != 1 {
		t.Fatalf("pull: %+v", pulled)
	}
	// Bob's text is his own, untouched; Alice's is kept beside it.
	d := bob.draft(t, "posts/a.md")
	if d.Text != bobDraft.Text || d.Version != bobDraft.Version {
		t.Fatalf("the conflicted draft changed:\n%s", d.Text)
	}
	base, _ := bob.lib.Base(ctx, d.ID)
	if !strings.Contains(base.Theirs, "Alice 的说法") || base.Theirs != bob.file(t, "posts/a.md") {
		t.Errorf("the site's text is not kept beside the draft: %q", base.Theirs)
	}
	st, err := bob.site.Status(ctx, StatusOptions{})
	if err != nil || len(st.Drafts) != 1 || st.Drafts[0].State != DraftConflicted {
		t.Errorf("status: %+v %v", st.Drafts, err)
	}
	// A conflicted draft is not published.
	res, err := bob.site.Publish(ctx, PublishOptions{IDs: []int64{d.ID}}, nil)
	if err != nil || len(res.Conflicts) != 1 || res.Commit != "" || !strings.Contains(res.Conflicts[0].Reason, "conflict") {
		t.Fatalf("publishing a conflicted draft: %+v %v", res, err)
	}
	// Bob resolves with both sentences and publishes.
	resolved := strings.Replace(d.Text, "第二段正文，Bob 的说法。", "第二段正文，Alice 的说法；Bob 的说法。", 1)
	if _, err := bob.lib.ResolveConflict(ctx, d.ID, resolved, d.Version); err != nil {
		t.Fatal(err)
	}
	res, err = bob.site.Publish(ctx, PublishOptions{AllChanged: true}, nil)
	if err != nil || !res.Pushed || len(res.Exported) != 1 {
		t.Fatalf("publish after resolving: %+v %v", res, err)
	}
	if _, err := alice.site.Pull(ctx); err != nil {
		t.Fatal(err)
	}
	if alice.draft(t, "posts/a.md").Text != resolved {
		t.Error("Alice did not get the resolution")
	}
}

// A team starts from an empty repository: the first publish creates the
// branch on the remote, and the other clone's first pull brings the article.
func TestFirstPublishToAnEmptyRepository(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	base := t.TempDir()
	remote := filepath.Join(base, "site.git")
	gitIn(t, base, "init", "--quiet", "--bare", "--initial-branch=main", remote)
	clone := func(name string) *editor {
		dir := filepath.Join(base, name)
		gitIn(t, base, "clone", "--quiet", remote, dir)
		gitIn(t, dir, "config", "user.name", name)
		gitIn(t, dir, "config", "user.email", name+"@example.com")
		writeFile(t, filepath.Join(dir, "hugo.toml"), "title = 'x'\n")
		lib, err := library.Open(filepath.Join(base, name+".db"), library.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { lib.Close() })
		s, err := Open(ctx, lib, Options{Root: dir, DraftsDir: "posts"})
		if err != nil {
			t.Fatal(err)
		}
		return &editor{name: name, dir: dir, lib: lib, site: s}
	}
	alice, bob := clone("alice"), clone("bob")
	d, err := alice.lib.Create(ctx, houseArticle("第一篇", false))
	if err != nil {
		t.Fatal(err)
	}
	st, err := alice.site.Status(ctx, StatusOptions{Fetch: true})
	if err != nil || st.Ahead != 0 || st.Behind != 0 || len(st.Drafts) != 1 || st.Drafts[0].State != DraftNew {
		t.Fatalf("status of an empty clone: %+v %v", st, err)
	}
	res, err := alice.site.Publish(ctx, PublishOptions{IDs: []int64{d.ID}}, nil)
	if err != nil || !res.Pushed || res.Exported[0].Path != "posts/第一篇.md" {
		t.Fatalf("first publish: %+v %v", res, err)
	}
	pulled, err := bob.site.Pull(ctx)
	if err != nil || pulled.Before != "" || len(pulled.Created) != 1 || pulled.Created[0].Path != "posts/第一篇.md" {
		t.Fatalf("first pull: %+v %v", pulled, err)
	}
	if got := bob.draft(t, "posts/第一篇.md"); got.Text != d.Text || got.Status != library.StatusPublished {
		t.Errorf("Bob's draft: %q status %s", got.Text, got.Status)
	}
}

// Publishing two drafts of which one is what the site has already: the
// commit holds the changed one, and the message names it alone.
func TestCommitMessageNamesTheChangedArticles(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false), "posts/b.md": houseArticle("乙文", false)})
	alice := newEditor(t, remote, "Alice")
	a := alice.edit(t, "posts/a.md", "第一段正文，讲算力。", "第一段正文，改。")
	b := alice.draft(t, "posts/b.md")
	res, err := alice.site.Publish(ctx, PublishOptions{IDs: []int64{a.ID, b.ID}}, nil)
	if err != nil || len(res.Exported) != 2 || res.Message != "Publish 甲文" {
		t.Fatalf("%+v %v", res, err)
	}
	if files := gitIn(t, alice.dir, "show", "--name-only", "--format=%s", "HEAD"); files != "Publish 甲文\n\ncontent/posts/a.md\n" {
		t.Errorf("commit: %q", files)
	}
	// Nothing changed: no commit, no message.
	res, err = alice.site.Publish(ctx, PublishOptions{IDs: []int64{a.ID, b.ID}}, nil)
	if err != nil || res.Commit != "" || res.Message != "" || res.Pushed {
		t.Errorf("second publish: %+v %v", res, err)
	}
}
