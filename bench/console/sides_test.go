//go:build cgo && zconsolesim && linux

package console

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/go-zos/zconsole/bench/internal/floor"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// The rounds of BenchmarkKill's goroutine sides (kill_test.go): each sets a waiter
// going, hands the wake-up to handoff, and returns its times.

// simWaits is the simulator's count of WAITs: a console side's waiter waits once it
// has moved.
func simWaits() uint64 { return sim.Stats().SVCs[sim.SVCWait] }

// killRound opens a handle, blocks a goroutine in Wait on it, and returns the time from
// just before Kill to just after that Wait returned. It closes the handle, unless the
// Wait hung, which it reports as an error after killHang.
func killRound(settle time.Duration) (time.Duration, error) {
	t, err := killRoundTimes(settle)
	return t.total, err
}

// killRoundTimes is killRound, with how long the waker's Kill took.
func killRoundTimes(settle time.Duration) (handoffTimes, error) {
	return handleRound(settle, zconsole.Wait, zconsole.Kill, zconsole.ErrKilled)
}

// ctxRound is killRoundTimes for a WaitContext ended by its context: the time from just
// before cancel to just after the WaitContext returned. The handle is closed after,
// untimed (the system's WAIT goes on after the WaitContext: Close ends it).
func ctxRound(settle time.Duration) (handoffTimes, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	wait := func(h *zconsole.Handle) (zconsole.Command, error) { return zconsole.WaitContext(ctx, h) }
	return handleRound(settle, wait, func(*zconsole.Handle) error { cancel(); return nil }, context.Canceled)
}

// closeRound is killRoundTimes with Close for Kill, timed around Close: from its call to
// its return, with the Wait woken, the kill posted, the goroutine in the system's WAIT
// joined, the queue limit set to 0 and the storage freed. Its total is Close's time.
func closeRound(settle time.Duration) (handoffTimes, error) {
	t, err := handleRound(settle, zconsole.Wait, (*zconsole.Handle).Close, zconsole.ErrKilled)
	t.total = t.call
	return t, err
}

// handleRound opens a handle, blocks a goroutine in wait on it, ends the wait with end
// and checks that it returned an error matching want. It closes the handle (again,
// when end closed it), unless the wait hung.
func handleRound(settle time.Duration, wait func(*zconsole.Handle) (zconsole.Command, error),
	end func(*zconsole.Handle) error, want error) (handoffTimes, error) {
	var t handoffTimes
	h, err := zconsole.Init()
	if err != nil {
		return t, err
	}
	ch := make(chan woke, 2) // the waiter's report, and the watchdog's
	before := simWaits()
	go func() {
		_, err := wait(h)
		ch <- woke{at: time.Now(), err: err}
	}()
	start, call, w, err := handoff(ch, simWaits, before, settle, func() error { return end(h) })
	if err != nil {
		_ = h.Close() // kills if need be, and waits for the waiter to leave
		return t, err
	}
	if err := h.Close(); err != nil && !errors.Is(err, zconsole.ErrClosed) {
		return t, err
	}
	if !errors.Is(w.err, want) {
		return t, fmt.Errorf("the ended wait returned %v, not %v", w.err, want)
	}
	t.total, t.call = w.at.Sub(start), call
	return t, nil
}

// chanRound is the Go wake-up alone: a goroutine blocked receiving from a channel,
// woken by close, timed as the kill is.
func chanRound(settle time.Duration) (handoffTimes, error) {
	var t handoffTimes
	var waits atomic.Uint64
	wake := make(chan struct{})
	ch := make(chan woke, 2)
	go func() {
		waits.Add(1)
		<-wake
		ch <- woke{at: time.Now()}
	}()
	start, call, w, err := handoff(ch, waits.Load, 0, settle, func() error { close(wake); return nil })
	if err != nil {
		return t, err
	}
	t.total, t.call = w.at.Sub(start), call
	return t, nil
}

// doneRound is the context's own wake-up: a goroutine blocked receiving from a
// context's Done, woken by its cancel, timed as the kill is. Beside the channel it shows
// what the context package adds to a Go wake-up; beside the context side, what the
// handle adds to that.
func doneRound(settle time.Duration) (handoffTimes, error) {
	var t handoffTimes
	var waits atomic.Uint64
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := make(chan woke, 2)
	go func() {
		done := ctx.Done()
		waits.Add(1)
		<-done
		ch <- woke{at: time.Now()}
	}()
	start, call, w, err := handoff(ch, waits.Load, 0, settle, func() error { cancel(); return nil })
	if err != nil {
		return t, err
	}
	t.total, t.call = w.at.Sub(start), call
	return t, nil
}

// watchRound is the system's WAIT ended by the kill's POST, from goroutines through the
// protocol's Go binding (zconsole/c): one in Watch, the other calling Kill, the same cgo
// calls into the same C as the handle's goroutine in the WAIT and Kill's POST make.
// Beside the kill from C threads it shows what the Go calls around that C add; it is
// what Close waits for once it has posted the kill.
func watchRound(settle time.Duration) (handoffTimes, error) {
	var t handoffTimes
	buf := make([]byte, c.CopyMax)
	a, _, err := c.Init(zconsole.DefaultQueueLimit, buf)
	if err != nil {
		return t, fmt.Errorf("c.Init: %w", err)
	}
	ch := make(chan woke, 2)
	before := simWaits()
	go func() {
		why, err := c.Watch(a)
		w := woke{at: time.Now()}
		if why != c.WokeKill {
			w.err = fmt.Errorf("c.Watch: woke %d, %v", why, err)
		}
		ch <- w
	}()
	start, call, w, err := handoff(ch, simWaits, before, settle, func() error {
		if err := c.Kill(a); err != nil {
			return fmt.Errorf("c.Kill: %w", err)
		}
		return nil
	})
	if err != nil {
		if w.at.IsZero() { // the waiter may still wait: kill again before freeing the area
			if c.Kill(a) != nil {
				return t, err // leave the area: freeing it under a waiter is worse
			}
			select {
			case <-ch:
			case <-time.After(killHang):
				return t, err
			}
		}
		_ = c.Term(a)
		return t, err
	}
	if err := c.Term(a); err != nil {
		return t, fmt.Errorf("c.Term: %w", err)
	}
	if w.err != nil {
		return t, w.err
	}
	t.total, t.call = w.at.Sub(start), call
	return t, nil
}

// pairRound is the cgo handoff: package floor's condition variable, waited on and
// signalled by goroutines through cgo, timed in Go and in C (clock places Go's readings
// on C's).
func pairRound(p *floor.Pair, clock floor.Clock, settle time.Duration) (handoffTimes, error) {
	var t handoffTimes
	ch := make(chan woke, 2)
	before := p.Waits()
	go func() {
		sent, back := p.Wait()
		ch <- woke{at: time.Now(), sent: sent, back: back}
	}()
	start, call, w, err := handoff(ch, p.Waits, before, settle, func() error { p.Post(); return nil })
	if err != nil {
		return t, err
	}
	t.total, t.call = w.at.Sub(start), call
	t.split(clock, start, w.at, w.sent, w.back)
	return t, nil
}
