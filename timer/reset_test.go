package timer

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReset covers Reset in each situation the issue names: while pending,
// before Start, after Cancel, while fn runs and after fn ran. Pushing the
// deadline later is TestResetLater's.
func TestReset(t *testing.T) {
	const d = 20 * time.Millisecond
	for _, tc := range []struct {
		name     string
		interval time.Duration
		before   func(t *testing.T, tm *Timer, p *probe) // brings tm to the state
		reset    time.Duration
		wReset   bool
		wCalls   int32 // calls of fn once the timer finished
		wNotLess bool  // fn began at least reset after the Reset call
	}{
		{
			name:     "pending, earlier",
			interval: never,
			before:   func(t *testing.T, tm *Timer, _ *probe) { require.NoError(t, tm.Start()) },
			reset:    d, wReset: true, wCalls: 1, wNotLess: true,
		},
		{
			name:     "pending, zero",
			interval: never,
			before:   func(t *testing.T, tm *Timer, _ *probe) { require.NoError(t, tm.Start()) },
			reset:    0, wReset: true, wCalls: 1,
		},
		{
			name:     "not started",
			interval: 0,
			before:   func(*testing.T, *Timer, *probe) {},
			reset:    never, wReset: false, wCalls: 1, // Start below runs fn at once
		},
		{
			name:     "after Cancel",
			interval: never,
			before: func(t *testing.T, tm *Timer, _ *probe) {
				require.NoError(t, tm.Start())
				require.True(t, tm.Cancel())
			},
			reset: 0, wReset: false, wCalls: 0,
		},
		{
			name:     "after fire",
			interval: 0,
			before: func(t *testing.T, tm *Timer, p *probe) {
				p.unblock()
				require.NoError(t, tm.Start())
				join(t, tm)
			},
			reset: 0, wReset: false, wCalls: 1,
		},
		{
			name:     "while fn runs",
			interval: 0,
			before: func(t *testing.T, tm *Timer, p *probe) {
				require.NoError(t, tm.Start())
				p.waitBegan(t)
			},
			reset: 0, wReset: false, wCalls: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newHoldingProbe()
			tm := New(tc.interval, p.fn)
			tc.before(t, tm, p)
			at := time.Now()
			assert.Equal(t, tc.wReset, tm.Reset(tc.reset), "Reset")
			if tc.name == "not started" {
				assert.False(t, tm.IsAlive(), "Reset started the timer")
				require.NoError(t, tm.Start())
			}
			p.unblock()
			waitClosed(t, tm.Finished(), "timer to finish")
			assert.Equal(t, tc.wCalls, p.calls.Load(), "calls of fn")
			if tc.wNotLess {
				assert.GreaterOrEqual(t, p.start.Sub(at), tc.reset, "fn began early")
			}
		})
	}
}

// TestResetLater pushes the deadline of a pending timer later.
func TestResetLater(t *testing.T) {
	const (
		interval = 100 * time.Millisecond
		later    = 150 * time.Millisecond
	)
	p := newProbe()
	tm := New(interval, p.fn)
	require.NoError(t, tm.Start())
	at := time.Now()
	if !tm.Reset(later) {
		// Only a stall longer than interval between Start and Reset gets
		// here; the timer must then have fired.
		join(t, tm)
		require.Equal(t, int32(1), p.calls.Load())
		t.Skip("timer fired before Reset: the test goroutine stalled")
	}
	began := p.waitBegan(t)
	assert.GreaterOrEqual(t, began.Sub(at), later, "fn began early")
	join(t, tm)
	assert.Equal(t, int32(1), p.calls.Load())
}

// TestResetRepeatedly pushes the deadline out many times, as an idle
// timeout does, and checks that fn waits for the last push that took
// effect.
func TestResetRepeatedly(t *testing.T) {
	const d = 5 * time.Millisecond
	p := newProbe()
	tm := New(never, p.fn)
	require.NoError(t, tm.Start())
	var last time.Time
	for range 20 {
		at := time.Now()
		if !tm.Reset(d) {
			break // the test goroutine stalled for d: the timer fired
		}
		last = at
		time.Sleep(d / 5)
	}
	began := p.waitBegan(t)
	assert.GreaterOrEqual(t, began.Sub(last), d)
	join(t, tm)
	assert.Equal(t, int32(1), p.calls.Load())
}

// TestFireRearms calls the runtime timer's callback before the deadline a
// Reset set, as when the runtime timer expired at the deadline Start set
// just before the Reset moved it: the callback must re-arm the runtime
// timer instead of running fn.
func TestFireRearms(t *testing.T) {
	p := newProbe()
	tm := New(never, p.fn)
	require.NoError(t, tm.Start())
	require.True(t, tm.Reset(never))
	rt := tm.rt.Load()
	require.True(t, rt.Stop(), "runtime timer not armed") // as if it had expired
	tm.fire()
	assert.Equal(t, int32(0), p.calls.Load(), "fn ran before the deadline")
	assert.True(t, tm.IsAlive())
	assert.True(t, rt.Stop(), "runtime timer not re-armed")
	assert.True(t, tm.Cancel())
}

// TestResetConcurrent makes many goroutines Reset a timer while it expires.
// fn must run once, and not before d after a Reset that returned true and
// had no other Reset running alongside it.
func TestResetConcurrent(t *testing.T) {
	const (
		d       = 2 * time.Millisecond
		workers = 8
		resets  = 200
	)
	for range 20 {
		p := newProbe()
		tm := New(d, p.fn)
		require.NoError(t, tm.Start())
		var wg sync.WaitGroup
		for range workers {
			goIn(&wg, func() {
				for range resets {
					if !tm.Reset(d) {
						return
					}
				}
			})
		}
		wg.Wait()
		at := time.Now()
		if tm.Reset(d) {
			began := p.waitBegan(t)
			assert.GreaterOrEqual(t, began.Sub(at), d, "fn began early")
		}
		join(t, tm)
		assert.Equal(t, int32(1), p.calls.Load(), "calls of fn")
	}
}
