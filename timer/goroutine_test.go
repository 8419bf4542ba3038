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

// TestPendingTimersOwnNoGoroutine checks that pending timers cost neither a
// goroutine nor an OS thread each: 100,000 of them raise the goroutine
// count by less than 10 and create almost no thread.
func TestPendingTimersOwnNoGoroutine(t *testing.T) {
	threads := pprof.Lookup("threadcreate")
	goroutinesBefore := runtime.NumGoroutine()
	threadsBefore := threads.Count()

	timers := make([]*Timer, pendingTimers)
	for i := range timers {
		timers[i] = New(never, func() { t.Error("fn ran") })
		require.NoError(t, timers[i].Start())
	}
	grew := runtime.NumGoroutine() - goroutinesBefore
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
	goroutinesBefore := runtime.NumGoroutine()
	idles := make([]*Idle, pendingTimers)
	for i := range idles {
		idles[i] = NewIdle(never, func() { t.Error("fn ran") })
		idles[i].Touch()
	}
	grew := runtime.NumGoroutine() - goroutinesBefore
	t.Logf("%d pending idle timers: goroutines %+d", pendingTimers, grew)
	assert.Less(t, grew, 10, "goroutines added by pending idle timers")
	for _, i := range idles {
		require.True(t, i.Stop())
	}
}
