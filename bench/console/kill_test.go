//go:build cgo && zconsolesim && linux

package console

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/go-zos/zconsole/bench/internal/ckill"
	"github.com/go-zos/zconsole/bench/internal/floor"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// The kill benchmark holds the console's kill latency, from Kill to the blocked Wait
// returning, against the floor that any such wake-up has: one thread blocked in
// pthread_cond_wait, woken by another (package floor, C only). Three more sides tell the
// parts apart, each adding one layer to the one before it: the same condition variable
// waited on and signalled by goroutines through cgo shows what cgo and the Go scheduler
// add to the floor; the kill itself run by two C threads, the protocol's own C against
// the simulated MVS with no Go in it (package ckill), shows what the console's C and the
// simulated supervisor add; and the kill through the protocol's Go binding (zconsole/c)
// from goroutines, with no Handle, shows what the Go calls around that C add, and beside
// the kill, what the Handle adds. BENCHMARKS.md splits the kill by the differences
// between the sides' medians.
//
// Every side is timed from the waker's clock reading just before its call to the
// waiter's just after its return: in Go (time.Now) for the goroutine sides, in C
// (CLOCK_MONOTONIC, the clock time.Now reads) for the floor and the kill from C threads.
// The cgo handoff is also timed in C, by the floor's own readings (the post's before it
// locks the mutex, the waiter's once its wait has ended), placed on Go's time with a
// floor.Clock: so it splits into its way into C, the handoff in C, and its way out. The
// simulated MVS takes no readings.
//
// Both wakers of the goroutine sides do the same thing, in the same way, around the
// wake-up (handoff): they poll with time.Sleep until the waiter waits, sleep for the
// settle time, read the clock, make their call and read the clock, and receive the
// waiter's report with a plain channel receive. They must: the woken thread often gets
// the waker's own CPU, and runs only once the waker's thread sleeps, so whatever a waker
// does after its call is part of the latency. (A select on a timer channel there, to
// catch a hang, arms the timer in the runtime's heap at that moment and wakes another
// thread to poll for it; it cost the side that had it about 15 µs at settle 20 ms on a
// 2-core machine.) Hangs are caught by a watchdog armed before the settle, which reports
// on the same channel.
//
// Before each wake-up the waker waits until the waiter is in its wait (the simulator's
// WAIT count, the floor's count of waits; both are raised under the lock the waiter
// gives up only in the wait), then sleeps for the settle time, so that the waiter is
// asleep in the kernel. With a settle of 1 ms the Go runtime still holds a processor for
// the goroutine blocked in C; after 20 ms it has handed it off, as it has for any program
// that has waited a while for its operator.

// killPoll is how often a waker looks whether its waiter waits, as in package floor.
const killPoll = 50 * time.Microsecond

// killSettles are the settle times BenchmarkKill runs with.
var killSettles = []time.Duration{time.Millisecond, 20 * time.Millisecond}

// killHang is how long a waker waits for its waiter before it calls it a hang.
const killHang = 10 * time.Second

// killChunks is how many chunks of rounds each side runs, alternating with the others.
const killChunks = 5

// errHung is what a round's watchdog reports when the waiter is not back in time.
var errHung = fmt.Errorf("the wait did not end within %v of the wake-up's start", killHang)

// woke is what a round's waiter sends its waker: the time it was back from its call,
// how the call ended, and, for the cgo handoff, the floor's C clock readings of the
// handoff. The watchdog's has no time.
type woke struct {
	at         time.Time
	err        error
	sent, back int64
}

// handoffTimes are the times of one wake-up. Every side has total and call, measured
// in Go; only the cgo handoff has in, handoff and out, from the floor's readings in C.
type handoffTimes struct {
	total   time.Duration // from the waker's time.Now before its call to the waiter's after its return
	call    time.Duration // how long the waker's call (Kill, Post) took, as the waker sees it
	in      time.Duration // from the waker's time.Now to the floor's clock reading as the post begins
	handoff time.Duration // from that reading to the waiter's in C, once its wait has ended
	out     time.Duration // from the waiter's reading in C to its time.Now after its call
}

// split fills in the parts from the floor's C clock readings sent and back, placing
// the Go readings on the C clock with clock.
func (t *handoffTimes) split(clock floor.Clock, start, at time.Time, sent, back int64) {
	t.in = time.Duration(sent - clock.At(start))
	t.handoff = time.Duration(back - sent)
	t.out = time.Duration(clock.At(at) - back)
}

