package zconsole

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"

	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/zconsole/c"
)

// How a Wait waits. The caller of Wait never sleeps in the system. It takes a queued
// command itself (c.Taker.Take: copy the CIB, free it with QEDIT; a short call that never
// waits). When the chain is still empty after its yields (below) it asks for a watch, a WAIT on the communications ECB
// and the kill ECB issued by a goroutine of its own (c.Watch), and sleeps on one Go
// channel, the watch's wake, which the watch's goroutine closes when the WAIT ends and
// Kill and Close close to end the Wait, and on its context's Done. Woken by the watch,
// it looks at the chain again; woken by Kill or its context, it returns at once, having
// taken nothing. So:
//
//   - a CIB leaves the chain only in Take, for the Wait that returns it: a command that
//     arrives as Kill or a context ends a Wait is returned or stays queued;
//   - Kill and a done context wake the caller with a Go wake-up, not a thread's: the
//     thread in the WAIT is ended by the POST behind the kill, off the caller's way;
//   - before it asks for a watch, a Wait that has found the chain empty yields its
//     processor and looks again, yieldsBeforeWatch times: a goroutine it has made
//     runnable (one it told that a command was taken, say) runs first, and what is
//     queued meanwhile is taken without a WAIT and the two goroutine switches behind it;
//   - one watch at a time per handle (h.watch): one WAIT per ECB. A watch outlives a
//     WaitContext whose context ended, and serves the next Wait, which sees its end;
//   - a watch issues no WAIT while a CIB is queued (c.Watch looks first), and ends after
//     one WAIT: the next is asked for by a Wait that has found the chain empty, so no
//     WAIT meets the communications ECB still posted for a CIB no one has taken;
//   - no watch begins once the handle is killed (arm checks under h.mu, where Kill and
//     Close set killed), and Close waits for the one there is before it frees the work
//     area the WAIT refers to.

// yieldsBeforeWatch is how many times a Wait that finds the chain empty yields its
// processor (runtime.Gosched) and looks at the chain again before it asks for a watch.
// Each costs a cgo call that finds COMCIBPT empty and a pass through the Go scheduler,
// cheap beside a watch: a goroutine, the WAIT, and the wake-up of the Wait by that
// goroutine once the WAIT ends. The yields spare WAITs when the Wait has just made a
// goroutine runnable that queues a command, as the sender of BenchmarkThroughput
// (bench/throughput; BENCHMARKS.md, "Command throughput") is, told that a command was
// taken. Two, because a single Gosched can come straight back to the caller: every 61st
// time the scheduler looks at the global queue, where Gosched put the caller, first. A
// Wait yields only before its first watch: woken by a watch to find the chain empty, it
// asks for the next at once. A command from the system comes within the yields only by
// chance.
const yieldsBeforeWatch = 2

// watch is one WAIT on the handle's ECB list, issued by a goroutine of its own.
type watch struct {
	wake  chan struct{} // closed once, by the goroutine when the WAIT ends, or by Kill or Close
	woken atomic.Bool   // wake is closed, or being closed
	done  chan struct{} // closed once the WAIT has ended; woke and err are set before
	woke  c.Wake        // why it ended
	err   error         // the WAIT failed
}

// startWatch issues a watch on the work area a.
func startWatch(a c.Area) *watch {
	w := &watch{wake: make(chan struct{}), done: make(chan struct{})}
	go w.run(a)
	return w
}

// testHookWatch, set by tests only, runs in a watch's goroutine before its WAIT.
var testHookWatch atomic.Pointer[func()]

// run is the watch's goroutine: the WAIT, then the wake-up of the Wait behind it.
func (w *watch) run(a c.Area) {
	defer close(w.done)
	if hook := testHookWatch.Load(); hook != nil {
		(*hook)()
	}
	w.woke, w.err = c.Watch(a)
	w.wakeUp()
}

