package timer

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests in this file run a competing call inside each window where two
// goroutines can act on one timer with nothing but the state word between
// them: the window is entered through the interleave parameter of the
// internal methods, so each interleaving happens on every run instead of
// once in many thousands. A call to fire stands for the runtime timer
// expiring: on a pending timer with the deadline Start set, it runs fn at
// once, in the calling goroutine.

// assertRuntimeTimerIdle fails the test if rt is still armed: a timer that
// is cancelled or has run must not leave a firing behind.
func assertRuntimeTimerIdle(t *testing.T, rt interface{ Stop() bool }) {
	t.Helper()
	assert.False(t, rt.Stop(), "runtime timer left armed")
}

// TestFinishedInterleavings finishes the timer after Finished found it not
// finished and before Finished published its channel. The finishing side
// then sees no channel to close: Finished must notice and close the
// channel itself, or Join waits forever. On a loaded machine this happens
// when fn returns just as Join begins: without the check, TestReset's
// "after fire" case hangs in Join about once in a few thousand runs.
func TestFinishedInterleavings(t *testing.T) {
	for _, tc := range []struct {
		name   string
		finish func(t *testing.T, tm *Timer)
		wCalls int32
	}{
		{"fn returns", func(t *testing.T, tm *Timer) { tm.fire() }, 1},
		{"Cancel", func(t *testing.T, tm *Timer) { require.True(t, tm.Cancel()) }, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newProbe()
			tm := New(never, p.fn)
			require.NoError(t, tm.Start())
			defer tm.rt.Load().Stop()

			ch := tm.finished(func() {
				tc.finish(t, tm)
				require.True(t, isTerminal(stateOf(tm.word.Load())), "not finished")
				require.Nil(t, tm.done.Load(), "channel published too early")
			})
			assert.True(t, isClosed(ch), "Finished returned an open channel for a finished timer")
			assert.Equal(t, ch, tm.Finished(), "Finished returned another channel")
			join(t, tm)
			assert.Equal(t, tc.wCalls, p.calls.Load(), "calls of fn")
		})
	}
}

// TestStartInterleavings runs each competing call after Start moved the
// timer to pending and before it stored the runtime timer, where the call
// finds no runtime timer to stop or re-arm: Start must do that work.
func TestStartInterleavings(t *testing.T) {
	for _, tc := range []struct {
		name   string
		during func(t *testing.T, tm *Timer)
		wCalls int32 // calls of fn once the timer finished
	}{
		{
			// Start must stop the runtime timer, or it fires for a
			// cancelled timer.
			name:   "Cancel",
			during: func(t *testing.T, tm *Timer) { require.True(t, tm.Cancel()) },
			wCalls: 0,
		},
		{
			// Start must re-arm the runtime timer, or fn waits for the
			// interval instead of the Reset's deadline.
			name:   "Reset",
			during: func(t *testing.T, tm *Timer) { require.True(t, tm.Reset(0)) },
			wCalls: 1,
		},
		{
			// The expiry comes before the Reset's deadline and cannot
			// re-arm: Start must.
			name: "Reset, then expiry before its deadline",
			during: func(t *testing.T, tm *Timer) {
				const d = 20 * time.Millisecond
				at := time.Now()
				require.True(t, tm.Reset(d))
				tm.fire()
				if !tm.IsAlive() {
					require.GreaterOrEqual(t, time.Since(at), d, "fn ran before the Reset's deadline")
				}
			},
			wCalls: 1,
		},
		{
			name:   "expiry",
			during: func(t *testing.T, tm *Timer) { tm.fire() },
			wCalls: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newProbe()
			tm := New(never, p.fn)
			require.NoError(t, tm.start(func() {
				require.Nil(t, tm.rt.Load(), "runtime timer stored too early")
				tc.during(t, tm)
			}))
			waitClosed(t, tm.Finished(), "timer to finish")
			assert.Equal(t, tc.wCalls, p.calls.Load(), "calls of fn")
			assertRuntimeTimerIdle(t, tm.rt.Load())
		})
	}
}

