package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// linksSite starts a loopback server answering every request with h.
func linksSite(t *testing.T, h http.HandlerFunc) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

func writeArticle(t *testing.T, path string, defs ...string) {
	t.Helper()
	var refs, lines strings.Builder
	for i, d := range defs {
		fmt.Fprintf(&refs, "[^%d]", i+1)
		fmt.Fprintf(&lines, "[^%d]: %s\n", i+1, d)
	}
	text := "---\ntitle: \"算力竞赛的新阶段\"\ndate: 2025-07-02T09:30:00+08:00\ndraft: false\nsummary: \"测试用文章。\"\ntags:\n  - 算力\nmain_topics:\n  - 算力与芯片\n---\n\n" +
		"> 导语。\n\n### 一、背景\n\n各方加码投入" + refs.String() + "。\n\n## 引文部分\n\n" + lines.String()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func cite(title, url, retrieved string) string {
	return fmt.Sprintf("[%s](%s)·示例日报（2025/6/20）·检索日期%s", title, url, retrieved)
}

// runLinksForTest runs `copydesk links` with a profile that lets it fetch
// the loopback test servers (unless the arguments name a profile).
func runLinksForTest(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	if !slices.Contains(args, "--profile") && !slices.Contains(args, "--help") {
		prof := writeFile(t, filepath.Join(t.TempDir(), "copydesk.yaml"), "links:\n  allow_private: true\n")
		args = append([]string{"--profile", prof}, args...)
	}
	var out, errOut bytes.Buffer
	code := Run(append([]string{"links"}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestLinksJSONEveryClass(t *testing.T) {
	ok := linksSite(t, func(w http.ResponseWriter, r *http.Request) {})
	moved := linksSite(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, ok+"/new-place", http.StatusMovedPermanently)
	})
	gone := linksSite(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) })
	walled := linksSite(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cf-Mitigated", "challenge")
		w.WriteHeader(http.StatusForbidden)
	})
	broken := linksSite(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusBadGateway) })
	var mu sync.Mutex
	var archiveAsked []string
	archive := linksSite(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		archiveAsked = append(archiveAsked, r.URL.Query().Get("url")+" "+r.URL.Query().Get("timestamp"))
		mu.Unlock()
		fmt.Fprintf(w, `{"archived_snapshots":{"closest":{"available":true,"status":"200","timestamp":"20250618000000","url":"http://archive.example/web/20250618000000/%s"}}}`, r.URL.Query().Get("url"))
	})

	dir := t.TempDir()
	writeArticle(t, filepath.Join(dir, "site", "a.md"),
		cite("正常页面", ok+"/story", "2025/6/21"),
		cite("已迁移", moved+"/old", "2025/6/21"))
	writeArticle(t, filepath.Join(dir, "site", "sub", "b.md"),
		cite("已删除", gone+"/removed", "2025/6/18"),
		cite("机器人验证", walled+"/wall", "2025/6/21"),
		"来源格式不规范，见 ("+broken+"/report)")

	t.Chdir(dir) // paths in the JSON are as given on the command line
	code, stdout, stderr := runLinksForTest(t, "--json", "--archive-endpoint", archive+"/wayback/available", "site")
	if code != ExitFindings {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	var got struct {
		Links []struct {
			Path       string `json:"path"`
			Label      string `json:"label"`
			Line       int    `json:"line"`
			URL        string `json:"url"`
			Status     string `json:"status"`
			HTTPStatus int    `json:"http_status"`
			FinalURL   string `json:"final_url"`
			ArchiveURL string `json:"archive_url"`
		} `json:"links"`
		Summary map[string]int `json:"summary"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	type row struct {
		path, label, status string
		code                int
		final, archive      string
	}
	want := []row{
		{"site/a.md", "1", "ok", 200, ok + "/story", ""},
		{"site/a.md", "2", "redirected", 200, ok + "/new-place", ""},
		{"site/sub/b.md", "1", "dead", 410, gone + "/removed", "http://archive.example/web/20250618000000/" + gone + "/removed"},
		{"site/sub/b.md", "2", "unverifiable", 403, walled + "/wall", ""},
		{"site/sub/b.md", "3", "error", 502, broken + "/report", ""},
	}
	if len(got.Links) != len(want) {
		t.Fatalf("%d links: %s", len(got.Links), stdout)
	}
	for i, w := range want {
		g := got.Links[i]
		if g.Path != filepath.FromSlash(w.path) || g.Label != w.label || g.Status != w.status || g.HTTPStatus != w.code ||
			g.FinalURL != w.final || g.ArchiveURL != w.archive {
			t.Errorf("link %d: got %+v, want %+v", i, g, w)
		}
	}
	if got.Links[0].Line != 20 {
		t.Errorf("line %d", got.Links[0].Line)
	}
	wantSummary := map[string]int{"ok": 1, "redirected": 1, "dead": 1, "unverifiable": 1, "error": 1}
	for k, v := range wantSummary {
		if got.Summary[k] != v {
			t.Errorf("summary %v", got.Summary)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(archiveAsked) != 1 || archiveAsked[0] != gone+"/removed 20250618" {
		t.Errorf("archive asked %v", archiveAsked)
	}
}

func TestLinksTextAndExitZero(t *testing.T) {
	ok := linksSite(t, func(w http.ResponseWriter, r *http.Request) {})
	path := filepath.Join(t.TempDir(), "a.md")
	writeArticle(t, path, cite("正常页面", ok+"/story", "2025/6/21"))
	code, stdout, stderr := runLinksForTest(t, path, "--archive-endpoint", "none")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	wantLine := fmt.Sprintf("%s:20: [^1] ok 200 %s/story\n", path, ok)
	if !strings.HasPrefix(stdout, wantLine) || !strings.Contains(stdout, "1 link checked: 1 ok, 0 redirected, 0 dead, 0 unverifiable, 0 error") {
		t.Errorf("stdout:\n%s", stdout)
	}
}

func TestLinksTimeoutFlag(t *testing.T) {
	var urls []string
	// Each site answers after 5 s: well within the default time-out, so only
	// an honoured --timeout 0.4 turns them into time-outs (no clock read here).
	slowAnswer := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	}
	for range 4 {
		slow := linksSite(t, slowAnswer)
		urls = append(urls, cite("超时", slow+"/slow", "2025/6/21"))
	}
	path := filepath.Join(t.TempDir(), "slow.md")
	writeArticle(t, path, urls...)
	code, stdout, _ := runLinksForTest(t, "--json", "--timeout", "0.4", "--archive-endpoint", "none", path)
	if code != ExitOK || strings.Count(stdout, `"status":"error"`) != 4 || strings.Count(stdout, `"error":"time-out"`) != 4 {
		t.Errorf("exit %d\n%s", code, stdout)
	}
}

func TestLinksMarkRetrieved(t *testing.T) {
	ok := linksSite(t, func(w http.ResponseWriter, r *http.Request) {})
	gone := linksSite(t, func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	path := filepath.Join(t.TempDir(), "a.md")
	writeArticle(t, path, cite("正常页面", ok+"/story", "2025/6/21"), cite("已删除", gone+"/x", "2025/6/21"))
	before, _ := os.ReadFile(path)
	code, stdout, stderr := runLinksForTest(t, "--mark-retrieved", "--today", "2025-07-03", "--archive-endpoint", "none", path)
	if code != ExitFindings { // the dead link
		t.Fatalf("exit %d: %s", code, stderr)
	}
	after, _ := os.ReadFile(path)
	want := strings.Replace(string(before), "/story)·示例日报（2025/6/20）·检索日期2025/6/21", "/story)·示例日报（2025/6/20）·检索日期2025/7/3", 1)
	if string(after) != want || want == string(before) {
		t.Errorf("file after marking:\n%s", after)
	}
	if !strings.Contains(stdout, "检索日期 set to 2025/7/3 for [^1]\n") {
		t.Errorf("stdout:\n%s", stdout)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestLinksBadUsage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.md")
	writeArticle(t, path)
	for _, args := range [][]string{
		{},
		{"--today", "2025/7/3", path},
		{"--timeout", "0", path},
		{"--timeout", "soon", path},
		{"--archive-endpoint", "ftp://archive.example/", path},
		{"--no-such-flag", path},
		{filepath.Join(filepath.Dir(path), "missing.md")},
	} {
		if code, _, stderr := runLinksForTest(t, args...); code != ExitUsage || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, stdout, _ := runLinksForTest(t, "--help"); code != ExitOK || !strings.Contains(stdout, "unverifiable") {
		t.Errorf("--help: %d", code)
	}
	// An article without citations is fine.
	if code, stdout, _ := runLinksForTest(t, "--json", path); code != ExitOK || !strings.Contains(stdout, `"links":[]`) {
		t.Errorf("no citations: %d %s", code, stdout)
	}
}

// Without links.allow_private, a cited URL on this machine is not fetched
// (a person may open it); that is no dead link.
func TestLinksBuiltInProfileDoesNotFetchThisMachine(t *testing.T) {
	var hits int
	local := linksSite(t, func(w http.ResponseWriter, r *http.Request) { hits++ })
	dir := t.TempDir()
	path := filepath.Join(dir, "a.md")
	writeArticle(t, path, cite("本机页面", local+"/admin", "2025/6/21"), cite("元数据", "http://169.254.169.254/latest/", "2025/6/21"))
	prof := writeFile(t, filepath.Join(dir, "copydesk.yaml"), "time_zone: Asia/Shanghai\n")
	code, stdout, stderr := runLinksForTest(t, "--profile", prof, "--json", "--archive-endpoint", "none", path)
	if code != ExitOK || hits != 0 || strings.Count(stdout, `"status":"unverifiable"`) != 2 || !strings.Contains(stdout, "link-local") {
		t.Errorf("exit %d, %d requests reached the server\n%s%s", code, hits, stdout, stderr)
	}
}

// --mark-retrieved on an article that is a symbolic link updates the file
// it leads to; the link stays a link.
func TestLinksMarkRetrievedWritesThroughALink(t *testing.T) {
	ok := linksSite(t, func(w http.ResponseWriter, r *http.Request) {})
	dir := t.TempDir()
	real := filepath.Join(dir, "store", "a.md")
	writeArticle(t, real, cite("正常页面", ok+"/story", "2025/6/21"))
	link := filepath.Join(dir, "content", "a.md")
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runLinksForTest(t, "--mark-retrieved", "--today", "2025-07-03", "--archive-endpoint", "none", link)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info, err)
	}
	if b, _ := os.ReadFile(real); !strings.Contains(string(b), "检索日期2025/7/3") {
		t.Errorf("target not updated:\n%s", b)
	}
}
