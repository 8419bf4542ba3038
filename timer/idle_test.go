package timer

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIdleStates checks each call on an Idle in each of its states.
func TestIdleStates(t *testing.T) {
	for _, tc := range []struct {
		name    string
		setup   func(t *testing.T) (*Idle, *probe)
		wTouch  bool
		wStop   bool
		wFired  bool
		wClosed bool  // Finished closed
		wCalls  int32 // calls of fn so far
	}{
		{
			name: "pending",
			setup: func(t *testing.T) (*Idle, *probe) {
				p := newProbe()
				return NewIdle(never, p.fn), p
			},
			wTouch: true, wStop: true,
		},
		{
			name: "running",
			setup: func(t *testing.T) (*Idle, *probe) {
				p := newHoldingProbe()
				i := NewIdle(0, p.fn)
				p.waitBegan(t)
				return i, p
			},
			wFired: true, wCalls: 1,
		},
		{
			name: "finished",
			setup: func(t *testing.T) (*Idle, *probe) {
				p := newProbe()
				i := NewIdle(0, p.fn)
				waitClosed(t, i.Finished(), "fn to return")
				return i, p
			},
			wFired: true, wClosed: true, wCalls: 1,
		},
		{
			name: "stopped",
			setup: func(t *testing.T) (*Idle, *probe) {
				p := newProbe()
				i := NewIdle(never, p.fn)
				require.True(t, i.Stop())
				return i, p
			},
			wClosed: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			i, p := tc.setup(t)
			defer func() {
				p.unblock()
				i.Stop()
				waitClosed(t, i.Finished(), "Idle to finish")
			}()
			assert.Equal(t, tc.wFired, i.Fired(), "Fired")
			assert.Equal(t, tc.wClosed, isClosed(i.Finished()), "Finished closed")
			assert.Equal(t, tc.wCalls, p.calls.Load(), "calls of fn")
			assert.Equal(t, tc.wTouch, i.Touch(), "Touch")
			var stopped bool
			returnsPromptly(t, "Stop", func() { stopped = i.Stop() })
			assert.Equal(t, tc.wStop, stopped, "Stop")
			if stopped {
				assert.True(t, isClosed(i.Finished()), "finished after Stop")
				assert.False(t, i.Stop(), "second Stop")
				assert.False(t, i.Touch(), "Touch after Stop")
				assert.Nil(t, i.fn, "fn kept after Stop")
				assertRuntimeTimerIdle(t, i.rt.Load())
				i.fire() // as a runtime timer expiring as Stop ran
				assert.Equal(t, tc.wCalls, p.calls.Load(), "fn ran after Stop")
			}
		})
	}
}

// TestIdleFires checks that fn runs once, no earlier than d after NewIdle,
// and that Touch afterwards does nothing.
func TestIdleFires(t *testing.T) {
	const d = 10 * time.Millisecond
	p := newProbe()
	at := time.Now()
	i := NewIdle(d, p.fn)
	began := p.waitBegan(t)
	assert.GreaterOrEqual(t, began.Sub(at), d, "fn began early")
	waitClosed(t, i.Finished(), "fn to return")
	assert.True(t, i.Fired())
	assert.False(t, i.Touch(), "Touch after fn ran")
	assert.False(t, i.Stop(), "Stop after fn ran")
	assert.Equal(t, int32(1), p.calls.Load())
}

// TestIdleTouchPostpones touches an Idle for a while and checks that fn
// waits d after the last Touch that returned true.
func TestIdleTouchPostpones(t *testing.T) {
	const d = 10 * time.Millisecond
	p := newProbe()
	i := NewIdle(d, p.fn)
	last := time.Now()
	for range 30 {
		at := time.Now()
		if !i.Touch() {
			break // the test goroutine stalled for d: fn ran
		}
		last = at
		time.Sleep(d / 5)
	}
	began := p.waitBegan(t)
	assert.GreaterOrEqual(t, began.Sub(last), d, "fn began early")
	waitClosed(t, i.Finished(), "fn to return")
	assert.Equal(t, int32(1), p.calls.Load())
}

// TestNewIdleDoesNotRunFn checks that NewIdle returns before fn runs, even
// with a zero duration: fn runs in a goroutine of its own.
func TestNewIdleDoesNotRunFn(t *testing.T) {
	p := newHoldingProbe()
	defer p.unblock()
	var i *Idle
	returnsPromptly(t, "NewIdle", func() { i = NewIdle(0, p.fn) })
	p.waitBegan(t)
	p.unblock()
	waitClosed(t, i.Finished(), "fn to return")
}

