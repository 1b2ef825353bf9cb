package gitsite

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"copydesk/backend/store"
)

// BuildTimeout bounds a Hugo build (10,000 articles take under ten seconds).
const BuildTimeout = 3 * time.Minute

// BuildOptions: Hugo overrides the site's hugo command; Timeout 0 is
// BuildTimeout.
type BuildOptions struct {
	Hugo    string
	Timeout time.Duration
}

// BuildIssue is one error or warning Hugo printed, with the article it names
// when it names one.
type BuildIssue struct {
	Severity string `json:"severity"` // error or warning
	Message  string `json:"message"`  // Hugo's words, without the file position
	File     string `json:"file,omitempty"`
	Path     string `json:"path,omitempty"` // relative to the content folder, when the file is in it
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	DraftID  int64  `json:"draftId,omitempty"`
	// DraftDiffers: the draft's text is not the file's (edited since), so
	// the line is the file's.
	DraftDiffers bool `json:"draftDiffers,omitempty"`
}

// BuildResult is what a build found.
type BuildResult struct {
	OK     bool         `json:"ok"`
	Hugo   string       `json:"hugo"` // the command run
	Issues []BuildIssue `json:"issues"`
	Output string       `json:"output"` // everything Hugo printed
}

// Build runs the site's Hugo on the site, in memory (nothing is written to
// public/), drafts and future articles included so that their errors show
// too, and maps its errors and warnings to files, lines and drafts. OK is
// Hugo's verdict: it exited with status 0.
func (s *Site) Build(ctx context.Context, opts BuildOptions) (BuildResult, error) {
	hugo := opts.Hugo
	if hugo == "" {
		hugo = s.Hugo
	}
	if hugo == "" {
		hugo = "hugo"
	}
	bin, err := exec.LookPath(hugo)
	if err != nil {
		return BuildResult{Hugo: hugo}, newError(CodeHugoMissing, "build", err.Error())
	}
	res := BuildResult{Hugo: bin, Issues: []BuildIssue{}}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = BuildTimeout
	}
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(cctx, bin, "--source", s.Root, "--renderToMemory", "--noBuildLock",
		"--buildDrafts", "--buildFuture", "--logLevel", "warn")
	cmd.Dir = s.Root
	cmd.WaitDelay = 2 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	runErr := cmd.Run()
	res.Output = out.String()
	if ctx.Err() != nil {
		return res, ctx.Err()
	}
	if cctx.Err() != nil {
		return res, &Error{Code: CodeHugoTimeout, Op: "build", Detail: "no result after " + timeout.String(), Hint: "Build the site with hugo in a terminal to see where it stops"}
	}
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		return res, newError(CodeHugoMissing, "build", runErr.Error())
	}
	res.OK = runErr == nil
	res.Issues = parseHugoOutput(res.Output)
	if err := s.mapIssues(ctx, res.Issues); err != nil {
		return res, err
	}
	return res, nil
}

// hugoPosition is a file position as Hugo prints it: "/abs/file.md:12:3",
// quoted or not, the column optional.
var hugoPosition = regexp.MustCompile(`"?((?:/|[A-Za-z]:[\\/])[^":\n]*?\.[A-Za-z0-9]+):(\d+)(?::(\d+))?"?:?\s*`)

// parseHugoOutput reads Hugo's log: lines starting "ERROR " or "WARN " open
// an issue; indented or "> " lines after an error (a YAML excerpt) belong to
// it. Hugo's closing "error building site: logged N error(s)" says nothing
// new and is left out when other errors were listed.
func parseHugoOutput(out string) []BuildIssue {
	var issues []BuildIssue
	var last *BuildIssue
	for _, line := range strings.Split(strings.ReplaceAll(out, "\r\n", "\n"), "\n") {
		var sev, msg string
		switch {
		case strings.HasPrefix(line, "ERROR "):
			sev, msg = "error", strings.TrimSpace(line[len("ERROR "):])
		case strings.HasPrefix(line, "WARN "):
			sev, msg = "warning", strings.TrimSpace(line[len("WARN "):])
		case last != nil && (strings.HasPrefix(line, ">") || strings.HasPrefix(line, " ")) && strings.TrimSpace(line) != "":
			last.Message += "\n" + line
			continue
		default:
			last = nil
			continue
		}
		is := BuildIssue{Severity: sev, Message: msg}
		if m := hugoPosition.FindStringSubmatchIndex(msg); m != nil {
			is.File = msg[m[2]:m[3]]
			is.Line, _ = strconv.Atoi(msg[m[4]:m[5]])
			if m[6] >= 0 {
				is.Column, _ = strconv.Atoi(msg[m[6]:m[7]])
			}
			is.Message = strings.TrimSpace(msg[:m[0]] + msg[m[1]:])
		}
		issues = append(issues, is)
		last = &issues[len(issues)-1]
	}
	errorsWithPlace := 0
	for _, is := range issues {
		if is.Severity == "error" && !strings.Contains(is.Message, "logged ") {
			errorsWithPlace++
		}
	}
	if errorsWithPlace > 0 {
		kept := issues[:0]
		for _, is := range issues {
			if is.Severity == "error" && is.File == "" && strings.Contains(is.Message, "error building site: logged ") {
				continue
			}
			kept = append(kept, is)
		}
		issues = kept
	}
	return issues
}

// mapIssues names the content path and draft of every issue in a content
// file.
func (s *Site) mapIssues(ctx context.Context, issues []BuildIssue) error {
	var index map[string]store.PathState
	for i := range issues {
		is := &issues[i]
		if is.File == "" {
			continue
		}
		file := is.File
		if real, err := filepath.EvalSymlinks(file); err == nil {
			file = real
		}
		rel, err := filepath.Rel(s.Content, file)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		is.Path = filepath.ToSlash(rel)
		if index == nil {
			if index, err = s.lib.Store().PathIndex(ctx); err != nil {
				return err
			}
		}
		if st, ok := index[is.Path]; ok {
			is.DraftID = st.ID
			is.DraftDiffers = st.ContentHash != st.ImportedHash && !s.fileIs(file, st.ContentHash)
		}
	}
	return nil
}

// fileIs reports whether the file's bytes have the given hash.
func (s *Site) fileIs(file, hash string) bool {
	data, err := readSmall(file)
	return err == nil && store.Hash(data) == hash
}
