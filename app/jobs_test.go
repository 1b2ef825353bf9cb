package app

import (
	"sync"
	"testing"
	"time"
)

func TestJobsOnePerIDCancelByID(t *testing.T) {
	var j jobs
	ctx, done, ok := j.start("import")
	if !ok {
		t.Fatal("the first job was refused")
	}
	if _, _, ok := j.start("import"); ok {
		t.Fatal("a second job with a running id was started")
	}
	other, otherDone, ok := j.start("export")
	if !ok {
		t.Fatal("a job with another id was refused")
	}
	j.cancel("nothing runs under this id")
	j.cancel("import")
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("cancel did not reach the job")
	}
	if other.Err() != nil {
		t.Fatal("cancelling one id stopped another")
	}
	done()
	if _, again, ok := j.start("import"); !ok {
		t.Fatal("the id stays busy after its job is done")
	} else {
		again()
	}
	otherDone()
	if other.Err() == nil {
		t.Error("done leaves the job's context running")
	}
}

// Jobs started and cancelled from many goroutines (run with -race).
func TestJobsConcurrent(t *testing.T) {
	var j jobs
	var wg sync.WaitGroup
	started := make(chan bool, 64)
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, done, ok := j.start("site")
			started <- ok
			j.cancel("site")
			if ok {
				done()
			}
		}()
	}
	wg.Wait()
	close(started)
	n := 0
	for ok := range started {
		if ok {
			n++
		}
	}
	if n == 0 {
		t.Fatal("no job ever started")
	}
	if len(j.running) != 0 {
		t.Fatalf("jobs left registered: %v", j.running)
	}
}

// A burst of progress sends the first step and the last, not the ones between.
func TestProgressThrottle(t *testing.T) {
	var th progressThrottle
	var sent []int
	const total = 10000
	for done := 1; done <= total; done++ {
		th.send(done, total, func() { sent = append(sent, done) })
	}
	if len(sent) < 2 || sent[0] != 1 || sent[len(sent)-1] != total {
		t.Fatalf("sent %v", sent)
	}
	if len(sent) > total/100 {
		t.Fatalf("%d of %d steps sent: not throttled", len(sent), total)
	}
	// After a quiet interval the next step goes out again.
	time.Sleep(progressInterval + 10*time.Millisecond)
	sent = nil
	th.send(1, 2, func() { sent = append(sent, 1) })
	if len(sent) != 1 {
		t.Fatal("a step after a quiet interval was held back")
	}
}
