package gitsite

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/backend/library"
)

// isolate gives the test a home of its own, so no git configuration of the
// machine applies, and returns it.
func isolate(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "")
	t.Setenv("GIT_COMMITTER_NAME", "")
	os.Unsetenv("GIT_AUTHOR_NAME")
	os.Unsetenv("GIT_COMMITTER_NAME")
	return home
}

// gitIn runs git in dir and returns its output, failing the test on error.
func gitIn(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return string(out)
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// houseArticle is an article in house style with a few paragraphs, so two
// editors can change different lines.
func houseArticle(title string, draft bool) string {
	return fmt.Sprintf(`---
title: %s
date: 2025-06-27T20:10:05+08:00
draft: %v
summary: 一句话摘要，说明这篇文章讨论的问题。
tags:
  - 数据中心
main_topics:
  - 算力与芯片
---

> 导语：这是导语。

### 第一节

第一段正文，讲算力。

### 第二节

第二段正文，讲芯片。

### 第三节

第三段正文，讲产业。

## 引文部分

[^1]: [Source title](https://example.com/a)·Outlet·Author One（2025/6/21）·检索日期2025/6/27
`, title, draft)
}

// newRemote makes a bare repository holding a Hugo site with the given
// articles (paths relative to content/), and returns its path.
func newRemote(t testing.TB, articles map[string]string) string {
	t.Helper()
	base := t.TempDir()
	remote := filepath.Join(base, "site.git")
	gitIn(t, base, "init", "--quiet", "--bare", "--initial-branch=main", remote)
	seed := filepath.Join(base, "seed")
	gitIn(t, base, "clone", "--quiet", remote, seed)
	gitIn(t, seed, "config", "user.name", "Seed")
	gitIn(t, seed, "config", "user.email", "seed@example.com")
	writeFile(t, filepath.Join(seed, "hugo.toml"), "baseURL = 'https://example.org/'\ntitle = '站点'\n")
	for rel, text := range articles {
		writeFile(t, filepath.Join(seed, "content", filepath.FromSlash(rel)), text)
	}
	writeFile(t, filepath.Join(seed, "static", ".keep"), "")
	gitIn(t, seed, "add", "-A")
	gitIn(t, seed, "commit", "--quiet", "-m", "the site")
	gitIn(t, seed, "push", "--quiet", "origin", "main")
	return remote
}

// editor is one person: a clone of the site and a library of their own.
type editor struct {
	name string
	dir  string
	lib  *library.Library
	site *Site
}

func newEditor(t testing.TB, remote, name string) *editor {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	gitIn(t, filepath.Dir(dir), "clone", "--quiet", remote, dir)
	gitIn(t, dir, "config", "user.name", name)
	gitIn(t, dir, "config", "user.email", strings.ToLower(name)+"@example.com")
	lib, err := library.Open(filepath.Join(t.TempDir(), name+".db"), library.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	e := &editor{name: name, dir: dir, lib: lib}
	e.site, err = Open(context.Background(), lib, Options{Root: dir, DraftsDir: "posts"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Import(context.Background(), []string{filepath.Join(dir, "content")}, nil); err != nil {
		t.Fatal(err)
	}
	return e
}

// draft returns the draft remembered at rel.
func (e *editor) draft(t testing.TB, rel string) library.Draft {
	t.Helper()
	index, err := e.lib.Store().PathIndex(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st, ok := index[rel]
	if !ok {
		t.Fatalf("%s: no draft has the path %s", e.name, rel)
	}
	d, err := e.lib.Get(context.Background(), st.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// edit replaces old with new in the draft at rel, as the editor would.
func (e *editor) edit(t testing.TB, rel, old, new string) library.Draft {
	t.Helper()
	d := e.draft(t, rel)
	if !strings.Contains(d.Text, old) {
		t.Fatalf("%s: %q is not in %s", e.name, old, rel)
	}
	d, err := e.lib.Save(context.Background(), d.ID, strings.Replace(d.Text, old, new, 1), d.Version, "saved")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func (e *editor) file(t testing.TB, rel string) string {
	return readFile(t, filepath.Join(e.dir, "content", filepath.FromSlash(rel)))
}
