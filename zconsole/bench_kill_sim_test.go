//go:build cgo && zconsolesim && linux

package zconsole_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/floor"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// The kill benchmark holds the console's kill latency, from Kill to the blocked Wait
// returning, against the floor that any such wake-up has: one thread blocked in
// pthread_cond_wait, woken by another (internal/floor, C only). Two more sides tell the
// parts apart: the same condition variable waited on and signalled by goroutines
// through cgo shows what cgo and the Go scheduler add to the floor; the kill itself run
// by two C threads, the protocol's own C against the simulated MVS with no Go in it
// (c.SimKillRounds), shows what the console's C and the simulated supervisor add; and
// the kill through the protocol's Go binding (zconsole/c) from goroutines, with no
// Handle, shows what the Handle adds.
//
// The kill and the cgo handoff are timed alike: in Go, from the waker's time.Now before
// its call to the waiter's after its return, and in C, from the clock reading as the
// post begins (before the lock) to the waiter's once its wait has ended (after the
// lock), the floor's two readings; the simulated MVS takes them in its POST and WAIT
// (c.SimWakeClock). So each splits into the way into C, the handoff in C, and the way
// back, on the same clock.
//
// Both wakers do the same thing, in the same way, around the wake-up (handoff): they
// poll with time.Sleep until the waiter waits, sleep for the settle time, read the
// clock, make their call and read the clock, and receive the waiter's report with a
// plain channel receive. They must: the woken thread often gets the waker's own CPU,
// and runs only once the waker's thread sleeps, so whatever a waker does after its call
// is part of the latency. (A select on a timer channel there, to catch a hang, arms the
// timer in the runtime's heap at that moment and wakes another thread to poll for it;
// it cost the side that had it about 15 µs at settle 20 ms on a 2-core machine.) Hangs
// are caught by a watchdog armed before the settle, which reports on the same channel.
//
// Before each wake-up the waker waits until the waiter is in its wait (the simulator's
// WAIT count, the floor's count of waits; both are raised under the lock the waiter
// gives up only in the wait), then sleeps for the settle time, so that the waiter is
// asleep in the kernel. With a settle of 1 ms the Go runtime still holds a processor for
// the goroutine blocked in C; after 20 ms it has handed it off, as it has for any program
// that has waited a while for its operator.

// killPoll is how often a waker looks whether its waiter waits, as in internal/floor.
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
// how the call ended, and, for the cgo handoff, the C clock readings of the handoff.
// The watchdog's has no time.
type woke struct {
	at         time.Time
	err        error
	sent, back int64
}

// handoffTimes are the parts of one wake-up, a kill or a cgo handoff.
type handoffTimes struct {
	total   time.Duration // from the waker's time.Now before its call to the waiter's after its return
	in      time.Duration // from the waker's time.Now to the C clock reading as the post begins
	handoff time.Duration // from that reading to the waiter's in C, once its wait has ended
	out     time.Duration // from the waiter's reading in C to its time.Now after its call
	call    time.Duration // how long the waker's call (Kill, Post) took, as the waker sees it
}

// split fills in the parts from the C clock readings sent and back, placing the Go
// readings on the C clock with clock.
func (t *handoffTimes) split(clock floor.Clock, start, at time.Time, sent, back int64) {
	t.total = at.Sub(start)
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
	t, err := killRoundTimes(floor.NewClock(), settle)
	return t.total, err
}

// killRoundTimes is killRound, split into its parts with the simulated MVS's clock
// readings in its POST and WAIT, placed on Go's time with clock.
func killRoundTimes(clock floor.Clock, settle time.Duration) (handoffTimes, error) {
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
	post, back := c.SimWakeClock()
	t.split(clock, start, w.at, post, back)
	t.call = call
	return t, nil
}

// bindingRound is killRoundTimes without the Handle: goroutines call the protocol's Go
// binding (zconsole/c) directly, Init, Wait, Kill and Term, the same cgo calls into the
// same C as the Handle makes. Set beside the kill, it shows what the Handle adds.
func bindingRound(clock floor.Clock, settle time.Duration) (handoffTimes, error) {
	var t handoffTimes
	buf := make([]byte, 4096)
	a, _, r, f := c.Init(zconsole.DefaultQueueLimit, buf)
	if r != c.OK {
		return t, fmt.Errorf("c.Init: result %d, %+v", r, f)
	}
	waits := func() uint64 { return sim.Stats().SVCs[sim.SVCWait] }
	ch := make(chan woke, 2)
	before := waits()
	go func() {
		_, r, f := c.Wait(a, buf)
		w := woke{at: time.Now()}
		if r != c.Killed {
			w.err = fmt.Errorf("c.Wait: result %d, %+v", r, f)
		}
		ch <- w
	}()
	start, call, w, err := handoff(ch, waits, before, settle, func() error {
		if r, f := c.Kill(a); r != c.OK {
			return fmt.Errorf("c.Kill: result %d, %+v", r, f)
		}
		return nil
	})
	if err != nil {
		if w.at.IsZero() { // the waiter may still wait: kill again before freeing the area
			if r, _ := c.Kill(a); r != c.OK {
				return t, err // leave the area: freeing it under a waiter is worse
			}
			select {
			case <-ch:
			case <-time.After(killHang):
				return t, err
			}
		}
		c.Term(a)
		return t, err
	}
	if r, f := c.Term(a); r != c.OK {
		return t, fmt.Errorf("c.Term: result %d, %+v", r, f)
	}
	if w.err != nil {
		return t, w.err
	}
	post, back := c.SimWakeClock()
	t.split(clock, start, w.at, post, back)
	t.call = call
	return t, nil
}