// handoff is the waker's side of a round, the same for the kill and the cgo handoff. It
// waits until waits() has moved past before (looking every killPoll, and at ch, where a
// waiter that returned without waiting has reported), arms the watchdog, sleeps for
// settle, reads the clock, calls wake, reads the clock, and receives the waiter's
// report. It returns the time before the call, how long the call took and the report,
// or an error: wake's, a waiter that did not wait, or a hang.
func handoff(ch chan woke, waits func() uint64, before uint64, settle time.Duration,
	wake func() error) (start time.Time, call time.Duration, w woke, err error) {
	deadline := time.Now().Add(killHang)
	for waits() == before {
		select {
		case w := <-ch:
			return start, 0, w, fmt.Errorf("the waiter returned before it waited: %v", w.err)
		default:
		}
		if time.Now().After(deadline) {
			return start, 0, w, fmt.Errorf("the waiter did not wait within %v", killHang)
		}
		time.Sleep(killPoll)
	}
	watchdog := time.AfterFunc(killHang, func() { ch <- woke{err: errHung} })
	defer watchdog.Stop()
	time.Sleep(settle)
	start = time.Now()
	err = wake()
	call = time.Since(start)
	if err != nil {
		return start, call, w, err
	}
	w = <-ch
	if errors.Is(w.err, errHung) {
		return start, call, w, w.err
	}
	return start, call, w, nil
}

// killRound opens a handle, blocks a goroutine in Wait on it, and returns the time from
// just before Kill to just after that Wait returned. It closes the handle, unless the
// Wait hung, which it reports as an error after killHang.
func killRound(settle time.Duration) (time.Duration, error) {
	t, err := killRoundTimes(settle)
	return t.total, err
}

// killRoundTimes is killRound, with how long the waker's Kill took.
func killRoundTimes(settle time.Duration) (handoffTimes, error) {
	var t handoffTimes
	h, err := zconsole.Init()
	if err != nil {
		return t, err
	}
	waits := func() uint64 { return sim.Stats().SVCs[sim.SVCWait] }
	ch := make(chan woke, 2) // the waiter's report, and the watchdog's
	before := waits()
	go func() {
		_, err := zconsole.Wait(h)
		ch <- woke{at: time.Now(), err: err}
	}()
	start, call, w, err := handoff(ch, waits, before, settle, func() error { return zconsole.Kill(h) })
	if err != nil {
		_ = h.Close() // kills again if need be, and waits for the waiter to leave
		return t, err
	}
	if err := h.Close(); err != nil {
		return t, err
	}
	if !errors.Is(w.err, zconsole.ErrKilled) {
		return t, fmt.Errorf("the killed Wait returned %v, not ErrKilled", w.err)
	}
	t.total, t.call = w.at.Sub(start), call
	return t, nil
}

