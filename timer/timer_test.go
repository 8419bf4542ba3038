package timer

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixture is a Timer brought to one state, with the probe it calls.
type fixture struct {
	tm *Timer
	p  *probe
}

// settle releases a running fn and waits for the timer to finish, if it
// can finish; it leaves no goroutine behind.
func (f fixture) settle(t *testing.T) {
	t.Helper()
	f.p.unblock()
	if f.tm.IsAlive() {
		f.tm.Cancel()
		waitClosed(t, f.tm.Finished(), "timer to finish")
	}
}

// states builds a Timer in each state a caller can observe.
var states = []struct {
	name  string
	setup func(t *testing.T) fixture
}{
	{"not started", func(t *testing.T) fixture {
		p := newProbe()
		return fixture{New(never, p.fn), p}
	}},
	{"pending", func(t *testing.T) fixture {
		p := newProbe()
		tm := New(never, p.fn)
		require.NoError(t, tm.Start())
		return fixture{tm, p}
	}},
	{"running", func(t *testing.T) fixture {
		p := newHoldingProbe()
		tm := New(0, p.fn)
		require.NoError(t, tm.Start())
		p.waitBegan(t)
		return fixture{tm, p}
	}},
	{"finished", func(t *testing.T) fixture {
		p := newProbe()
		tm := New(0, p.fn)
		require.NoError(t, tm.Start())
		waitClosed(t, tm.Finished(), "fn to return")
		return fixture{tm, p}
	}},
	{"cancelled while pending", func(t *testing.T) fixture {
		p := newProbe()
		tm := New(never, p.fn)
		require.NoError(t, tm.Start())
		require.True(t, tm.Cancel())
		return fixture{tm, p}
	}},
	{"cancelled before start", func(t *testing.T) fixture {
		p := newProbe()
		tm := New(never, p.fn)
		require.True(t, tm.Cancel())
		return fixture{tm, p}
	}},
	{"cancelled before start, then started", func(t *testing.T) fixture {
		p := newProbe()
		tm := New(0, p.fn)
		require.True(t, tm.Cancel())
		require.NoError(t, tm.Start())
		return fixture{tm, p}
	}},
}

// TestTimerStates checks what each query reports in each state.
func TestTimerStates(t *testing.T) {
	want := map[string]struct {
		wAlive    bool
		wFinished bool
		wJoin     error // JoinContext with a cancelled context
		wCalls    int32 // calls of fn so far
	}{
		"not started":                          {false, false, ErrNotStarted, 0},
		"pending":                              {true, false, context.Canceled, 0},
		"running":                              {true, false, context.Canceled, 1},
		"finished":                             {false, true, nil, 1},
		"cancelled while pending":              {false, true, nil, 0},
		"cancelled before start":               {false, true, nil, 0},
		"cancelled before start, then started": {false, true, nil, 0},
	}
	for _, st := range states {
		t.Run(st.name, func(t *testing.T) {
			w, ok := want[st.name]
			require.True(t, ok, "no expectation for state")
			f := st.setup(t)
			defer f.settle(t)

			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			assert.Equal(t, w.wAlive, f.tm.IsAlive(), "IsAlive")
			assert.Equal(t, w.wFinished, isClosed(f.tm.Finished()), "Finished closed")
			assert.ErrorIs(t, f.tm.JoinContext(ctx), w.wJoin, "JoinContext")
			assert.Equal(t, w.wCalls, f.p.calls.Load(), "calls of fn")
		})
	}
}

// TestTimerTransitions applies each call to a Timer in each state and
// checks the result and the state it leaves.
func TestTimerTransitions(t *testing.T) {
	type outcome struct {
		wStart  error // Start's result
		wCancel bool  // Cancel's result
		wReset  bool  // Reset's result
	}
	want := map[string]outcome{
		"not started":                          {nil, true, false},
		"pending":                              {ErrStarted, true, true},
		"running":                              {ErrStarted, false, false},
		"finished":                             {ErrStarted, false, false},
		"cancelled while pending":              {ErrStarted, false, false},
		"cancelled before start":               {nil, false, false},
		"cancelled before start, then started": {ErrStarted, false, false},
	}
	for _, st := range states {
		w, ok := want[st.name]
		require.True(t, ok, "no expectation for state %q", st.name)
		t.Run(st.name+"/Start", func(t *testing.T) {
			f := st.setup(t)
			defer f.settle(t)
			before := f.tm.IsAlive()
			err := f.tm.Start()
			if w.wStart == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, w.wStart)
				assert.Equal(t, before, f.tm.IsAlive(), "a failed Start changes nothing")
			}
		})
		t.Run(st.name+"/Cancel", func(t *testing.T) {
			f := st.setup(t)
			defer f.settle(t)
			calls := f.p.calls.Load()
			var got bool
			returnsPromptly(t, "Cancel", func() { got = f.tm.Cancel() })
			assert.Equal(t, w.wCancel, got, "Cancel")
			if got {
				assert.True(t, isClosed(f.tm.Finished()), "finished after Cancel")
				assert.False(t, f.tm.IsAlive(), "alive after Cancel")
				assert.False(t, f.tm.Cancel(), "second Cancel")
				assert.Nil(t, f.tm.fn, "fn kept after Cancel")
				if rt := f.tm.rt.Load(); rt != nil {
					assertRuntimeTimerIdle(t, rt)
				}
				f.tm.fire() // as a runtime timer expiring as Cancel ran
				assert.Equal(t, calls, f.p.calls.Load(), "fn ran after Cancel")
			}
		})
		t.Run(st.name+"/Reset", func(t *testing.T) {
			f := st.setup(t)
			defer f.settle(t)
			alive := f.tm.IsAlive()
			finished := isClosed(f.tm.Finished())
			assert.Equal(t, w.wReset, f.tm.Reset(never), "Reset")
			assert.Equal(t, alive, f.tm.IsAlive(), "Reset changed IsAlive")
			assert.Equal(t, finished, isClosed(f.tm.Finished()), "Reset changed Finished")
		})
	}
}

