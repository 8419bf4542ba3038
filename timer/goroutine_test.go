package timer

import (
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pendingTimers is how many pending timers the resource tests create.
const pendingTimers = 100_000

// goroutines returns [runtime.NumGoroutine] as counted with the world
// stopped. NumGoroutine itself adds up counters that other threads change
// as it reads them: while the garbage collector frees the stacks of dead
// goroutines, they are on no free list and NumGoroutine counts them as
// alive. After a test that ended thousands of goroutines, a reading during
// a collection is hundreds too high. [runtime.GoroutineProfile] stops the
// world to fill its records, so the count it returns is exact.
func goroutines() int {
	for {
		records := make([]runtime.StackRecord, runtime.NumGoroutine()+64)
		if n, ok := runtime.GoroutineProfile(records); ok {
			return n
		}
	}
}

// TestPendingTimersOwnNoGoroutine checks that pending timers cost neither a
// goroutine nor an OS thread each: 100,000 of them raise the goroutine
// count by less than 10 and create almost no thread. The goroutines are
// counted by [goroutines], whose result is NumGoroutine's without its
// transient errors.
func TestPendingTimersOwnNoGoroutine(t *testing.T) {
	threads := pprof.Lookup("threadcreate")
	goroutinesBefore := goroutines()
	threadsBefore := threads.Count()

	timers := make([]*Timer, pendingTimers)
	for i := range timers {
		timers[i] = New(never, func() { t.Error("fn ran") })
		require.NoError(t, timers[i].Start())
	}
	grew := goroutines() - goroutinesBefore
	newThreads := threads.Count() - threadsBefore
	t.Logf("%d pending timers: goroutines %+d, OS threads created %+d", pendingTimers, grew, newThreads)
	assert.Less(t, grew, 10, "goroutines added by pending timers")
	assert.Less(t, newThreads, 10, "OS threads created for pending timers")

	for _, tm := range timers {
		require.True(t, tm.Cancel())
	}
}

// TestPendingIdlesOwnNoGoroutine is TestPendingTimersOwnNoGoroutine for
// Idle.
func TestPendingIdlesOwnNoGoroutine(t *testing.T) {
	goroutinesBefore := goroutines()
	idles := make([]*Idle, pendingTimers)
	for i := range idles {
		idles[i] = NewIdle(never, func() { t.Error("fn ran") })
		idles[i].Touch()
	}
	grew := goroutines() - goroutinesBefore
	t.Logf("%d pending idle timers: goroutines %+d", pendingTimers, grew)
	assert.Less(t, grew, 10, "goroutines added by pending idle timers")
	for _, i := range idles {
		require.True(t, i.Stop())
	}
}