// bindingRound is killRoundTimes without the Handle: goroutines call the protocol's Go
// binding (zconsole/c) directly, Init, Wait, Kill and Term, the same cgo calls into the
// same C as the Handle makes. Set beside the kill, it shows what the Handle adds; beside
// the kill from C threads, what the Go calls around the same C add.
func bindingRound(settle time.Duration) (handoffTimes, error) {
	var t handoffTimes
	buf := make([]byte, 4096)
	a, _, err := c.Init(zconsole.DefaultQueueLimit, buf)
	if err != nil {
		return t, fmt.Errorf("c.Init: %w", err)
	}
	waits := func() uint64 { return sim.Stats().SVCs[sim.SVCWait] }
	ch := make(chan woke, 2)
	before := waits()
	go func() {
		var waiter c.Waiter
		why, _, err := waiter.Wait(a, buf)
		w := woke{at: time.Now()}
		if why != c.WokeKill {
			w.err = fmt.Errorf("c.Wait: woke %d, %v", why, err)
		}
		ch <- w
	}()
	start, call, w, err := handoff(ch, waits, before, settle, func() error {
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

// pairRound is killRound's handoff on package floor's condition variable, called from
// goroutines through cgo, timed in Go and in C (clock places Go's readings on C's).
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

// handoffSeries collects the parts of a side's rounds.
type handoffSeries struct {
	total, in, handoff, out, call latencies
}

func (s *handoffSeries) add(t handoffTimes) {
	s.total = append(s.total, t.total)
	s.in = append(s.in, t.in)
	s.handoff = append(s.handoff, t.handoff)
	s.out = append(s.out, t.out)
	s.call = append(s.call, t.call)
}

// BenchmarkKill measures b.N kill rounds and as many of the floor's, of the cgo
// handoff's, of the kill from C threads and of the kill through the binding, in
// alternating chunks, for each settle time. It reports the kill's mean as ns/op and
// its median and 99th percentile (p50-ns, p99-ns); the same for the floor
// (floor-p50-ns, floor-p99-ns), the cgo handoff (cgo-p50-ns, cgo-p99-ns) and the part of
// it that the floor's C saw (cgo-c-p50-ns, cgo-c-p99-ns), the kill from C threads
// (ckill-p50-ns, ckill-p99-ns) and the kill through the binding (bind-p50-ns,
// bind-p99-ns); each of those medians and 99th percentiles as a multiple of the floor's
// (x-vs-floor and x-p99-vs-floor for the kill, whose target is x-vs-floor <= 1.5; the
// others with their prefix: cgo-x-vs-floor, ...); the medians of the cgo handoff's way
// into C on the waker's side and out of C on the waiter's (cgo-in-p50-ns,
// cgo-out-p50-ns); and how long the waker's call took, Post (cgo-call-p50-ns), Kill
// through the binding (bind-call-p50-ns) and Kill (kill-call-p50-ns).
func BenchmarkKill(b *testing.B) {
	for _, settle := range killSettles {
		b.Run("settle="+settle.String(), func(b *testing.B) {
			if err := sim.Reset("DEMO"); err != nil {
				b.Fatal(err)
			}
			pair, err := floor.NewPair()
			if err != nil {
				b.Fatal(err)
			}
			defer pair.Free()
			per := (b.N + killChunks - 1) / killChunks
			clock := floor.NewClock()
			var base, ckilled latencies
			var kill, cgo, bind handoffSeries
			// inC runs per rounds of a side of C threads (the floor, the kill from C
			// threads); inGo, per rounds of a side of goroutines.
			inC := func(l *latencies, run func(int, time.Duration) ([]time.Duration, error)) {
				got, err := run(per, settle)
				if err != nil {
					b.Fatal(err)
				}
				*l = append(*l, got...)
			}
			inGo := func(s *handoffSeries, round func() (handoffTimes, error)) {
				for range per {
					t, err := round()
					if err != nil {
						b.Fatal(err)
					}
					s.add(t)
				}
			}
			b.ResetTimer()
			for ch := range killChunks {
				for side := range 5 {
					switch (ch + side) % 5 {
					case 0:
						inC(&base, floor.Run)
					case 1:
						inGo(&cgo, func() (handoffTimes, error) { return pairRound(pair, clock, settle) })
					case 2:
						inGo(&kill, func() (handoffTimes, error) { return killRoundTimes(settle) })
					case 3:
						inC(&ckilled, ckill.Rounds)
					case 4:
						inGo(&bind, func() (handoffTimes, error) { return bindingRound(settle) })
					}
				}
			}
			b.StopTimer()
			simClean(b)
			p50, p99 := ns(base.quantile(0.5)), ns(base.quantile(0.99))
			b.ReportMetric(ns(kill.total.mean()), "ns/op")
			b.ReportMetric(p50, "floor-p50-ns")
			b.ReportMetric(p99, "floor-p99-ns")
			// Each side's median and 99th percentile, and their ratios to the floor's.
			for _, s := range []struct {
				prefix string
				l      latencies
			}{
				{"", kill.total},
				{"cgo-", cgo.total},
				{"cgo-c-", cgo.handoff},
				{"ckill-", ckilled},
				{"bind-", bind.total},
			} {
				m50, m99 := ns(s.l.quantile(0.5)), ns(s.l.quantile(0.99))
				b.ReportMetric(m50, s.prefix+"p50-ns")
				b.ReportMetric(m99, s.prefix+"p99-ns")
				b.ReportMetric(m50/p50, s.prefix+"x-vs-floor")
				b.ReportMetric(m99/p99, s.prefix+"x-p99-vs-floor")
			}
			// The medians of the cgo handoff's parts, and of each waker's call.
			for unit, l := range map[string]latencies{
				"cgo-in-p50-ns": cgo.in, "cgo-out-p50-ns": cgo.out,
				"cgo-call-p50-ns": cgo.call, "kill-call-p50-ns": kill.call, "bind-call-p50-ns": bind.call,
			} {
				b.ReportMetric(ns(l.quantile(0.5)), unit)
			}
		})
	}
}

// simClean fails the benchmark if the simulator caught an abend or the program left
// storage: every handle a benchmark opened was closed.
func simClean(b *testing.B) {
	b.Helper()
	s := sim.Stats()
	if s.Abends != 0 || s.ProgramBlocks != 0 {
		b.Fatalf("simulator: %d abends, %d program blocks left: %v", s.Abends, s.ProgramBlocks, sim.Grep(sim.Log(), "ABEND"))
	}
}
