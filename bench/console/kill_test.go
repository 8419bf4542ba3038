//go:build cgo && zconsolesim && linux

package console

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/go-zos/zconsole/bench/internal/ckill"
	"github.com/go-zos/zconsole/bench/internal/floor"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// The kill benchmark holds the console's kill latency, from Kill to the blocked Wait
// returning, and the same for a WaitContext whose context is cancelled, against two
// baselines: the floor any wake-up of a sleeping thread has, one thread blocked in
// pthread_cond_wait woken by another (package floor, C only), and the Go wake-up, a
// goroutine blocked on a channel woken by close. A Wait sleeps in Go, not in the
// system (one goroutine per handle sits in the system's WAIT), so its kill is a Go
// wake-up and can beat the floor; the kill's POST, which ends that WAIT, comes after.
//
// More sides tell the parts apart. A goroutine blocked on a context's Done, woken by
// its cancel, is what the context package adds to the Go wake-up. The cgo handoff, the floor's condition variable
// waited on and signalled by goroutines through cgo, is what a Wait that slept in C
// would pay at least. The system's WAIT ended by the kill's POST, from two C threads
// (package ckill: the protocol's own C, no Go) and from goroutines through the
// protocol's Go binding (zconsole/c: Watch, Kill), is the part of the kill off the Wait's
// way, which Close waits for; and Close itself, with a Wait blocked, from its call to
// its return: the kill, the POST, the WAIT's end, the goroutine in it joined, QEDIT
// CIBCTR=0 and the storage freed. BENCHMARKS.md splits the kill by the differences
// between the sides' medians.
//
// Every side is timed from the waker's clock reading just before its call to the
// waiter's just after its return: in Go (time.Now) for the goroutine sides, in C
// (CLOCK_MONOTONIC, the clock time.Now reads) for the floor and the kill from C threads;
// Close, by its caller, around the call. The cgo handoff is also timed in C, by the
// floor's own readings (the post's before it locks the mutex, the waiter's once its
// wait has ended), placed on Go's time with a floor.Clock: so it splits into its way
// into C, the handoff in C, and its way out. The simulated MVS takes no readings.
//
// The wakers of the goroutine sides do the same thing, in the same way, around the
// wake-up (handoff): they poll with time.Sleep until the waiter waits, sleep for the
// settle time, read the clock, make their call and read the clock, and receive the
// waiter's report with a plain channel receive. They must: the woken goroutine often
// gets the waker's own processor, and runs only once the waker blocks, so whatever a
// waker does after its call is part of the latency. (A select on a timer channel there,
// to catch a hang, arms the timer in the runtime's heap at that moment and wakes another
// thread to poll for it; it cost the side that had it about 15 µs at settle 20 ms on a
// 2-core machine.) Hangs are caught by a watchdog armed before the settle, which reports
// on the same channel.
//
// Before each wake-up the waker waits until the waiter is in its wait (the simulator's
// WAIT count for the console's sides, raised under the lock the goroutine in the WAIT
// gives up only in the wait; the floor's count of waits; a count the goroutine on the
// channel raises just before it blocks), then sleeps for the settle time, so that the
// waiter is asleep: a thread in the kernel, a goroutine parked. With a settle of 1 ms
// the Go runtime still holds a processor for a goroutine blocked in C; after 20 ms it
// has handed it off, as it has for any program that has waited a while for its operator.

// killPoll is how often a waker looks whether its waiter waits, as in package floor.
const killPoll = 50 * time.Microsecond

// killSettles are the settle times BenchmarkKill runs with.
var killSettles = []time.Duration{time.Millisecond, 2 * time.Millisecond, 20 * time.Millisecond}

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
	call    time.Duration // how long the waker's call (Kill, cancel, Close, Post) took, as the waker sees it
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

// handoff is the waker's side of a round, the same for every goroutine side. It waits
// until waits() has moved past before (looking every killPoll, and at ch, where a
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

// killSide is one side of BenchmarkKill: the prefix of its figures, and its rounds:
// inC for a side of C threads (it runs per rounds at once), inGo for a side of
// goroutines (one round).
type killSide struct {
	prefix string
	inC    func(rounds int, settle time.Duration) ([]time.Duration, error)
	inGo   func(settle time.Duration) (handoffTimes, error)
}

