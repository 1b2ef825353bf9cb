package app

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"copydesk/app/cli"
	"copydesk/backend/version"
)

// The manual page and the bash completion shipped in the Debian package are
// generated from the commands' own --help, so they cannot drift from what
// the binary accepts. `copydesk gendocs man|bash` (not listed in the help:
// it is for packaging) writes them to stdout.

// helpOf is a command's --help text ("" for the program's own usage).
func helpOf(name string) string {
	var out bytes.Buffer
	switch name {
	case "":
		cli.Run([]string{"--help"}, &out, &out)
	case "serve":
		runServe([]string{"--help"}, nil, &out, &out)
	default:
		cli.Run([]string{name, "--help"}, &out, &out)
	}
	return strings.TrimRight(out.String(), "\n")
}

// documentedCommands are the commands in the order the manual lists them.
func documentedCommands() []string { return append([]string{"serve"}, cli.CommandNames()...) }

func runGendocs(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 || (args[0] != "man" && args[0] != "bash") {
		fmt.Fprintln(stderr, "Usage: copydesk gendocs man|bash   (the manual page or the bash completion, on stdout)")
		return 2
	}
	var err error
	if args[0] == "man" {
		err = writeManPage(stdout, buildDate())
	} else {
		err = writeBashCompletion(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "copydesk gendocs:", err)
		return 1
	}
	return 0
}

// buildDate is SOURCE_DATE_EPOCH's day when set (reproducible packages), today otherwise.
func buildDate() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now().UTC()
}