// TestTimerRuns checks the whole life of a timer that fires.
func TestTimerRuns(t *testing.T) {
	p := newHoldingProbe()
	tm := New(time.Millisecond, p.fn)
	assert.False(t, tm.IsAlive(), "alive before Start")
	require.NoError(t, tm.Start())
	p.waitBegan(t)
	assert.True(t, tm.IsAlive(), "alive while fn runs")
	assert.False(t, isClosed(tm.Finished()), "finished while fn runs")
	p.unblock()
	join(t, tm)
	assert.False(t, tm.IsAlive(), "alive after fn returned")
	assert.Equal(t, int32(1), p.calls.Load())
	assert.Nil(t, tm.fn, "fn kept after it ran")
}

// TestStartDoesNotRunFn checks that Start returns before fn runs, even
// with a zero interval: fn runs in a goroutine of its own.
func TestStartDoesNotRunFn(t *testing.T) {
	p := newHoldingProbe()
	defer p.unblock()
	tm := New(0, p.fn)
	returnsPromptly(t, "Start", func() { assert.NoError(t, tm.Start()) })
	p.waitBegan(t)
	p.unblock()
	join(t, tm)
}

// TestTimerNotBefore checks that fn does not start before its interval.
func TestTimerNotBefore(t *testing.T) {
	const interval = 20 * time.Millisecond
	p := newProbe()
	tm := New(interval, p.fn)
	start := time.Now()
	require.NoError(t, tm.Start())
	began := p.waitBegan(t)
	assert.GreaterOrEqual(t, began.Sub(start), interval)
}

// TestTimerCancelBeforeStart checks Python's behaviour: Start after Cancel
// succeeds once and finishes without calling fn.
func TestTimerCancelBeforeStart(t *testing.T) {
	p := newProbe()
	tm := New(0, p.fn)
	require.True(t, tm.Cancel())
	require.NoError(t, tm.Start())
	require.ErrorIs(t, tm.Start(), ErrStarted)
	join(t, tm)
	assert.False(t, tm.IsAlive())
	assert.Equal(t, int32(0), p.calls.Load())
	assert.Nil(t, tm.rt.Load(), "a runtime timer was made for a cancelled timer")
}

// TestTimerCancelDuringFn checks that Cancel neither stops nor waits for a
// running fn.
func TestTimerCancelDuringFn(t *testing.T) {
	p := newHoldingProbe()
	tm := New(0, p.fn)
	require.NoError(t, tm.Start())
	p.waitBegan(t)
	returnsPromptly(t, "Cancel during fn", func() { assert.False(t, tm.Cancel()) })
	assert.True(t, tm.IsAlive(), "Cancel ended a running timer")
	p.unblock()
	join(t, tm)
	assert.Equal(t, int32(1), p.calls.Load())
}

// TestTimerIntervals checks the intervals that need clamping.
func TestTimerIntervals(t *testing.T) {
	for _, tc := range []struct {
		name      string
		interval  time.Duration
		wInterval int64
	}{
		{"negative", -time.Second, 0},
		{"zero", 0, 0},
		{"one", 1, 1},
		{"hour", time.Hour, int64(time.Hour)},
		{"largest", maxDelay, maxDelay},
		{"beyond largest", 1 << 62, maxDelay},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tm := New(tc.interval, func() {})
			w := tm.word.Load()
			assert.Equal(t, uint64(timerNew), stateOf(w))
			assert.Equal(t, tc.wInterval, valueOf(w))
		})
	}
}

// TestNewNilFunc checks that a nil fn is refused at once, not when the
// timer fires.
func TestNewNilFunc(t *testing.T) {
	assert.PanicsWithValue(t, "timer: New called with nil func", func() { New(0, nil) })
}

// TestErrors checks the sentinel errors' text.
func TestErrors(t *testing.T) {
	assert.EqualError(t, ErrStarted, "timer: can only be started once")
	assert.EqualError(t, ErrNotStarted, "timer: cannot join before it is started")
}
