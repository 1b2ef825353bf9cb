package gitsite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseHugoOutput(t *testing.T) {
	// Printed by Hugo v0.165.0 for an unknown shortcode, a YAML error, and a
	// template's errorf/warnf.
	out := `Start building sites … 
hugo v0.165.0 linux/amd64 BuildDate=unknown

WARN  shortcode warned on posts/w.md
ERROR bad thing in "/site/content/posts/w.md:5:1"
Total in 114 ms
ERROR error building site: logged 1 error(s)
ERROR error building site: assemble: failed to create page from pageMetaSource /posts/yaml: "/site/content/posts/文 章.md:2:8": [1:8] sequence end token ']' not found
>  1 | title: [
              ^
`
	issues := parseHugoOutput(out)
	if len(issues) != 3 {
		t.Fatalf("%d issues: %+v", len(issues), issues)
	}
	if w := issues[0]; w.Severity != "warning" || w.Message != "shortcode warned on posts/w.md" || w.File != "" {
		t.Errorf("warning: %+v", w)
	}
	if e := issues[1]; e.Severity != "error" || e.File != "/site/content/posts/w.md" || e.Line != 5 || e.Column != 1 || e.Message != "bad thing in" {
		t.Errorf("errorf: %+v", e)
	}
	e := issues[2]
	if e.File != "/site/content/posts/文 章.md" || e.Line != 2 || e.Column != 8 || !strings.Contains(e.Message, "sequence end token") || !strings.Contains(e.Message, "title: [") {
		t.Errorf("yaml: %+v", e)
	}
	// Alone, Hugo's summary line is the only error there is: kept.
	if got := parseHugoOutput("ERROR error building site: logged 1 error(s)\n"); len(got) != 1 {
		t.Errorf("summary alone: %+v", got)
	}
}

func TestBuildWithoutHugo(t *testing.T) {
	isolate(t)
	remote := newRemote(t, map[string]string{"posts/a.md": houseArticle("甲文", false)})
	alice := newEditor(t, remote, "Alice")
	_, err := alice.site.Build(context.Background(), BuildOptions{Hugo: filepath.Join(t.TempDir(), "hugo")})
	if CodeOf(err) != CodeHugoMissing || !strings.Contains(err.Error(), "Install Hugo") {
		t.Errorf("error %v", err)
	}
}

// A real Hugo (HUGO names it, as for the parity test) builds a site with one
// broken page: the error names that draft and line.
func TestBuildMapsErrorsToDrafts(t *testing.T) {
	hugo := os.Getenv("HUGO")
	if hugo == "" {
		t.Skip("HUGO is not set (scripts/tools.sh hugo builds it)")
	}
	isolate(t)
	broken := houseArticle("坏文", false)
	broken = strings.Replace(broken, "第二段正文，讲芯片。", "第二段正文，讲芯片。\n\n{{< nosuch-shortcode >}}", 1)
	remote := newRemote(t, map[string]string{"posts/good.md": houseArticle("好文", false), "posts/坏 文.md": broken})
	alice := newEditor(t, remote, "Alice")
	res, err := alice.site.Build(context.Background(), BuildOptions{Hugo: hugo})
	if err != nil {
		t.Fatal(err)
	}
	if res.OK {
		t.Fatalf("the broken site built:\n%s", res.Output)
	}
	want := alice.draft(t, "posts/坏 文.md")
	line := strings.Count(broken[:strings.Index(broken, "{{<")], "\n") + 1
	found := false
	for _, is := range res.Issues {
		if is.Severity == "error" && is.DraftID == want.ID && is.Path == "posts/坏 文.md" && is.Line == line && strings.Contains(is.Message, "nosuch-shortcode") {
			found = true
		}
	}
	if !found {
		t.Errorf("no error names draft %d line %d: %+v\n%s", want.ID, line, res.Issues, res.Output)
	}
	if _, err := os.Stat(filepath.Join(alice.dir, "public")); err == nil {
		t.Error("the build wrote public/")
	}
	if st := gitIn(t, alice.dir, "status", "--porcelain"); st != "" {
		t.Errorf("the build left files in the working copy: %q", st)
	}
}
