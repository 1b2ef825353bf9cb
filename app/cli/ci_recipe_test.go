package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// sampleSite writes a tiny Hugo site like an editor's: hugo.toml, a profile,
// the cover image the article names, and the articles given.
func sampleSite(t *testing.T, articles map[string]string) string {
	t.Helper()
	site := t.TempDir()
	writeFile(t, filepath.Join(site, "hugo.toml"), "baseURL = 'https://example.org/'\ntitle = '样例站点'\n")
	writeFile(t, filepath.Join(site, "copydesk.yaml"), "time_zone: Asia/Shanghai\nstale_days: 30\n")
	writeFile(t, filepath.Join(site, "static", "images", "chips-export.png"), "\x89PNG\r\n\x1a\n")
	writeFile(t, filepath.Join(site, "layouts", "single.html"), "{{ .Content }}")
	writeFile(t, filepath.Join(site, "README.md"), "# 样例站点\n\nNot an article: outside content/.\n")
	for rel, text := range articles {
		writeFile(t, filepath.Join(site, "content", filepath.FromSlash(rel)), text)
	}
	return site
}

// The CI recipe in README: `copydesk check content/` in the site's root.
func TestCIRecipeOnASampleSite(t *testing.T) {
	clean := cleanArticle(t)
	site := sampleSite(t, map[string]string{"posts/chips.md": clean, "posts/2025/chips-crlf.md": strings.ReplaceAll(clean, "\n", "\r\n")})
	t.Chdir(site)
	if code, out, errs := runCLI(t, "check", "content/"); code != ExitOK {
		t.Fatalf("a clean site: exit %d\n%s%s", code, out, errs)
	}

	broken := strings.Replace(clean, "draft: false", "draft: yes", 1) + "\n再引用一个不存在的脚注[^99]。\n"
	writeFile(t, filepath.Join(site, "content", "posts", "broken.md"), broken)
	code, out, errs := runCLI(t, "check", "content/")
	if code != ExitFindings {
		t.Fatalf("a site with a broken article: exit %d, want %d\n%s%s", code, ExitFindings, out, errs)
	}
	if !regexp.MustCompile(`content/posts/broken\.md:\d+`).MatchString(out) || strings.Contains(out, "chips.md:") {
		t.Errorf("the findings must name broken.md with a line, and only it:\n%s", out)
	}

	// The same site is one Hugo builds (the parity test's Hugo, when there).
	if hugo := os.Getenv("HUGO"); hugo != "" {
		os.Remove(filepath.Join(site, "content", "posts", "broken.md"))
		cmd := exec.Command(hugo, "--quiet", "--source", site, "--destination", filepath.Join(t.TempDir(), "public"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("hugo cannot build the sample site: %v\n%s", err, out)
		}
	}
}

// .pre-commit-hooks.yaml runs `copydesk check` on the Markdown files of a
// commit: what pre-commit does with it, done by hand on the sample site.
func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID       string `yaml:"id"`
		Name     string `yaml:"name"`
		Entry    string `yaml:"entry"`
		Language string `yaml:"language"`
		Files    string `yaml:"files"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	if len(hooks) != 1 || hooks[0].ID != "copydesk-check" || hooks[0].Language != "system" || hooks[0].Name == "" {
		t.Fatalf("hooks: %+v", hooks)
	}
	hook := hooks[0]
	files := regexp.MustCompile(hook.Files)
	entry := strings.Fields(hook.Entry)
	if entry[0] != "copydesk" {
		t.Fatalf("entry %q does not run copydesk", hook.Entry)
	}

	clean := cleanArticle(t)
	site := sampleSite(t, map[string]string{"posts/chips.md": clean, "posts/notes.txt": "not an article"})
	t.Chdir(site)
	staged := []string{"hugo.toml", "content/posts/chips.md", "content/posts/notes.txt", "static/images/chips-export.png"}
	var matched []string
	for _, f := range staged {
		if files.MatchString(f) {
			matched = append(matched, f)
		}
	}
	if strings.Join(matched, " ") != "content/posts/chips.md" {
		t.Fatalf("files %q picks %q", hook.Files, matched)
	}
	if code, out, errs := runCLI(t, append(entry[1:], matched...)...); code != ExitOK {
		t.Fatalf("the hook on a clean article: exit %d\n%s%s", code, out, errs)
	}
	writeFile(t, filepath.Join(site, "content", "posts", "chips.md"), strings.Replace(clean, "title: ", "titel: ", 1))
	if code, out, _ := runCLI(t, append(entry[1:], matched...)...); code != ExitFindings {
		t.Fatalf("the hook on a broken article must fail the commit: exit %d\n%s", code, out)
	}
}
