package cli

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// An NYT-style page: byl meta, article:published with an offset, a site
// suffix in <title>.
const citeNYTPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Data Centers Strain a Small Town's Power Grid - The Example Times</title>
<meta property="og:site_name" content="The Example Times">
<meta property="og:title" content="Data Centers Strain a Small Town's Power Grid">
<meta name="byl" content="By Ana Ruiz and Tom Beck">
<meta property="article:published" content="2025-06-30T21:05:00-04:00">
<meta property="article:modified" content="2025-07-02T08:00:00-04:00">
</head><body><article><h1>Data Centers Strain a Small Town's Power Grid</h1>
<p>The utility says demand from three new data centers has doubled in a year, and residents are being asked to pay for new lines.</p>
<p>Officials are weighing a moratorium on new connections until a substation is built.</p></article></body></html>`

// A Chinese portal page, served in GBK with the charset only in the meta.
const citePortalPage = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>大模型训练集群进入万卡时代</title></head><body>
<h1>大模型训练集群进入万卡时代</h1>
<div class="info">2025年06月29日 10:02　来源：示例科技报　作者：陈晨、刘洋</div>
<div id="text"><p>多家云厂商宣布建成万卡规模的训练集群，网络和散热成为新的瓶颈。</p>
<p>业内预计，明年这一规模还将翻倍。</p></div>
<p class="editor">责任编辑：周编辑</p></body></html>`

