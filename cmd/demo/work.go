package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-zos/zconsole/timer"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/wtolog"
)

// errStopping: new work is refused once the demo has begun to stop.
var errStopping = errors.New("the demo is stopping")

// works is the demo's simulated work: F DEMO,WORK 5 starts an item that takes five
// seconds. An item is a pending [timer.Timer], as in the origin story's fourth attempt:
// while it runs no goroutine sleeps, and cutting it short is a Cancel that takes
// effect at once, never a wait for a sleep to end.
type works struct {
	mu        sync.Mutex
	out       *output
	busy      func(bool)   // told when work begins to run (true) and when none is left (false)
	next      int          // the number of the next item
	running   map[int]*job // by number
	empty     chan struct{}
	closed    bool // the demo is stopping: no new work
	started   int
	ended     int
	cancelled int
	cut       int
}

// job is one item of work.
type job struct {
	n     int
	d     time.Duration
	begun time.Time
	t     *timer.Timer
	by    zconsole.Command // the WORK that started it: its messages go to its console too
}

// put writes text, a message about j, to the demo's log and to the console of the
// command that started j.
func (w *works) put(j *job, text string) {
	w.out.putFor(wtolog.WithCommand(context.Background(), j.by), text)
}

func (j *job) name() string { return fmt.Sprintf("W%d", j.n) }

// newWorks returns the work of a demo that writes its messages to out and tells busy
// when work starts to run and when none is left.
func newWorks(out *output, busy func(bool)) *works {
	empty := make(chan struct{})
	close(empty)
	return &works{out: out, busy: busy, next: 1, running: map[int]*job{}, empty: empty}
}

// start starts an item of work that takes d for the command by, and returns its name.
// It fails with errStopping once [works.close] was called.
func (w *works) start(by zconsole.Command, d time.Duration) (string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return "", errStopping
	}
	j := &job{n: w.next, d: d, begun: time.Now(), by: by}
	w.next++
	j.t = timer.New(d, func() { w.finish(j) })
	if len(w.running) == 0 {
		w.empty = make(chan struct{})
		w.busy(true)
	}
	w.running[j.n] = j
	w.started++
	w.put(j, fmt.Sprintf("%s work %s started: %s", msgWorkStart, j.name(), secs(d)))
	_ = j.t.Start() // a new Timer: it cannot have been started
	return j.name(), nil
}

// finish is the timer function of j: the work is done.
func (w *works) finish(j *job) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ended++
	w.put(j, fmt.Sprintf("%s work %s ended after %s", msgWorkEnd, j.name(), since(j.begun)))
	w.remove(j)
}

// remove takes j off the running work. Call it with w.mu held.
func (w *works) remove(j *job) {
	delete(w.running, j.n)
	if len(w.running) == 0 {
		close(w.empty)
		w.busy(false)
	}
}

// cancel cuts every running item short, writing id (msgWorkCanc or msgWorkCut) and
// why for each, and returns how many it cut. An item whose timer has fired already
// ends by itself, as ended, a moment later.
func (w *works) cancel(id, why string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, j := range w.sorted() {
		if !j.t.Cancel() {
			continue // its function runs: it ends as ended
		}
		n++
		what := "cancelled"
		if id == msgWorkCut {
			what = "cut"
			w.cut++
		} else {
			w.cancelled++
		}
		w.put(j, fmt.Sprintf("%s work %s %s after %s of %s: %s", id, j.name(), what, since(j.begun), secs(j.d), why))
		w.remove(j)
	}
	return n
}

// close refuses new work from now on and returns how many items run.
func (w *works) close() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	return len(w.running)
}

// wait returns nil when no work runs, or ctx's cause if ctx is done first.
func (w *works) wait(ctx context.Context) error {
	w.mu.Lock()
	empty := w.empty
	w.mu.Unlock()
	select {
	case <-empty:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// drained waits until no work runs, after [works.cancel]: an item whose timer had
// fired is ending by itself.
func (w *works) drained() {
	w.mu.Lock()
	empty := w.empty
	w.mu.Unlock()
	<-empty
}

// workStatus is what STATUS shows of the work.
type workStatus struct {
	started, ended, cancelled, cut int
	running                        []string // "W2 running for 1.2s of 5s"
}

func (w *works) status() workStatus {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := workStatus{started: w.started, ended: w.ended, cancelled: w.cancelled, cut: w.cut}
	for _, j := range w.sorted() {
		s.running = append(s.running, fmt.Sprintf("%s running for %s of %s", j.name(), since(j.begun), secs(j.d)))
	}
	return s
}

// names lists the running items: "W1 W2".
func (w *works) names() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var names []string
	for _, j := range w.sorted() {
		names = append(names, j.name())
	}
	return strings.Join(names, " ")
}

// sorted returns the running items in the order they started. Call it with w.mu held.
func (w *works) sorted() []*job {
	jobs := make([]*job, 0, len(w.running))
	for _, j := range w.running {
		jobs = append(jobs, j)
	}
	slices.SortFunc(jobs, func(a, b *job) int { return a.n - b.n })
	return jobs
}

// since is the time since t, to the hundredth of a second: "1.25s".
func since(t time.Time) string {
	return fmt.Sprintf("%.2fs", time.Since(t).Seconds())
}
