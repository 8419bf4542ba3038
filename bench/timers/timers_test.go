package timers

import (
	"runtime"
	"testing"
	"time"

	"github.com/go-zos/zconsole/timer"
)

// The benchmarks compare a timer.Timer with the runtime timer it is built on,
// time.AfterFunc. Both sides use the same interval and the same fn, made
// once, so neither pays for a closure of its own; the comparison is as
// strict as it can be.
//
// Plain benchmarks, one per side, are named .../impl=AfterFunc and
// .../impl=Timer so that benchstat can put them side by side
// (benchstat -col /impl). The *Ratio benchmarks run both sides in the same
// run and report Timer's cost as a multiple of AfterFunc's
// (x-vs-AfterFunc); the target is 1.5 at most.

// benchInterval is long enough that no benchmarked timer fires.
const benchInterval = time.Hour

// benchFn is the function both sides schedule.
var benchFn = func() {}

// pendingPerRound is how many pending timers a memory round creates.
const pendingPerRound = 100_000

func afterFuncStop() {
	t := time.AfterFunc(benchInterval, benchFn)
	t.Stop()
}

func newStartCancel() {
	t := timer.New(benchInterval, benchFn)
	_ = t.Start()
	t.Cancel()
}

// BenchmarkStartCancel measures scheduling and cancelling one timer:
// time.AfterFunc+Stop against New+Start+Cancel.
func BenchmarkStartCancel(b *testing.B) {
	b.Run("impl=AfterFunc", func(b *testing.B) {
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			afterFuncStop()
		}
	})
	b.Run("impl=Timer", func(b *testing.B) {
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			newStartCancel()
		}
	})
}

// BenchmarkStartCancelRatio runs both sides of BenchmarkStartCancel in the
// same run and reports ns per timer for each and their ratio. The sides
// alternate in chunks long enough to span several garbage collections, so
// that each side pays for the garbage it makes while both see the same
// machine load. Its ns/op is the mean over both sides.
func BenchmarkStartCancelRatio(b *testing.B) {
	const chunks = 10 // per side
	per := max(b.N/(2*chunks), 1)
	var elapsed [2]time.Duration
	for c := range 2 * chunks {
		side := c % 2
		start := time.Now()
		if side == 0 {
			for range per {
				afterFuncStop()
			}
		} else {
			for range per {
				newStartCancel()
			}
		}
		elapsed[side] += time.Since(start)
	}
	n := float64(chunks * per)
	b.ReportMetric(float64(elapsed[0].Nanoseconds())/n, "ns/AfterFunc+Stop")
	b.ReportMetric(float64(elapsed[1].Nanoseconds())/n, "ns/New+Start+Cancel")
	b.ReportMetric(float64(elapsed[1])/float64(elapsed[0]), "x-vs-AfterFunc")
}

// heapInUse returns the bytes of live heap objects after a full collection.
func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// pendingBytes reports the heap growth per timer while n timers made by
// start are pending. The timers are stopped before it returns. The slice
// holding them is allocated before the first reading, so that only the
// timers are counted.
func pendingBytes[T any](n int, start func() T, stop func(T)) float64 {
	timers := make([]T, n)
	before := heapInUse()
	for i := range timers {
		timers[i] = start()
	}
	after := heapInUse()
	for _, t := range timers {
		stop(t)
	}
	return float64(int64(after)-int64(before)) / float64(n)
}

func startAfterFunc() *time.Timer { return time.AfterFunc(benchInterval, benchFn) }

func stopAfterFunc(t *time.Timer) { t.Stop() }

func startTimer() *timer.Timer {
	t := timer.New(benchInterval, benchFn)
	_ = t.Start()
	return t
}

func cancelTimer(t *timer.Timer) { t.Cancel() }

func pendingAfterFunc() float64 {
	return pendingBytes(pendingPerRound, startAfterFunc, stopAfterFunc)
}

func pendingTimer() float64 {
	return pendingBytes(pendingPerRound, startTimer, cancelTimer)
}

// warmPending grows the runtime's timer heap to hold a full round, so that
// the first side measured does not pay for growing it.
func warmPending() {
	pendingAfterFunc()
}

// BenchmarkPending measures the memory held by one pending timer: the heap
// growth, after garbage collection, while 100,000 timers are pending,
// divided by 100,000, reported as B/pending-timer.
func BenchmarkPending(b *testing.B) {
	for _, side := range []struct {
		name    string
		pending func() float64
	}{
		{"impl=AfterFunc", pendingAfterFunc},
		{"impl=Timer", pendingTimer},
	} {
		b.Run(side.name, func(b *testing.B) {
			warmPending()
			var sum float64
			rounds := 0
			b.ResetTimer()
			for range b.N {
				sum += side.pending()
				rounds++
			}
			b.ReportMetric(sum/float64(rounds), "B/pending-timer")
		})
	}
}

// BenchmarkPendingRatio runs both sides of BenchmarkPending in each
// iteration and reports bytes per pending timer for each and their ratio.
func BenchmarkPendingRatio(b *testing.B) {
	warmPending()
	var base, timer float64
	rounds := 0
	b.ResetTimer()
	for range b.N {
		base += pendingAfterFunc()
		timer += pendingTimer()
		rounds++
	}
	b.ReportMetric(base/float64(rounds), "B/AfterFunc")
	b.ReportMetric(timer/float64(rounds), "B/Timer")
	b.ReportMetric(timer/base, "x-vs-AfterFunc")
}
