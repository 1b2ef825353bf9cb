package gitsite

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// Time-outs: local commands are quick; network ones wait for the remote.
const (
	LocalTimeout   = 30 * time.Second
	NetworkTimeout = 2 * time.Minute
	HookTimeout    = 2 * time.Minute // a commit, with the editor's hooks
)

// git runs the system git command in a working copy.
type git struct {
	dir string
	bin string // the git executable
	// network is the time-out of commands that talk to the remote.
	network time.Duration
	// sshChecked and sshDefault remember, for one operation, whether the
	// editor configured ssh for git.
	sshChecked bool
	sshDefault bool
	// spent is the wall time spent waiting for git, in nanoseconds (the
	// benchmarks tell Copydesk's own time from git's with it).
	spent atomic.Int64
}

func newGit(dir string) (*git, error) {
	bin, err := exec.LookPath("git")
	if err != nil {
		return nil, newError(CodeGitMissing, "git", err.Error())
	}
	return &git{dir: dir, bin: bin, network: NetworkTimeout}, nil
}

// result is what one git command printed.
type result struct {
	stdout []byte
	stderr string
	code   int // exit status; -1 when it did not run to the end
}

// env is the environment of every git command: the editor's own (SSH agent,
// credential helpers, HOME and its config), with
//   - LC_ALL=C so that the messages classify parses are stable English;
//   - GIT_TERMINAL_PROMPT=0 and no askpass: a missing credential fails at
//     once instead of waiting for an answer nobody can give (the desktop app
//     has no terminal);
//   - ssh in batch mode unless the editor configured ssh for git themselves,
//     for the same reason (keys in an agent still work);
//   - GIT_OPTIONAL_LOCKS=0 so status never takes the index lock and races a
//     git command the editor runs at the same time.
func (g *git) env() []string {
	env := os.Environ()
	keep := env[:0]
	for _, kv := range env {
		switch {
		case strings.HasPrefix(kv, "LC_ALL="), strings.HasPrefix(kv, "LANGUAGE="),
			strings.HasPrefix(kv, "GIT_ASKPASS="), strings.HasPrefix(kv, "SSH_ASKPASS="),
			strings.HasPrefix(kv, "GIT_TERMINAL_PROMPT="):
			continue
		}
		keep = append(keep, kv)
	}
	keep = append(keep, "LC_ALL=C", "LANGUAGE=", "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0",
		"GCM_INTERACTIVE=never", "GIT_EDITOR=true", "GIT_MERGE_AUTOEDIT=no")
	return keep
}

// run runs git with args and the local time-out. A non-zero exit is not an
// error here: callers look at res.code and res.stderr.
func (g *git) run(ctx context.Context, args ...string) (result, error) {
	return g.runTimeout(ctx, LocalTimeout, nil, args...)
}

// runNet runs a command that talks to the remote.
func (g *git) runNet(ctx context.Context, args ...string) (result, error) {
	if !g.sshChecked && os.Getenv("GIT_SSH_COMMAND") == "" && os.Getenv("GIT_SSH") == "" {
		cfg, _ := g.run(ctx, "config", "--get", "core.sshCommand")
		g.sshChecked, g.sshDefault = true, cfg.code != 0
	}
	extra := []string{}
	if g.sshDefault && os.Getenv("GIT_SSH_COMMAND") == "" && os.Getenv("GIT_SSH") == "" {
		// Nothing configured: plain ssh, never asking on a terminal.
		extra = append(extra, "-c", "core.sshCommand=ssh -o BatchMode=yes")
	}
	return g.runTimeout(ctx, g.network, extra, args...)
}

func (g *git) runTimeout(parent context.Context, timeout time.Duration, pre []string, args ...string) (result, error) {
	ctx, cancel := context.WithTimeout(parent, timeout)
	defer cancel()
	full := append([]string{"-c", "core.quotepath=off", "-c", "color.ui=false"}, pre...)
	full = append(full, args...)
	cmd := exec.CommandContext(ctx, g.bin, full...)
	cmd.Dir = g.dir
	cmd.Env = g.env()
	cmd.Stdin = nil
	// Stopped (cancelled, or out of time) git gets SIGTERM first: it removes
	// its lock files (index.lock) on the way out, where SIGKILL would leave
	// them and block every later git command. Two seconds later it is
	// killed, and a child (ssh) still holding the pipes no longer waited for.
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 2 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	g.spent.Add(int64(time.Since(start)))
	res := result{stdout: stdout.Bytes(), stderr: stderr.String(), code: cmd.ProcessState.ExitCode()}
	if err := parent.Err(); err != nil {
		return res, err // the caller cancelled
	}
	if ctx.Err() != nil {
		return res, newError(CodeTimeout, args[0], "no answer after "+timeout.String())
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return res, newError(CodeGitMissing, args[0], err.Error())
	}
	return res, nil
}

// failure turns a failed command into an *Error, classified by what git
// printed.
func failure(op string, res result) *Error {
	return newError(classify(res.stderr+"\n"+string(res.stdout)), op, res.stderr)
}