// roffText escapes text for a roff no-fill block: backslashes, minus signs
// (so options copy as ASCII hyphens), and control characters at line start.
func roffText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.ReplaceAll(l, `\`, `\e`)
		l = strings.ReplaceAll(l, "-", `\-`)
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
			l = `\&` + l
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

func writeManPage(w io.Writer, date time.Time) error {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH COPYDESK 1 %q %q \"User Commands\"\n", date.Format("2006-01-02"), "copydesk "+version.String())
	b.WriteString(".SH NAME\ncopydesk \\- editorial workstation for Chinese articles on Hugo sites\n")
	b.WriteString(".SH SYNOPSIS\n.B copydesk\n.RI [ FILE .\\|.\\|.]\n.br\n.B copydesk\n.I COMMAND\n.RI [ FLAGS ]\n.RI [ ARGS ]\n")
	b.WriteString(".SH DESCRIPTION\n")
	b.WriteString("Copydesk keeps drafts in one local library, shows a preview that is byte for byte what Hugo publishes, " +
		"checks front matter, footnotes and citation retrieval dates as you type, and exports Markdown files into the site " +
		"without touching a byte you did not edit.\n.PP\n")
	b.WriteString(".nf\n" + roffText(helpOf("")) + "\n.fi\n")
	b.WriteString(".SH COMMANDS\n")
	for _, name := range documentedCommands() {
		fmt.Fprintf(&b, ".SS %s\n.nf\n%s\n.fi\n", name, roffText(helpOf(name)))
	}
	b.WriteString(".SH ENVIRONMENT\n")
	for _, env := range [][2]string{
		{"COPYDESK_DB", "the library file (the --db flag overrides it)"},
		{"COPYDESK_ARCHIVE_ENDPOINT", "the archive asked about dead links in the window; none asks none"},
		{"LANG, LC_ALL, LC_MESSAGES", "messages of check are in Chinese when the locale starts with zh; the window's language follows it until changed in the View menu"},
	} {
		fmt.Fprintf(&b, ".TP\n.B %s\n%s\n", roffText(env[0]), roffText(env[1]))
	}
	b.WriteString(".SH FILES\n.TP\n.I $XDG_DATA_HOME/copydesk/library.db\n" +
		"The library (default ~/.local/share/copydesk/library.db): drafts, revisions, citations and sources.\n" +
		".TP\n.I copydesk.yaml\nThe site profile, looked up from each article's folder upwards.\n")
	b.WriteString(".SH EXIT STATUS\n0 success (for check: warnings allowed); 1 the work found errors or some items failed; " +
		"2 bad usage or an input that could not be read at all.\n")
	b.WriteString(".SH SEE ALSO\n.BR hugo (1)\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// flagPattern finds long flags in a help text, with their value's name when
// they take one ("--db FILE", "[--addr 127.0.0.1:PORT]", "--json").
var flagPattern = regexp.MustCompile(`(--[a-z][a-z-]*)(?:[ =]([A-Z0-9][A-Za-z0-9_.:/-]*))?`)

// commandFlags lists a command's flags and which of them take a file or a
// folder (FILE, PATH, DIR values) as opposed to other values.
func commandFlags(help string) (flags []string, fileArgs, dirArgs, otherArgs []string) {
	seen := map[string]bool{"--help": true}
	flags = []string{"--help"}
	for _, m := range flagPattern.FindAllStringSubmatch(help, -1) {
		name, value := m[1], m[2]
		if !seen[name] {
			seen[name] = true
			flags = append(flags, name)
		}
		switch {
		case value == "":
		case value == "FILE" || value == "PATH":
			fileArgs = appendNew(fileArgs, name)
		case value == "DIR":
			dirArgs = appendNew(dirArgs, name)
		default:
			otherArgs = appendNew(otherArgs, name)
		}
	}
	return flags, fileArgs, dirArgs, otherArgs
}

func appendNew(xs []string, x string) []string {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

func writeBashCompletion(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# bash completion for copydesk; generated from its --help by `copydesk gendocs bash`\n")
	b.WriteString("_copydesk() {\n\tlocal cur prev cmd opts\n\tcur=${COMP_WORDS[COMP_CWORD]}\n\tprev=${COMP_WORDS[COMP_CWORD-1]}\n")
	fmt.Fprintf(&b, "\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n\t\tCOMPREPLY=($(compgen -W '%s' -- \"$cur\") $(compgen -f -X '!*.@(md|markdown)' -- \"$cur\") $(compgen -d -- \"$cur\"))\n\t\treturn\n\tfi\n",
		strings.Join(append(documentedCommands(), "--help"), " "))
	b.WriteString("\tcmd=${COMP_WORDS[1]}\n\tcase \"$cmd:$prev\" in\n")
	var fileCases, dirCases, otherCases []string
	var optCases strings.Builder
	for _, name := range documentedCommands() {
		flags, files, dirs, others := commandFlags(helpOf(name))
		for _, f := range files {
			fileCases = append(fileCases, name+":"+f)
		}
		for _, f := range dirs {
			dirCases = append(dirCases, name+":"+f)
		}
		for _, f := range others {
			otherCases = append(otherCases, name+":"+f)
		}
		fmt.Fprintf(&optCases, "\t%s) opts='%s' ;;\n", name, strings.Join(flags, " "))
	}
	if len(fileCases) > 0 {
		fmt.Fprintf(&b, "\t%s)\n\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n\t\treturn ;;\n", strings.Join(fileCases, "|"))
	}
	if len(dirCases) > 0 {
		fmt.Fprintf(&b, "\t%s)\n\t\tCOMPREPLY=($(compgen -d -- \"$cur\"))\n\t\treturn ;;\n", strings.Join(dirCases, "|"))
	}
	if len(otherCases) > 0 {
		fmt.Fprintf(&b, "\t%s)\n\t\tCOMPREPLY=()\n\t\treturn ;;\n", strings.Join(otherCases, "|"))
	}
	b.WriteString("\tesac\n\tcase \"$cmd\" in\n")
	b.WriteString(optCases.String())
	b.WriteString("\t*) opts='' ;;\n\tesac\n")
	b.WriteString("\tif [[ $cur == -* ]]; then\n\t\tCOMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n\telse\n\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n\tfi\n}\n")
	b.WriteString("complete -o filenames -o bashdefault -F _copydesk copydesk\n")
	_, err := io.WriteString(w, b.String())
	return err
}
