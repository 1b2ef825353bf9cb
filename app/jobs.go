package app

import (
	"context"
	"sync"
	"time"
)

// jobs are the long operations of one service that the UI can cancel while
// the call that started them is still running: an import, an export, a site
// operation, a link check or a capture. Each runs under an id (its kind, such
// as "import", when only one may run at a time; the UI's own id for link
// checks, several of which may run side by side). Each service answers a
// refused start with its own error code (import.busy, export.busy, …).
type jobs struct {
	mu      sync.Mutex
	running map[string]context.CancelFunc
}

// start runs a job under id: ctx is cancelled by cancel(id), and done must be
// called when the job ends. ok is false, and nothing is started, while
// another job with that id runs.
func (j *jobs) start(id string) (ctx context.Context, done func(), ok bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, busy := j.running[id]; busy {
		return nil, nil, false
	}
	if j.running == nil {
		j.running = map[string]context.CancelFunc{}
	}
	ctx, cancel := context.WithCancel(context.Background())
	j.running[id] = cancel
	return ctx, func() {
		cancel()
		j.mu.Lock()
		delete(j.running, id)
		j.mu.Unlock()
	}, true
}

// cancel stops the job running under id. An unknown id is ignored: the job
// may just have finished.
func (j *jobs) cancel(id string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if cancel, ok := j.running[id]; ok {
		cancel()
	}
}

// progressInterval bounds how often a job's progress is sent to the UI: a
// folder of thousands of files must not flood the event stream.
const progressInterval = 100 * time.Millisecond

// progressThrottle sends a job's progress events at most once per
// progressInterval (about ten a second), and always the last one, so the UI
// ends on the true count. Progress may be reported from several goroutines.
type progressThrottle struct {
	mu   sync.Mutex
	last time.Time
}

// send calls emit for step done of total unless an event went out less than
// progressInterval ago and this is not the last step.
func (t *progressThrottle) send(done, total int, emit func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if done < total && time.Since(t.last) < progressInterval {
		return
	}
	t.last = time.Now()
	emit()
}