// TestRearmInterleavings runs each competing call after a Reset moved the
// deadline and before it re-armed the runtime timer with it, so that the
// re-arming is stale when it happens: rearm must correct it.
func TestRearmInterleavings(t *testing.T) {
	// earlier is far enough ahead that the runtime timer armed by the
	// competing Reset has not fired yet when the stale re-arming replaces
	// it, unless the test goroutine stalls that long.
	const earlier = 20 * time.Millisecond
	for _, tc := range []struct {
		name   string
		during func(t *testing.T, tm *Timer)
		wCalls int32 // calls of fn once the timer finished
	}{
		{
			// The stale re-arming revives the runtime timer that Cancel
			// stopped: rearm must stop it again.
			name:   "Cancel",
			during: func(t *testing.T, tm *Timer) { require.True(t, tm.Cancel()) },
			wCalls: 0,
		},
		{
			// The stale re-arming moves the runtime timer back to the
			// older, later deadline: rearm must move it to the newer one.
			name:   "Reset earlier",
			during: func(t *testing.T, tm *Timer) { require.True(t, tm.Reset(earlier)) },
			wCalls: 1,
		},
		{
			// fn ran: the stale re-arming must not leave a firing behind.
			name: "expiry",
			during: func(t *testing.T, tm *Timer) {
				require.True(t, tm.Reset(0))
				tm.fire()
			},
			wCalls: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newProbe()
			tm := New(never, p.fn)
			require.NoError(t, tm.Start())
			require.True(t, tm.Reset(never))
			w := tm.word.Load()
			tm.rearm(tm.rt.Load(), w, func() { tc.during(t, tm) })
			waitClosed(t, tm.Finished(), "timer to finish")
			assert.Equal(t, tc.wCalls, p.calls.Load(), "calls of fn")
			assertRuntimeTimerIdle(t, tm.rt.Load())
		})
	}
}

// TestExpireInterleavings runs each competing call after the runtime
// timer's callback read the state word and before it acted on it: the
// callback must notice the change and neither run fn nor leave the
// runtime timer in the wrong state.
func TestExpireInterleavings(t *testing.T) {
	for _, tc := range []struct {
		name   string
		during func(t *testing.T, tm *Timer)
		wAlive bool
	}{
		{"Cancel", func(t *testing.T, tm *Timer) { require.True(t, tm.Cancel()) }, false},
		{"Reset", func(t *testing.T, tm *Timer) { require.True(t, tm.Reset(never)) }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newProbe()
			tm := New(never, p.fn)
			require.NoError(t, tm.Start())
			rt := tm.rt.Load()
			require.True(t, rt.Stop(), "runtime timer not armed") // as if it had expired
			tm.expire(func() { tc.during(t, tm) })                // due: would run fn
			assert.Equal(t, int32(0), p.calls.Load(), "fn ran")
			assert.Equal(t, tc.wAlive, tm.IsAlive(), "IsAlive")
			assert.Equal(t, tc.wAlive, rt.Stop(), "runtime timer armed")
			tm.Cancel()
			waitClosed(t, tm.Finished(), "timer to finish")
		})
	}
}

// TestIdleExpireInterleavings runs Stop after the runtime timer's callback
// read the state word and before it acted on it, both when fn is due and
// when recent activity makes the callback re-arm the runtime timer. The
// re-arming revives the runtime timer that Stop stopped: the callback must
// stop it again.
func TestIdleExpireInterleavings(t *testing.T) {
	for _, tc := range []struct {
		name string
		d    time.Duration // as if the Idle were made with it
	}{
		{"due", 0},
		{"recent activity", never},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newProbe()
			i := NewIdle(never, p.fn)
			i.d = int64(tc.d) // the runtime timer, armed for never, cannot see it
			rt := i.rt.Load()
			require.True(t, rt.Stop(), "runtime timer not armed") // as if it had expired
			i.expire(func() { require.True(t, i.Stop()) })
			waitClosed(t, i.Finished(), "Idle to finish")
			assert.False(t, i.Fired())
			assert.Equal(t, int32(0), p.calls.Load(), "calls of fn")
			assertRuntimeTimerIdle(t, rt)
		})
	}
}