func citeSite(t *testing.T) string {
	t.Helper()
	gbkPage, err := simplifiedchinese.GBK.NewEncoder().String(citePortalPage)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/2025/06/30/us/grid.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(citeNYTPage))
	})
	mux.HandleFunc("/short", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/2025/06/30/us/grid.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/portal", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(gbkPage))
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"))
	})
	mux.HandleFunc("/walled", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(`<html><head><title>Just a moment...</title></head><body><script src="/cdn-cgi/challenge-platform/x.js"></script></body></html>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

func runCiteForTest(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("COPYDESK_ARCHIVE_ENDPOINT", "none")
	var out, errOut bytes.Buffer
	code := Run(append([]string{"cite", "--profile", builtinProfile(t)}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

// builtinProfile is the built-in house style allowed to fetch loopback pages
// (the test servers), and no profile found by walking up from wherever the
// test runs.
func builtinProfile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "copydesk.yaml")
	if err := os.WriteFile(path, []byte("links:\n  allow_private: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCiteTextLines(t *testing.T) {
	site := citeSite(t)
	code, out, errOut := runCiteForTest(t, "--today", "2025-07-08", "--label", "4", site+"/short", site+"/portal")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	want := "[^4]: [Data Centers Strain a Small Town's Power Grid](" + site + "/2025/06/30/us/grid.html)·The Example Times·Ana Ruiz, Tom Beck（2025/6/30）·检索日期2025/7/8\n"
	lines := strings.SplitAfter(out, "\n")
	if len(lines) != 3 || lines[0] != want {
		t.Fatalf("output:\n%s\nwant first line\n%s", out, want)
	}
	if !strings.HasPrefix(lines[1], "[^5]: [大模型训练集群进入万卡时代]("+site+"/portal)·") ||
		!strings.Contains(lines[1], "·陈晨, 刘洋（2025/6/29）·检索日期2025/7/8") || strings.Contains(lines[1], "周编辑") {
		t.Errorf("GBK portal line: %s", lines[1])
	}
}

func TestCiteJSONAndFailuresNamed(t *testing.T) {
	site := citeSite(t)
	code, out, errOut := runCiteForTest(t, "--json", "--today", "2025-07-08", site+"/2025/06/30/us/grid.html", site+"/gone", site+"/walled")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s", code, errOut)
	}
	if !strings.Contains(errOut, site+"/gone: ") || !strings.Contains(errOut, site+"/walled: ") {
		t.Errorf("failures not named on stderr:\n%s", errOut)
	}
	var doc struct {
		Citations []map[string]json.RawMessage `json:"citations"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Citations) != 3 {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	for _, key := range []string{"url", "final_url", "title", "outlet", "authors", "published", "retrieved", "line", "evidence", "warnings", "status"} {
		if _, ok := doc.Citations[0][key]; !ok {
			t.Errorf("key %q missing from %s", key, out)
		}
	}
	var first struct {
		Title     string            `json:"title"`
		Authors   []string          `json:"authors"`
		Published *string           `json:"published"`
		Retrieved string            `json:"retrieved"`
		Status    string            `json:"status"`
		Line      string            `json:"line"`
		Evidence  map[string]string `json:"evidence"`
	}
	json.Unmarshal(mustMarshal(t, doc.Citations[0]), &first)
	if first.Title != "Data Centers Strain a Small Town's Power Grid" || first.Published == nil || *first.Published != "2025-06-30" ||
		first.Retrieved != "2025-07-08" || first.Status != "ok" || !strings.HasPrefix(first.Line, "[^?]: [Data Centers") ||
		first.Evidence["authors"] == "" || first.Evidence["published"] == "" || len(first.Evidence) != 4 {
		t.Errorf("first entry: %+v", first)
	}
	if got := string(doc.Citations[1]["status"]); got != `"dead"` || string(doc.Citations[1]["published"]) != "null" || string(doc.Citations[1]["line"]) != `""` {
		t.Errorf("dead entry: %s %s", got, doc.Citations[1]["line"])
	}
	if got := string(doc.Citations[2]["status"]); got != `"unverifiable"` || string(doc.Citations[2]["wall"]) != `"bot"` {
		t.Errorf("walled entry: %s %s", got, doc.Citations[2]["wall"])
	}
}

// A page that is not HTML (a PDF report) is named as unreadable, and the
// pages that could be read are still printed.
func TestCiteNotHTML(t *testing.T) {
	site := citeSite(t)
	code, out, errOut := runCiteForTest(t, "--today", "2025-07-08", site+"/report.pdf", site+"/2025/06/30/us/grid.html")
	if code != ExitFindings || !strings.Contains(errOut, site+"/report.pdf: ") || strings.Count(out, "\n") != 1 ||
		!strings.HasPrefix(out, "[^?]: [Data Centers Strain") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
}

func TestCiteSavedPage(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "saved.html")
	if err := os.WriteFile(saved, []byte(citeNYTPage), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCiteForTest(t, "--today", "2025-07-08", "--html", saved, "--url", "https://www.example-times.com/2025/06/30/us/grid.html")
	want := "[^?]: [Data Centers Strain a Small Town's Power Grid](https://www.example-times.com/2025/06/30/us/grid.html)·The Example Times·Ana Ruiz, Tom Beck（2025/6/30）·检索日期2025/7/8\n"
	if code != ExitOK || out != want {
		t.Fatalf("exit %d\n%s\nstderr %s", code, out, errOut)
	}
	if code, _, errOut := runCiteForTest(t, "--html", filepath.Join(dir, "missing.html"), "--url", "https://x.example/"); code != ExitUsage || !strings.Contains(errOut, "missing.html") {
		t.Errorf("missing saved page: exit %d %s", code, errOut)
	}
}

func TestCiteUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"ftp://x.example/"},
		{"--html", "a.html"},
		{"--url", "https://x.example/"},
		{"--html", "a.html", "--url", "https://x.example/", "https://y.example/"},
		{"--today", "2025/7/8", "https://x.example/"},
		{"--timeout", "0", "https://x.example/"},
		{"--label", "a]b", "https://x.example/"},
		{"--label", "x", "https://x.example/", "https://y.example/"},
	} {
		if code, _, errOut := runCiteForTest(t, args...); code != ExitUsage || !strings.Contains(errOut, "Usage: copydesk cite") {
			t.Errorf("%v: exit %d\n%s", args, code, errOut)
		}
	}
	if code, out, _ := runCiteForTest(t, "--help"); code != ExitOK || !strings.Contains(out, "--html FILE") {
		t.Errorf("help: %d", code)
	}
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