// pairRound is killRound's handoff on internal/floor's condition variable, called from
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
	t.split(clock, start, w.at, w.sent, w.back)
	t.call = call
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
// alternating chunks, for each settle time. It reports the kill's mean as
// ns/op and its median and 99th percentile (p50-ns, p99-ns), the same for the floor
// (floor-p50-ns, floor-p99-ns), the cgo handoff (cgo-p50-ns, cgo-p99-ns) and the part
// of each that C saw (cgo-c-p50-ns, cgo-c-p99-ns; kill-c-p50-ns, kill-c-p99-ns); the
// medians of each one's way into C on the waker's side (cgo-in-p50-ns, kill-in-p50-ns)
// and out of C on the waiter's (cgo-out-p50-ns, kill-out-p50-ns); how long the waker's
// call took, Post (cgo-call-p50-ns) and Kill (kill-call-p50-ns); and each median and 99th
// percentile as a multiple of the floor's: x-vs-floor and x-p99-vs-floor for the kill
// (the target is x-vs-floor <= 1.5); cgo-x-vs-floor and cgo-x-p99-vs-floor for the cgo
// handoff, cgo-c-x-vs-floor and cgo-c-x-p99-vs-floor for its part in C, kill-c-x-vs-floor
// and kill-c-x-p99-vs-floor for the kill's; and the kill from C threads, ckill-p50-ns,
// ckill-p99-ns, ckill-x-vs-floor and ckill-x-p99-vs-floor; the kill through the binding,
// the same with bind- and bind-c- for its part in C, and bind-in-p50-ns,
// bind-out-p50-ns and bind-call-p50-ns.
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
			var base, ckill latencies
			var kill, cgo, bind handoffSeries
			b.ResetTimer()
			for ch := range killChunks {
				for side := range 5 {
					switch (ch + side) % 5 {
					case 0:
						l, err := floor.Run(per, settle)
						if err != nil {
							b.Fatal(err)
						}
						base = append(base, l...)
					case 1:
						for range per {
							t, err := pairRound(pair, clock, settle)
							if err != nil {
								b.Fatal(err)
							}
							cgo.add(t)
						}
					case 2:
						for range per {
							t, err := killRoundTimes(clock, settle)
							if err != nil {
								b.Fatal(err)
							}
							kill.add(t)
						}
					case 3:
						l, err := c.SimKillRounds(per, settle)
						if err != nil {
							b.Fatal(err)
						}
						ckill = append(ckill, l...)
					case 4:
						for range per {
							t, err := bindingRound(clock, settle)
							if err != nil {
								b.Fatal(err)
							}
							bind.add(t)
						}
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
				prefix, ratio string
				l             latencies
			}{
				{"", "", kill.total},
				{"cgo-", "cgo-", cgo.total},
				{"cgo-c-", "cgo-c-", cgo.handoff},
				{"kill-c-", "kill-c-", kill.handoff},
				{"ckill-", "ckill-", ckill},
				{"bind-", "bind-", bind.total},
				{"bind-c-", "bind-c-", bind.handoff},
			} {
				m50, m99 := ns(s.l.quantile(0.5)), ns(s.l.quantile(0.99))
				b.ReportMetric(m50, s.prefix+"p50-ns")
				b.ReportMetric(m99, s.prefix+"p99-ns")
				b.ReportMetric(m50/p50, s.ratio+"x-vs-floor")
				b.ReportMetric(m99/p99, s.ratio+"x-p99-vs-floor")
			}
			// The medians of the parts of the cgo handoff and of the kill.
			for unit, l := range map[string]latencies{
				"cgo-in-p50-ns": cgo.in, "kill-in-p50-ns": kill.in,
				"cgo-out-p50-ns": cgo.out, "kill-out-p50-ns": kill.out,
				"cgo-call-p50-ns": cgo.call, "kill-call-p50-ns": kill.call,
				"bind-in-p50-ns": bind.in, "bind-out-p50-ns": bind.out, "bind-call-p50-ns": bind.call,
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
	if s.Abends != 0 || s.ProgramBlocks != retiredBlocks() {
		b.Fatalf("simulator: %d abends, %d program blocks left (%d of retired questions): %v", s.Abends, s.ProgramBlocks, retiredBlocks(), sim.Grep(sim.Log(), "ABEND"))
	}
}