// BenchmarkKill measures b.N rounds of each side, in alternating chunks, for each
// settle time: the kill (Kill to the blocked Wait's return), the context (cancel to the
// blocked WaitContext's return, prefix ctx-), the floor (floor-), the channel (chan-),
// a goroutine blocked on a context's Done woken by its cancel (done-),
// the cgo handoff (cgo-; the part the floor's C saw, cgo-c-), the system's WAIT ended by
// the kill's POST from C threads (ckill-) and through the binding (watch-), and Close
// with a Wait blocked (close-, Close's own time). It reports the kill's mean as ns/op,
// and for each side its median and 99th percentile (p50-ns, p99-ns with the side's
// prefix) and each as a multiple of the floor's (x-vs-floor, x-p99-vs-floor); for the
// kill and the context also their medians as a multiple of the channel's (x-vs-chan,
// ctx-x-vs-chan); the medians of the cgo handoff's way into C on the waker's side and
// out of C on the waiter's (cgo-in-p50-ns, cgo-out-p50-ns); and how long each waker's
// call took: Post (cgo-call-p50-ns), Kill (kill-call-p50-ns), cancel (ctx-call-p50-ns,
// done-call-p50-ns), close (chan-call-p50-ns), Kill through the binding
// (watch-call-p50-ns). The targets:
// the kill's and the context's medians at most 0.5× the floor's and 2× the channel's.
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
			clock := floor.NewClock()
			sides := []killSide{
				{prefix: "floor-", inC: floor.Run},
				{prefix: "chan-", inGo: chanRound},
				{prefix: "", inGo: killRoundTimes},
				{prefix: "cgo-", inGo: func(settle time.Duration) (handoffTimes, error) { return pairRound(pair, clock, settle) }},
				{prefix: "ctx-", inGo: ctxRound},
				{prefix: "done-", inGo: doneRound},
				{prefix: "ckill-", inC: ckill.Rounds},
				{prefix: "watch-", inGo: watchRound},
				{prefix: "close-", inGo: closeRound},
			}
			per := (b.N + killChunks - 1) / killChunks
			series := make([]handoffSeries, len(sides))
			b.ResetTimer()
			for ch := range killChunks {
				for i := range sides {
					k := (ch + i) % len(sides)
					s := &sides[k]
					if s.inC != nil {
						got, err := s.inC(per, settle)
						if err != nil {
							b.Fatal(err)
						}
						series[k].total = append(series[k].total, got...)
						continue
					}
					for range per {
						t, err := s.inGo(settle)
						if err != nil {
							b.Fatalf("%sround: %v", s.prefix, err)
						}
						series[k].add(t)
					}
				}
			}
			b.StopTimer()
			simClean(b)
			by := map[string]*handoffSeries{}
			for i := range sides {
				by[sides[i].prefix] = &series[i]
			}
			reportKill(b, by)
		})
	}
}

// reportKill reports BenchmarkKill's figures from each side's series, by prefix.
func reportKill(b *testing.B, by map[string]*handoffSeries) {
	floorS := by["floor-"].total
	p50, p99 := ns(floorS.quantile(0.5)), ns(floorS.quantile(0.99))
	b.ReportMetric(ns(by[""].total.mean()), "ns/op")
	b.ReportMetric(p50, "floor-p50-ns")
	b.ReportMetric(p99, "floor-p99-ns")
	chan50 := ns(by["chan-"].total.quantile(0.5))
	for _, s := range []struct {
		prefix string
		l      latencies
	}{
		{"", by[""].total},
		{"chan-", by["chan-"].total},
		{"cgo-", by["cgo-"].total},
		{"cgo-c-", by["cgo-"].handoff},
		{"ctx-", by["ctx-"].total},
		{"done-", by["done-"].total},
		{"ckill-", by["ckill-"].total},
		{"watch-", by["watch-"].total},
		{"close-", by["close-"].total},
	} {
		m50, m99 := ns(s.l.quantile(0.5)), ns(s.l.quantile(0.99))
		b.ReportMetric(m50, s.prefix+"p50-ns")
		b.ReportMetric(m99, s.prefix+"p99-ns")
		b.ReportMetric(m50/p50, s.prefix+"x-vs-floor")
		b.ReportMetric(m99/p99, s.prefix+"x-p99-vs-floor")
		if s.prefix == "" || s.prefix == "ctx-" {
			b.ReportMetric(m50/chan50, s.prefix+"x-vs-chan")
		}
	}
	for unit, l := range map[string]latencies{
		"cgo-in-p50-ns": by["cgo-"].in, "cgo-out-p50-ns": by["cgo-"].out,
		"cgo-call-p50-ns": by["cgo-"].call, "kill-call-p50-ns": by[""].call, "ctx-call-p50-ns": by["ctx-"].call,
		"chan-call-p50-ns": by["chan-"].call, "done-call-p50-ns": by["done-"].call, "watch-call-p50-ns": by["watch-"].call,
	} {
		b.ReportMetric(ns(l.quantile(0.5)), unit)
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
