package timer

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStress races every call against every other and against expiry, on
// many timers at once. For each timer, exactly one of these must hold: fn
// ran once, or one Cancel returned true. Start succeeds once.
func TestStress(t *testing.T) {
	const (
		timers  = 200
		workers = 6
	)
	var wg sync.WaitGroup
	for range timers {
		goIn(&wg, func() {
			var calls atomic.Int32
			tm := New(time.Duration(time.Now().UnixNano()%50)*time.Microsecond, func() { calls.Add(1) })
			var starts, cancels atomic.Int32
			var inner sync.WaitGroup
			for w := range workers {
				goIn(&inner, func() {
					for range 20 {
						switch w % 3 {
						case 0:
							if tm.Start() == nil {
								starts.Add(1)
							}
						case 1:
							tm.Reset(time.Duration(w) * time.Microsecond)
							tm.IsAlive()
						case 2:
							if w == 2 && tm.Cancel() {
								cancels.Add(1)
							}
							select {
							case <-tm.Finished():
							default:
							}
						}
					}
				})
			}
			inner.Wait()
			if tm.Start() == nil {
				starts.Add(1)
			}
			if !assertClosed(t, tm.Finished(), "timer to finish") {
				return
			}
			tm.Join()
			assert.Equal(t, int32(1), starts.Load(), "successful Starts")
			assert.Equal(t, int32(1), calls.Load()+cancels.Load(), "fn calls plus successful Cancels")
			assert.False(t, tm.IsAlive())
		})
	}
	wg.Wait()
}

// TestStressStartCancel races Start with Cancel, the window in which Start
// has moved a timer to pending but not yet stored its runtime timer.
func TestStressStartCancel(t *testing.T) {
	for range 2000 {
		tm := New(never, func() { t.Error("fn ran") })
		var wg sync.WaitGroup
		goIn(&wg, func() { assert.NoError(t, tm.Start()) })
		goIn(&wg, func() { tm.Cancel() })
		wg.Wait()
		tm.Cancel()
		require.True(t, isClosed(tm.Finished()))
		if rt := tm.rt.Load(); rt != nil {
			require.False(t, rt.Stop(), "runtime timer left pending after Cancel")
		}
	}
}
