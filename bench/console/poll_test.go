//go:build cgo && zconsolesim && linux

package console

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole/sim"
)

// pollUntil is the origin story's third attempt: a waiter that cannot wait for two
// things at once sleeps for period, wakes, and looks at a flag, again and again, until
// the flag is set. It first sleeps phase, counts its wake-ups in wakes (when not nil),
// and returns the time it saw the flag and when its loop began.
func pollUntil(stop *atomic.Bool, period, phase time.Duration, wakes *atomic.Int64) (seen, began time.Time) {
	time.Sleep(phase)
	began = time.Now()
	for {
		time.Sleep(period)
		if wakes != nil {
			wakes.Add(1)
		}
		if stop.Load() {
			return time.Now(), began
		}
	}
}

// pollWaiters is how many polling waiters a round runs, their phases spread evenly
// over one period, so that the flag is set at every point of a period.
const pollWaiters = 50

// pollKillRounds is how many kill rounds each op of BenchmarkPolling runs beside it.
const pollKillRounds = 20

// pollPeriods are the polling periods BenchmarkPolling runs with: scaled down from the
// origin story's 5 seconds, which the delay scales with.
var pollPeriods = []time.Duration{10 * time.Millisecond, 100 * time.Millisecond, time.Second}

// pollRound runs the waiters until all have looped at least once, sets the flag, and
// returns how long after it each saw it, and the wake-ups per second of one waiter.
func pollRound(period time.Duration) (latencies, float64) {
	var stop atomic.Bool
	var wakes atomic.Int64
	seen := make([]time.Time, pollWaiters)
	began := make([]time.Time, pollWaiters)
	var wg sync.WaitGroup
	for i := range pollWaiters {
		goIn(&wg, func() {
			seen[i], began[i] = pollUntil(&stop, period, period*time.Duration(i)/pollWaiters, &wakes)
		})
	}
	time.Sleep(2 * period)
	set := time.Now()
	stop.Store(true)
	wg.Wait()
	delays := make(latencies, pollWaiters)
	var alive time.Duration
	for i := range delays {
		delays[i] = seen[i].Sub(set)
		alive += seen[i].Sub(began[i])
	}
	return delays, float64(wakes.Load()) / alive.Seconds()
}

// BenchmarkPolling measures how long the polling waiter of the origin story's third
// attempt takes to see a shutdown flag, for each period, and kill rounds (settle 20 ms)
// in the same op. One op is a round of 50 waiters and 20 kills. It reports the waiters'
// mean delay as ns/op, their median, 99th percentile and longest delay (p50-ns, p99-ns,
// max-ns), their wake-ups per second each (wakeups/s), the kill's median (kill-p50-ns),
// and the waiters' median as a multiple of the kill's (x-vs-kill).
func BenchmarkPolling(b *testing.B) {
	for _, period := range pollPeriods {
		b.Run("period="+period.String(), func(b *testing.B) {
			if err := sim.Reset("DEMO"); err != nil {
				b.Fatal(err)
			}
			var delays, kill latencies
			var rate float64
			rounds := 0
			b.ResetTimer()
			for range b.N {
				d, r := pollRound(period)
				delays = append(delays, d...)
				rate += r
				rounds++
				for range pollKillRounds {
					k, err := killRound(20 * time.Millisecond)
					if err != nil {
						b.Fatal(err)
					}
					kill = append(kill, k)
				}
			}
			simClean(b)
			b.ReportMetric(ns(delays.mean()), "ns/op")
			b.ReportMetric(ns(delays.quantile(0.5)), "p50-ns")
			b.ReportMetric(ns(delays.quantile(0.99)), "p99-ns")
			b.ReportMetric(ns(delays.quantile(1)), "max-ns")
			b.ReportMetric(rate/float64(rounds), "wakeups/s")
			b.ReportMetric(ns(kill.mean()), "kill-mean-ns")
			b.ReportMetric(ns(kill.quantile(0.5)), "kill-p50-ns")
			b.ReportMetric(ns(kill.quantile(0.99)), "kill-p99-ns")
			b.ReportMetric(ns(delays.quantile(0.5))/ns(kill.quantile(0.5)), "x-vs-kill")
		})
	}
}

// goIn runs f on a new goroutine counted in wg.
func goIn(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}