// wakeUp wakes the Wait sleeping behind w, if one does, and any that comes to.
func (w *watch) wakeUp() {
	if w.woken.CompareAndSwap(false, true) {
		close(w.wake)
	}
}

// ended reports whether the watch's WAIT has ended.
func (w *watch) ended() bool {
	select {
	case <-w.done:
		return true
	default:
		return false
	}
}

func (h *Handle) wait(ctx context.Context) (Command, error) {
	if h == nil {
		return Command{}, ErrClosed
	}
	a, cmd, done, err := h.enter()
	if done {
		return cmd, err
	}
	defer h.leave()
	ctxDone := ctx.Done() // nil for a context that never ends
	var ended error       // what the Wait returns when ctx ends it while it sleeps
	yields := 0           // how often it has yielded before asking for a watch
	for {
		if h.killed.Load() {
			return Command{}, ErrKilled
		}
		// The queue first, then ctx: a command queued when the Wait looks is returned
		// even if ctx is done already (WaitContext's contract).
		cp, took, err := h.taker.Take(a, h.buf)
		if err != nil {
			return Command{}, errwrap.Op("zconsole", "wait", fault(err))
		}
		if took {
			return decodeCIB(h.buf[:cp.Len], currentPage())
		}
		select {
		case <-ctxDone:
			return Command{}, ctxError("wait", ctx)
		default:
		}
		if yields < yieldsBeforeWatch {
			yields++
			runtime.Gosched()
			continue
		}
		w, err := h.arm()
		if err != nil {
			return Command{}, err
		}
		if ctxDone != nil && ended == nil {
			ended = ctxError("wait", ctx) // made now, so that none is made on the way out
		}
		if ctxDone == nil {
			<-w.wake
		} else {
			select {
			case <-w.wake:
			case <-ctxDone:
				return Command{}, ended
			}
		}
		if h.killed.Load() { // Kill and Close set it before they wake the Wait
			return Command{}, ErrKilled
		}
		if err := h.seen(w); err != nil { // the WAIT has ended: woke and err are set
			return Command{}, err
		}
	}
}

// enter begins a Wait: it returns the work area, or done with what the Wait returns at
// once (an error, or the START command Init kept).
func (h *Handle) enter() (a c.Area, cmd Command, done bool, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case h.closed:
		return 0, Command{}, true, ErrClosed
	case h.killed.Load(): // before busy: the Wait a Kill woke may not have left yet
		return 0, Command{}, true, ErrKilled
	case h.busy.Load():
		return 0, Command{}, true, fmt.Errorf("%w: another Wait is blocked on this handle", ErrBusy)
	case h.start != nil:
		cib := h.start
		h.start = nil
		cmd, err = decodeCIB(cib, currentPage()) // as far as it reads, and ErrMalformed, as any CIB
		return 0, cmd, true, err
	}
	h.busy.Store(true)
	h.waiters.Add(1)
	return h.area, Command{}, false, nil
}

// leave ends a Wait that entered. It takes no lock: Kill holds h.mu while the Wait it
// woke returns.
func (h *Handle) leave() {
	h.busy.Store(false)
	h.waiters.Done()
}

// arm returns the watch a Wait sleeps behind: the one issued before, whose end no Wait
// has seen yet, or a new one; none once the handle is killed.
func (h *Handle) arm() (*watch, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.killed.Load() {
		return nil, ErrKilled
	}
	if h.watch == nil {
		h.watch = startWatch(h.area)
	}
	return h.watch, nil
}

// seen records that a Wait has seen watch w end, so that the next Wait issues a new
// one, and returns what its end means for the Wait: nil to look at the chain again,
// ErrKilled, or the WAIT's failure.
func (h *Handle) seen(w *watch) error {
	h.mu.Lock()
	if h.watch == w {
		h.watch = nil
	}
	h.mu.Unlock()
	switch {
	case w.err != nil:
		return errwrap.Op("zconsole", "wait", fault(w.err))
	case w.woke == c.WokeKill:
		return ErrKilled
	}
	return nil
}
