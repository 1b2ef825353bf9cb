package library

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"copydesk/backend/site/samples"
	"copydesk/backend/store"
)

// The crash tests run a child copy of this test binary (TestCrashChild),
// let it import or save, kill it with SIGKILL in the middle, and check the
// library file it leaves behind.

const crashEnv = "COPYDESK_CRASH_CHILD"

func TestCrashChild(t *testing.T) {
	mode := os.Getenv(crashEnv)
	if mode == "" {
		t.Skip("only runs as the child of a crash test")
	}
	l, err := Open(os.Getenv("COPYDESK_CRASH_DB"), Options{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	switch mode {
	case "import":
		fmt.Println("ready")
		_, err := l.Import(context.Background(), []string{os.Getenv("COPYDESK_CRASH_DIR")}, func(p Progress) {
			if p.Done%100 == 0 {
				fmt.Println("progress", p.Done)
			}
		})
		fmt.Println("done", err)
	case "saves":
		// Four writers save their own drafts as fast as they can; each save
		// is acknowledged on stdout only after Save returned.
		var out sync.Mutex
		var wg sync.WaitGroup
		for w := 0; w < 4; w++ {
			d, err := l.Create(context.Background(), houseArticle(fmt.Sprintf("写者%d", w), true))
			if err != nil {
				fmt.Println("error", err)
				os.Exit(3)
			}
			wg.Add(1)
			go func(d Draft) {
				defer wg.Done()
				for i := 0; ; i++ {
					text := d.Text + strings.Repeat("新增一段。", i%50) + strconv.Itoa(i)
					reason := ""
					if i%10 == 0 {
						reason = "保存"
					}
					saved, err := l.Save(context.Background(), d.ID, text, d.Version, reason)
					if err != nil {
						fmt.Println("error", err)
						os.Exit(3)
					}
					d = saved
					out.Lock()
					fmt.Printf("ack %d %d %s\n", d.ID, d.Version, d.ContentHash)
					out.Unlock()
				}
			}(d)
		}
		wg.Wait()
	}
	os.Exit(0)
}

// runAndKill starts the child and kills it once stop(line) says so.
func runAndKill(t *testing.T, mode, db, dir string, stop func(line string) bool) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v=false")
	cmd.Env = append(os.Environ(), crashEnv+"="+mode, "COPYDESK_CRASH_DB="+db, "COPYDESK_CRASH_DIR="+dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(stdout)
	killed := false
	for sc.Scan() {
		line := sc.Text()
		lines = append(lines, line)
		if strings.HasPrefix(line, "error") || strings.HasPrefix(line, "done") {
			break
		}
		if stop(line) {
			cmd.Process.Signal(syscall.SIGKILL)
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatalf("the child ended before it was killed: %v", lines[max(0, len(lines)-3):])
	}
	return lines
}

func checkIntegrity(t *testing.T, db string) *Library {
	t.Helper()
	l, err := Open(db, Options{})
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	t.Cleanup(func() { l.Close() })
	res, err := l.Store().IntegrityCheck(ctx)
	if err != nil || res != "ok" {
		t.Fatalf("integrity_check after kill: %q %v", res, err)
	}
	return l
}

func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 1,200 files")
	}
	dir := t.TempDir()
	const n = 1200
	for i := 0; i < n; i++ {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("%02d", i%30), fmt.Sprintf("a%05d.md", i)), string(samples.Article(i)))
	}
	db := filepath.Join(t.TempDir(), "library.db")
	runAndKill(t, "import", db, dir, func(line string) bool { return line == "progress 600" })
	l := checkIntegrity(t, db)
	stored, _ := l.Store().CountDrafts(ctx)
	if stored == 0 || stored >= n {
		t.Logf("note: %d drafts stored before the kill", stored)
	}
	// Every stored draft is a whole file, byte for byte.
	list, _ := l.List(ctx, Filter{})
	for _, s := range list {
		d, _ := l.Get(ctx, s.ID)
		if d.Text != readFile(t, filepath.Join(dir, filepath.FromSlash(d.Path))) || d.ImportedHash != d.ContentHash {
			t.Fatalf("draft %d (%s) is not its file", d.ID, d.Path)
		}
	}
	// Importing again completes the library.
	res, err := l.Import(ctx, []string{dir}, nil)
	if err != nil || res.Created+res.Unchanged != n || res.Unchanged != stored {
		t.Fatalf("import after kill: %+v %v (stored before: %d)", res, err, stored)
	}
	t.Logf("killed after %d of %d drafts were stored; the rest imported on the next run", stored, n)
}

func TestKillDuringSaves(t *testing.T) {
	db := filepath.Join(t.TempDir(), "library.db")
	acks := 0
	deadline := time.Now().Add(20 * time.Second)
	lines := runAndKill(t, "saves", db, "", func(line string) bool {
		if strings.HasPrefix(line, "ack") {
			acks++
		}
		return acks >= 300 || time.Now().After(deadline)
	})
	last := map[int64]struct {
		version int64
		hash    string
	}{}
	for _, line := range lines {
		var id, version int64
		var hash string
		if _, err := fmt.Sscanf(line, "ack %d %d %s", &id, &version, &hash); err == nil {
			last[id] = struct {
				version int64
				hash    string
			}{version, hash}
		}
	}
	if len(last) == 0 {
		t.Fatal("no save was acknowledged")
	}
	l := checkIntegrity(t, db)
	for id, ack := range last {
		d, err := l.Get(ctx, id)
		if err != nil {
			t.Fatalf("acknowledged draft %d is gone: %v", id, err)
		}
		// A save after the last acknowledged one may have committed just
		// before the kill; an acknowledged one must never be missing.
		if d.Version < ack.version || (d.Version == ack.version && d.ContentHash != ack.hash) {
			t.Errorf("draft %d: acknowledged version %d, found %d", id, ack.version, d.Version)
		}
		if d.ContentHash != store.Hash([]byte(d.Text)) {
			t.Errorf("draft %d: text and hash disagree", id)
		}
	}
	t.Logf("%d acknowledged saves over %d drafts survived SIGKILL", acks, len(last))
}
