package timer

import (
	"sync/atomic"
	"time"
)

// A Timer calls a function once, after an interval, unless it is cancelled
// first: the Go counterpart of Python's threading.Timer.
//
// A Timer moves through these states:
//
//	not started --Start--> pending --deadline--> running --fn returns--> finished
//	     |                    |
//	     +------Cancel--------+-------------------> cancelled
//
// A pending Timer is an entry in the Go runtime's timer heap, as created by
// [time.AfterFunc]: it owns no goroutine and no OS thread. A goroutine
// exists only while fn runs.
//
// All methods are safe for concurrent use. A Timer must be created with
// [New]; the zero Timer is not usable.
type Timer struct {
	// fn is the function to call. It is cleared once it has run or can no
	// longer run, so that a finished Timer does not keep its arguments alive.
	// Only the goroutine that moved the state word out of pending (or out of
	// not started, for Cancel) touches it afterwards.
	fn func()

	// rt is the runtime timer, set by Start.
	rt atomic.Pointer[time.Timer]

	// word is the state word (see state.go). Its value half holds:
	//   - not started: the interval;
	//   - pending: 0 while the deadline is the one Start set, or the
	//     deadline on the monotonic clock after a Reset;
	//   - other states: 0.
	word stateWord

	// done is created on the first call to Finished, Join or JoinContext.
	done atomic.Pointer[doneSignal]
}

// New returns a Timer that will call fn once interval has elapsed after
// [Timer.Start], unless [Timer.Cancel] is called first. New does not start
// the timer.
//
// A zero or negative interval means "as soon as possible after Start".
// Intervals longer than about 36.5 years are treated as 36.5 years.
//
// Python passes args and kwargs to Timer; in Go they travel in the closure:
//
//	threading.Timer(20, stop, args=[srv], kwargs={"force": True})
//	timer.New(20*time.Second, func() { stop(srv, true) })
//
// Python evaluates args when the Timer is created. A Go closure reads the
// variables it captures when fn runs: copy a variable that may change into
// a local first to get Python's behaviour.
//
// New panics if fn is nil.
func New(interval time.Duration, fn func()) *Timer {
	if fn == nil {
		panic("timer: New called with nil func")
	}
	return &Timer{fn: fn, word: wordOf(pack(timerNew, clampDelay(interval)))}
}

// Start schedules the timer: fn will be called once the interval passed to
// [New] has elapsed, unless [Timer.Cancel] comes first. Start does not
// block and starts no goroutine; fn runs in a goroutine of its own.
//
// Start returns [ErrStarted] if it was already called (Python raises
// RuntimeError). Start on a timer cancelled before it was started returns
// nil and finishes at once without calling fn, as in Python.
func (t *Timer) Start() error {
	return t.start(nil)
}

// start is [Timer.Start]. If interleave is not nil, start calls it after the
// runtime timer was created and before it is stored: in the window where a
// Cancel, Reset or expiry finds the timer pending but no runtime timer to
// stop or re-arm. Tests use it to run those calls there.
func (t *Timer) start(interleave func()) error {
	for {
		w := t.word.Load()
		switch stateOf(w) {
		case timerNew:
			if !t.word.CompareAndSwap(w, timerPending) {
				continue
			}
			rt := time.AfterFunc(time.Duration(valueOf(w)), t.fire)
			if interleave != nil {
				interleave()
			}
			t.rt.Store(rt)
			// A Cancel, Reset or expiry that ran between the swap above
			// and the Store saw no runtime timer: do its work on it here.
			// Stop does nothing to a runtime timer that has fired.
			if w := t.word.Load(); w != timerPending {
				if stateOf(w) == timerPending {
					t.rearm(rt, w, nil)
				} else {
					rt.Stop()
				}
			}
			return nil
		case timerCancelledNew:
			if t.word.CompareAndSwap(w, timerCancelled) {
				return nil
			}
		default:
			return ErrStarted
		}
	}
}

