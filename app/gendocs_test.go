package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestManPageHasEveryCommandsHelp(t *testing.T) {
	var b strings.Builder
	if err := writeManPage(&b, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.HasPrefix(page, `.TH COPYDESK 1 "2026-11-30" "copydesk `) {
		t.Errorf("title line: %q", strings.SplitN(page, "\n", 2)[0])
	}
	for _, name := range documentedCommands() {
		if !strings.Contains(page, "\n.SS "+name+"\n") {
			t.Errorf("no section for %s", name)
		}
		// Every line of the command's help is in the page, escaped.
		for _, line := range strings.Split(helpOf(name), "\n") {
			if !strings.Contains(page, roffText(line)) {
				t.Errorf("%s: help line missing from the page: %q", name, line)
			}
		}
	}
	// No text line may be taken for a roff request.
	known := regexp.MustCompile(`^\.(TH|SH|SS|B|BR|I|RI|br|nf|fi|PP|TP)( |$)`)
	for i, line := range strings.Split(page, "\n") {
		if (strings.HasPrefix(line, ".") || strings.HasPrefix(line, "'")) && !known.MatchString(line) {
			t.Errorf("line %d would be read as a roff request: %q", i+1, line)
		}
	}
	if got := roffText(`.hidden 'q' a\b --flag`); got != `\&.hidden 'q' a\eb \-\-flag` {
		t.Errorf("roffText: %q", got)
	}
}

func TestBashCompletionKnowsEveryFlag(t *testing.T) {
	var b strings.Builder
	if err := writeBashCompletion(&b); err != nil {
		t.Fatal(err)
	}
	script := b.String()
	for _, name := range documentedCommands() {
		flags, _, _, _ := commandFlags(helpOf(name))
		line := regexp.MustCompile(`(?m)^\t` + name + `\) opts='([^']*)'`).FindStringSubmatch(script)
		if line == nil {
			t.Errorf("no options for %s", name)
			continue
		}
		for _, f := range flags {
			if !strings.Contains(" "+line[1]+" ", " "+f+" ") {
				t.Errorf("%s: %s not offered", name, f)
			}
		}
	}
	if !regexp.MustCompile(`(?m)^\t[^\n]*\bexport:--out\b[^\n]*\)\n\t\tCOMPREPLY=\(\$\(compgen -d`).MatchString(script) {
		t.Errorf("export --out should complete folders:\n%s", script)
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run the completion")
	}
	// Run it: complete `copydesk list --` in a folder with one Markdown file.
	dir := t.TempDir()
	path := filepath.Join(dir, "completion.bash")
	os.WriteFile(path, []byte(script), 0o644)
	os.WriteFile(filepath.Join(dir, "文章.md"), nil, 0o644)
	probe := `shopt -s extglob; source "$1"
COMP_WORDS=(copydesk list --); COMP_CWORD=2; _copydesk; echo "list: ${COMPREPLY[*]}"
COMP_WORDS=(copydesk 文); COMP_CWORD=1; _copydesk; echo "first: ${COMPREPLY[*]}"
COMP_WORDS=(copydesk ch); COMP_CWORD=1; _copydesk; echo "cmd: ${COMPREPLY[*]}"`
	cmd := exec.Command(bash, "-c", probe, "probe", path)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("running the completion: %v\n%s", err, out)
	}
	for _, want := range []string{"list: --help --db --json --query", "first: 文章.md", "cmd: check"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("completion output lacks %q:\n%s", want, out)
		}
	}
}
