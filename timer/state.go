package timer

import (
	"sync/atomic"
	"time"
)

// A timer's whole state lives in one atomic 64-bit word: the low stateBits
// bits hold the state and the remaining bits hold a duration or a point on
// the monotonic clock, whose meaning depends on the state (see [Timer] and
// [Idle]). Updating both halves with a single compare-and-swap is what lets
// Cancel, Reset, Touch and the expiry callback race without a lock.
const (
	stateBits = 3
	stateMask = 1<<stateBits - 1

	// maxDelay bounds every duration stored in a state word, so that a
	// deadline (monotonic now + delay) still fits in the 61 value bits.
	maxDelay = 1<<60 - 1 // about 36.5 years
)

// States of a [Timer].
const (
	timerNew          = iota // created, Start not called
	timerPending             // started, waiting for the deadline
	timerRunning             // fn is running
	timerFinished            // fn has returned
	timerCancelled           // cancelled while pending, or cancelled before Start and then started
	timerCancelledNew        // cancelled before Start; Start not called yet
)

// States of an [Idle].
const (
	idlePending  = iota // waiting for d without a Touch
	idleRunning         // fn is running
	idleFinished        // fn has returned
	idleStopped         // stopped before fn started
)

// epoch anchors the monotonic clock readings stored in state words.
var epoch = time.Now()

// monoNow returns the monotonic time elapsed since epoch, in nanoseconds.
func monoNow() int64 {
	return int64(time.Since(epoch))
}

// clampDelay maps d to the range [0, maxDelay]. A negative or zero delay
// means "as soon as possible", as for [time.AfterFunc] and Python's Timer.
func clampDelay(d time.Duration) int64 {
	switch {
	case d <= 0:
		return 0
	case d > maxDelay:
		return maxDelay
	}
	return int64(d)
}

// pack builds a state word from a state and a non-negative value.
func pack(state uint64, value int64) uint64 {
	return uint64(value)<<stateBits | state
}

// stateOf returns the state half of w.
func stateOf(w uint64) uint64 { return w & stateMask }

// valueOf returns the value half of w.
func valueOf(w uint64) int64 { return int64(w >> stateBits) }

// stateWord is a uint64 accessed atomically, like [atomic.Uint64], except
// that a composite literal can set its initial value: New needs no atomic
// store.
type stateWord struct {
	_ [0]atomic.Uint64 // 64-bit alignment on 32-bit platforms
	v uint64
}

func wordOf(w uint64) stateWord { return stateWord{v: w} }

func (w *stateWord) Load() uint64   { return atomic.LoadUint64(&w.v) }
func (w *stateWord) Store(v uint64) { atomic.StoreUint64(&w.v, v) }
func (w *stateWord) CompareAndSwap(old, new uint64) bool {
	return atomic.CompareAndSwapUint64(&w.v, old, new)
}
