package timer

import (
	"math/bits"
	"sync/atomic"
	"time"
)

// maxGrain bounds the rounding of Touch times: about 1 ms.
const maxGrain = 1 << 20

// An Idle calls a function once no activity has been reported for a given
// duration: "stop the server after 20 seconds of no activity". Activity is
// reported with [Idle.Touch], which is cheap enough to call on every
// request from any number of goroutines.
//
// An Idle starts counting when it is created by [NewIdle]. It moves from
// pending to running (fn is called) to finished, or from pending to
// stopped with [Idle.Stop]. It never goes back to pending: fn runs at most
// once, and Touch after fn began or after Stop does nothing.
//
// Precision: fn starts no earlier than d after the latest Touch that
// returned true (or after NewIdle, if none did). It starts later by the
// rounding of Touch times (at most d/1024, and at most about 1 ms) plus the
// delay of the runtime's timers and scheduler.
//
// Touch only records the time of the activity in an atomic word; it never
// touches the runtime timer. When that timer fires, its callback compares
// the time of the latest activity with the clock and, if activity came
// since, re-arms the timer for the time that remains. A busy server thus
// costs one timer firing per d, not one timer update per request.
//
// A pending Idle is one entry in the Go runtime's timer heap: it owns no
// goroutine. All methods are safe for concurrent use.
type Idle struct {
	fn func() // cleared once it has run or can no longer run

	// d is the idle duration. Touch rounds its clock reading up to a
	// multiple of grain, a power of two, so that a storm of Touch calls
	// within one grain writes the word once.
	d, grain int64

	// word is the state word (see state.go). While pending, its value half
	// is the time of the latest activity on the monotonic clock; fn is due
	// d after it.
	word stateWord

	rt   atomic.Pointer[time.Timer]
	done chan struct{}
}

// NewIdle returns a pending Idle that calls fn in its own goroutine once d
// has elapsed without a call to [Idle.Touch], counting from now. A zero or
// negative d means "as soon as possible". Durations longer than about 36.5
// years are treated as 36.5 years.
//
// NewIdle panics if fn is nil.
func NewIdle(d time.Duration, fn func()) *Idle {
	if fn == nil {
		panic("timer: NewIdle called with nil func")
	}
	delay := clampDelay(d)
	i := &Idle{
		fn:    fn,
		d:     delay,
		grain: grainOf(delay),
		word:  wordOf(pack(idlePending, monoNow())),
		done:  make(chan struct{}),
	}
	// Arm the runtime timer in two steps so that rt is stored before the
	// callback can run: the callback may need it to re-arm.
	rt := time.AfterFunc(maxDelay, i.fire)
	i.rt.Store(rt)
	rt.Reset(time.Duration(delay))
	return i
}

// grainOf returns the largest power of two no greater than d/1024 and
// maxGrain, or 1.
func grainOf(d int64) int64 {
	g := min(d>>10, maxGrain)
	if g <= 1 {
		return 1
	}
	return 1 << (bits.Len64(uint64(g)) - 1)
}

// Touch reports activity: it postpones fn to d after now. It reports
// whether the Idle was still pending. When Touch returns true, fn will not
// start earlier than d after Touch was called. When it returns false, fn
// has begun or returned, or [Idle.Stop] was called, and Touch did nothing.
//
// Touch reads the clock and the state word; the word is written at most
// once per grain of time (d/1024, at most about 1 ms), however many
// goroutines call Touch. Touch never blocks.
func (i *Idle) Touch() bool {
	mask := i.grain - 1
	at := (monoNow() + mask) &^ mask // rounded up: never earlier than now
	for {
		w := i.word.Load()
		if stateOf(w) != idlePending {
			return false
		}
		if valueOf(w) >= at {
			// A Touch at the same time or later is already recorded, and
			// fn can start only from a word at least this late.
			return true
		}
		if i.word.CompareAndSwap(w, pack(idlePending, at)) {
			return true
		}
	}
}

// Stop prevents fn from running, and reports whether it did so. When Stop
// returns true, fn will not run and [Idle.Finished] is closed. Stop returns
// false if fn has begun or returned, or if the Idle was already stopped.
// Stop never blocks and never waits for a running fn.
func (i *Idle) Stop() bool {
	for {
		w := i.word.Load()
		if stateOf(w) != idlePending {
			return false
		}
		if i.word.CompareAndSwap(w, idleStopped) {
			i.fn = nil
			i.rt.Load().Stop()
			close(i.done)
			return true
		}
	}
}

// Finished returns a channel that is closed when fn has returned or when
// [Idle.Stop] prevented it from running.
func (i *Idle) Finished() <-chan struct{} {
	return i.done
}

// Fired reports whether fn has begun running: it is running or has
// returned. It tells a finished Idle that fired from a stopped one.
func (i *Idle) Fired() bool {
	switch stateOf(i.word.Load()) {
	case idleRunning, idleFinished:
		return true
	}
	return false
}

// fire is the runtime timer's callback. It runs fn if no activity came for
// d, or re-arms the runtime timer for the time that remains.
func (i *Idle) fire() {
	i.expire(nil)
}

// expire is fire. If interleave is not nil, expire calls it once, after
// its first reading of the state word: in the window where a Stop or Touch
// changes the word after fire decided what to do, and where a Stop cannot
// stop the runtime timer that fire is about to re-arm. Tests use it to run
// those calls there.
func (i *Idle) expire(interleave func()) {
	for {
		w := i.word.Load()
		if interleave != nil {
			interleave()
			interleave = nil
		}
		if stateOf(w) != idlePending {
			return
		}
		if remain := valueOf(w) + i.d - monoNow(); remain > 0 {
			rt := i.rt.Load()
			rt.Reset(time.Duration(remain))
			// A Stop that ran before the Reset could not stop it.
			if stateOf(i.word.Load()) != idlePending {
				rt.Stop()
			}
			return
		}
		if i.word.CompareAndSwap(w, idleRunning) {
			break
		}
	}
	fn := i.fn
	i.fn = nil
	defer func() {
		i.word.Store(idleFinished)
		close(i.done)
	}()
	fn()
}