// Cancel stops the timer if fn has not begun running, and reports whether
// it did so. When Cancel returns true, fn will not run and the timer is
// finished: [Timer.Finished] is closed and [Timer.Join] returns.
//
// Cancel returns false if fn has begun running or has returned, or if the
// timer was already cancelled: a second Cancel returns false. Cancel never
// blocks and never waits for a running fn; use [Timer.Join] for that.
//
// Cancel before [Timer.Start] is allowed, as in Python: the timer is then
// finished, and a later Start returns nil without calling fn.
func (t *Timer) Cancel() bool {
	for {
		w := t.word.Load()
		var next uint64
		switch stateOf(w) {
		case timerNew:
			next = timerCancelledNew
		case timerPending:
			next = timerCancelled
		default:
			return false
		}
		if !t.word.CompareAndSwap(w, next) {
			continue
		}
		// The swap made this goroutine the only one allowed to touch fn.
		t.fn = nil
		if rt := t.rt.Load(); rt != nil {
			rt.Stop()
		}
		t.signal()
		return true
	}
}

// Reset moves the deadline of a pending timer to d after the call, earlier
// or later, and reports whether it did so. This is the idle timeout Python
// lacks: call Reset on each sign of activity to run fn only after d without
// any. For many goroutines signalling activity, [Idle] is cheaper.
//
// When Reset returns true, fn will not start earlier than d after Reset was
// called, unless another Reset moves the deadline again: of concurrent
// Resets, one wins, as for [time.Timer.Reset]. Reset returns
// false, and does nothing, if the timer is not pending: not started (the
// interval is then the one given to [New]), running, finished or cancelled.
// Reset never restarts a timer.
func (t *Timer) Reset(d time.Duration) bool {
	delay := clampDelay(d)
	var next uint64
	for {
		w := t.word.Load()
		if stateOf(w) != timerPending {
			return false
		}
		// Value 0 means "the deadline set by Start"; a deadline of 0 cannot
		// be told apart from it, but only a zero delay at the epoch yields
		// it, and that deadline is already past.
		next = pack(timerPending, max(monoNow()+delay, 1))
		if t.word.CompareAndSwap(w, next) {
			break
		}
	}
	// Without a runtime timer yet, Start re-arms it when it stores it.
	if rt := t.rt.Load(); rt != nil {
		t.rearm(rt, next, nil)
	}
	return true
}

// IsAlive reports whether the timer was started and has not finished:
// it is pending or fn is running. This matches Python's is_alive, except
// that a cancelled timer is not alive even for the instant Python's
// thread takes to exit.
func (t *Timer) IsAlive() bool {
	switch stateOf(t.word.Load()) {
	case timerPending, timerRunning:
		return true
	}
	return false
}

// fire is the runtime timer's callback. It runs fn if the timer is still
// pending and its deadline has passed, and re-arms the runtime timer if a
// Reset moved the deadline later.
func (t *Timer) fire() {
	t.expire(nil)
}

// expire is fire. If interleave is not nil, expire calls it once, after
// its first reading of the state word: in the window where a Cancel or
// Reset changes the word after fire decided what to do. Tests use it to
// run those calls there.
func (t *Timer) expire(interleave func()) {
	for {
		w := t.word.Load()
		if interleave != nil {
			interleave()
			interleave = nil
		}
		if stateOf(w) != timerPending {
			return
		}
		if deadline := valueOf(w); deadline != 0 && monoNow() < deadline {
			// A Reset pushed the deadline out. Without the runtime timer,
			// Start has not stored it yet and will re-arm it.
			if rt := t.rt.Load(); rt != nil {
				t.rearm(rt, w, nil)
			}
			return
		}
		if t.word.CompareAndSwap(w, timerRunning) {
			break
		}
	}
	fn := t.fn
	t.fn = nil
	defer t.finish()
	fn()
}

// finish moves a running timer to finished and wakes its joiners.
func (t *Timer) finish() {
	t.word.Store(timerFinished)
	t.signal()
}

// rearm makes rt fire at the deadline held by the pending state word w, and
// keeps doing so while concurrent Resets change the word. When it returns,
// the last Reset of rt made by any goroutine matches the latest deadline,
// or the timer is no longer pending.
//
// If interleave is not nil, rearm calls it first: in the window between the
// caller's reading of w and the update of rt, where a Cancel, Reset or
// expiry changes the word under it. Tests use it to run those calls there.
func (t *Timer) rearm(rt *time.Timer, w uint64, interleave func()) {
	if interleave != nil {
		interleave()
	}
	for {
		rt.Reset(time.Duration(valueOf(w) - monoNow()))
		next := t.word.Load()
		if next == w {
			return
		}
		if stateOf(next) != timerPending {
			// Cancelled, or fn already started: the re-armed firing is
			// not needed.
			rt.Stop()
			return
		}
		w = next
	}
}
