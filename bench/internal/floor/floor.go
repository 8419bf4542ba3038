//go:build cgo && linux

package floor

/*
#cgo CFLAGS: -O2 -Wall
#cgo LDFLAGS: -lpthread
#include "floor.h"
*/
import "C"

import (
	"errors"
	"time"
)

// Run measures rounds condition-variable handoffs between two C threads and returns
// the latency of each: from the waker's clock reading, just before it locks the mutex
// and signals, to the waiter's, once it has left pthread_cond_wait and unlocked the
// mutex (CLOCK_MONOTONIC on both sides). Before each round the waker waits until the
// waiter is in its wait, then sleeps settle more, so that the waiter is asleep in the
// kernel when the signal comes, as a program waiting for its operator is.
func Run(rounds int, settle time.Duration) ([]time.Duration, error) {
	if rounds <= 0 {
		return nil, nil
	}
	lat := make([]C.int64_t, rounds)
	if C.floor_run(C.int(rounds), C.int64_t(settle.Nanoseconds()), &lat[0]) != 0 {
		return nil, errors.New("floor: cannot start the waiting thread")
	}
	out := make([]time.Duration, rounds)
	for i, ns := range lat {
		out[i] = time.Duration(ns)
	}
	return out, nil
}

// Pair is the handoff of [Run], called from Go: one goroutine blocks in Wait, another
// ends the wait with Post. A Pair's memory is C's; Free releases it.
type Pair struct {
	p *C.floor_pair
}

// NewPair makes a Pair, or returns an error if there is no memory for one.
func NewPair() (*Pair, error) {
	p := C.floor_pair_new()
	if p == nil {
		return nil, errors.New("floor: no memory for a pair")
	}
	return &Pair{p: p}, nil
}

// Wait blocks in pthread_cond_wait until Post is called, and clears the post. It
// returns Post's clock reading, taken in C before it locked the mutex, and its own,
// taken in C once it has left the wait and unlocked the mutex: CLOCK_MONOTONIC in
// nanoseconds, as [Now] reads it. Between the two is the handoff as C sees it, without
// the cgo calls on either side.
func (p *Pair) Wait() (sent, woke int64) {
	var s, w C.int64_t
	C.floor_pair_wait(p.p, &s, &w)
	return int64(s), int64(w)
}

// Waits returns how many Waits have begun. When it returns n, the nth Wait is in
// pthread_cond_wait or past it.
func (p *Pair) Waits() uint64 { return uint64(C.floor_pair_waits(p.p)) }

// Post reads the clock and ends the Wait in progress, or the next one.
func (p *Pair) Post() { C.floor_pair_post(p.p) }

// Free releases the pair. No Wait may be in progress or begin later.
func (p *Pair) Free() {
	C.floor_pair_free(p.p)
	p.p = nil
}

// Nop calls a C function that does nothing: the cost of crossing into C and back.
func Nop() { C.floor_nop() }

// Now reads CLOCK_MONOTONIC from C, in nanoseconds.
func Now() int64 { return int64(C.floor_now()) }

// Clock places readings of time.Now on the clock [Now] reads, so that a time taken in
// Go and one taken in C can be subtracted. Both read CLOCK_MONOTONIC; a Clock knows the
// offset between them to within the span of one cgo call.
type Clock struct {
	ref  time.Time
	base int64
}

// NewClock measures the offset: it brackets [Now] between two readings of time.Now,
// several times, and keeps the narrowest bracket.
func NewClock() Clock {
	var best Clock
	span := time.Duration(1<<63 - 1)
	for range 100 {
		before := time.Now()
		c := Now()
		after := time.Now()
		if d := after.Sub(before); d < span {
			span = d
			best = Clock{ref: before.Add(d / 2), base: c}
		}
	}
	return best
}

// At returns t on the clock [Now] reads, in nanoseconds. t must have a monotonic
// reading (time.Now's has).
func (c Clock) At(t time.Time) int64 { return c.base + int64(t.Sub(c.ref)) }