// TestTouchRounding checks the time Touch records: a multiple of the
// grain, no earlier than the call, and later than the call by less than a
// grain.
func TestTouchRounding(t *testing.T) {
	i := NewIdle(time.Second, func() {})
	defer i.Stop()
	require.Equal(t, int64(1<<19), i.grain)
	for range 100 {
		before := monoNow()
		require.True(t, i.Touch())
		after := monoNow()
		v := valueOf(i.word.Load())
		assert.GreaterOrEqual(t, v, before, "activity recorded before the call")
		assert.Less(t, v, after+i.grain, "activity recorded a grain or more after the call")
		assert.Zero(t, v%i.grain, "activity not rounded to the grain")
	}
}

// TestTouchKeepsLaterActivity puts a later activity in the state word, as
// a Touch that read the clock after this one and wrote first: Touch must
// keep it, or fn could start less than d after that later Touch.
func TestTouchKeepsLaterActivity(t *testing.T) {
	i := NewIdle(never, func() {})
	defer i.Stop()
	later := pack(idlePending, monoNow()+int64(time.Minute))
	i.word.Store(later)
	assert.True(t, i.Touch())
	assert.Equal(t, later, i.word.Load(), "Touch moved the activity back")
}

// TestIdleStopDuringFn checks that Stop neither stops nor waits for a
// running fn.
func TestIdleStopDuringFn(t *testing.T) {
	p := newHoldingProbe()
	i := NewIdle(0, p.fn)
	p.waitBegan(t)
	returnsPromptly(t, "Stop during fn", func() { assert.False(t, i.Stop()) })
	assert.False(t, isClosed(i.Finished()), "finished while fn runs")
	p.unblock()
	waitClosed(t, i.Finished(), "fn to return")
	assert.True(t, i.Fired())
}

// TestIdleFireRearms calls the runtime timer's callback while activity is
// recent: it must re-arm the runtime timer instead of running fn.
func TestIdleFireRearms(t *testing.T) {
	p := newProbe()
	i := NewIdle(never, p.fn)
	require.True(t, i.Touch())
	rt := i.rt.Load()
	require.True(t, rt.Stop(), "runtime timer not armed") // as if it had expired
	i.fire()
	assert.Equal(t, int32(0), p.calls.Load(), "fn ran before d")
	assert.False(t, i.Fired())
	assert.True(t, rt.Stop(), "runtime timer not re-armed")
	assert.True(t, i.Stop())
}

// TestIdleTouchStorm has many goroutines touch Idles at full speed while
// they expire. fn must run exactly once per Idle, after the storm at the
// latest, and no earlier than d after any Touch that returned true.
func TestIdleTouchStorm(t *testing.T) {
	const (
		d       = time.Millisecond
		rounds  = 10
		workers = 16
		touches = 2000
	)
	for range rounds {
		p := newProbe()
		i := NewIdle(d, p.fn)
		var latest atomic.Int64 // latest start of a Touch that returned true
		var wg sync.WaitGroup
		for range workers {
			goIn(&wg, func() {
				for range touches {
					at := time.Since(epoch)
					if !i.Touch() {
						return
					}
					for {
						old := latest.Load()
						if int64(at) <= old || latest.CompareAndSwap(old, int64(at)) {
							break
						}
					}
				}
			})
		}
		wg.Wait()
		waitClosed(t, i.Finished(), "fn to run after the storm")
		assert.Equal(t, int32(1), p.calls.Load(), "calls of fn")
		assert.GreaterOrEqual(t, p.start.Sub(epoch), time.Duration(latest.Load())+d, "fn began early")
		assert.False(t, i.Touch())
	}
}

// TestIdleStopStorm races Stop with Touch and with the expiry: exactly one
// of fn and a Stop that returned true happens.
func TestIdleStopStorm(t *testing.T) {
	for range 200 {
		p := newProbe()
		i := NewIdle(time.Microsecond, p.fn)
		var stops atomic.Int32
		var wg sync.WaitGroup
		for range 4 {
			goIn(&wg, func() {
				for range 50 {
					i.Touch()
				}
				if i.Stop() {
					stops.Add(1)
				}
			})
		}
		wg.Wait()
		waitClosed(t, i.Finished(), "Idle to finish")
		assert.Equal(t, int32(1), p.calls.Load()+stops.Load(), "fn calls plus successful Stops")
		assert.Equal(t, p.calls.Load() == 1, i.Fired())
	}
}

// TestGrain checks the rounding of Touch times.
func TestGrain(t *testing.T) {
	for _, tc := range []struct {
		d      int64
		wGrain int64
	}{
		{0, 1},
		{1, 1},
		{2047, 1},
		{2048, 2},
		{int64(time.Millisecond), 512},
		{int64(time.Second), 1 << 19},
		{int64(20 * time.Second), maxGrain},
		{maxDelay, maxGrain},
	} {
		assert.Equal(t, tc.wGrain, grainOf(tc.d), "grainOf(%d)", tc.d)
	}
}

// TestNewIdleNilFunc checks that a nil fn is refused at once.
func TestNewIdleNilFunc(t *testing.T) {
	assert.PanicsWithValue(t, "timer: NewIdle called with nil func", func() { NewIdle(0, nil) })
}
