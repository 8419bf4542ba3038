package timer

import (
	"context"
	"sync"
)

// doneSignal is the channel closed when a timer finishes. It is allocated
// only for timers someone waits on, which keeps pending timers small.
type doneSignal struct {
	once sync.Once
	ch   chan struct{}
}

func (s *doneSignal) close() {
	s.once.Do(func() { close(s.ch) })
}

// closedChan is returned by Finished for timers that finished before
// anybody asked, so that they need no channel of their own.
var closedChan = func() chan struct{} {
	ch := make(chan struct{})
	close(ch)
	return ch
}()

// isTerminal reports whether a timer in state st has finished: fn returned
// or the timer was cancelled.
func isTerminal(st uint64) bool {
	switch st {
	case timerFinished, timerCancelled, timerCancelledNew:
		return true
	}
	return false
}

// Finished returns a channel that is closed when the timer is finished:
// fn has returned, or the timer was cancelled before fn began. It is the
// counterpart of Python's finished Event, with one difference: Python's
// cancel sets finished even while function runs, whereas the channel is
// closed only once fn has returned.
//
// A timer cancelled before [Timer.Start] is finished at once. A timer
// neither started nor cancelled is not finished: its channel stays open
// until a later Start (and fn) or Cancel.
func (t *Timer) Finished() <-chan struct{} {
	return t.finished(nil)
}

// finished is [Timer.Finished]. If interleave is not nil, finished calls it
// after finding the timer not finished and before publishing the channel:
// in the window where the timer finishing sees no channel to close. Tests
// use it to finish the timer there.
func (t *Timer) finished(interleave func()) <-chan struct{} {
	if s := t.done.Load(); s != nil {
		return s.ch
	}
	if isTerminal(stateOf(t.word.Load())) {
		return closedChan
	}
	if interleave != nil {
		interleave()
	}
	s := &doneSignal{ch: make(chan struct{})}
	if !t.done.CompareAndSwap(nil, s) {
		return t.done.Load().ch
	}
	// The timer may have finished after the check above and before the
	// swap, without seeing s: close the channel here in that case.
	if isTerminal(stateOf(t.word.Load())) {
		s.close()
	}
	return s.ch
}

// signal wakes the goroutines waiting for the timer to finish. It is called
// after the state word has moved to a terminal state.
func (t *Timer) signal() {
	if s := t.done.Load(); s != nil {
		s.close()
	}
}

// Join blocks until the timer is finished: fn has returned, or the timer
// was cancelled before fn began. Any number of goroutines may call Join.
// Join returns at once for a finished timer.
//
// Python's join raises RuntimeError before start; Join instead waits for a
// later [Timer.Start] (and fn) or [Timer.Cancel], like a receive from
// [Timer.Finished], and blocks forever if neither comes. Use
// [Timer.JoinContext] to get [ErrNotStarted] instead.
//
// Join must not be called from fn: it would wait for itself forever, where
// Python raises RuntimeError "cannot join current thread".
func (t *Timer) Join() {
	<-t.Finished()
}

// JoinContext is Join with a bound, the counterpart of Python's
// join(timeout). It returns nil once the timer is finished, or ctx.Err()
// if ctx is done first; a finished timer returns nil even if ctx is done.
// Python's join returns None in both cases and leaves the check to
// is_alive.
//
// JoinContext returns [ErrNotStarted] at once for a timer that was neither
// started nor cancelled, as Python raises RuntimeError. A timer cancelled
// before Start is finished, so JoinContext returns nil for it.
func (t *Timer) JoinContext(ctx context.Context) error {
	if stateOf(t.word.Load()) == timerNew {
		return ErrNotStarted
	}
	done := t.Finished()
	select {
	case <-done:
		return nil
	default:
	}
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
