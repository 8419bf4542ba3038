package timer

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJoinManyGoroutines checks that every joiner returns once fn has
// returned, and none before.
func TestJoinManyGoroutines(t *testing.T) {
	const joiners = 100
	p := newHoldingProbe()
	tm := New(0, p.fn)
	require.NoError(t, tm.Start())

	var wg sync.WaitGroup
	returned := make(chan int, 2*joiners)
	for i := range joiners {
		wg.Add(2)
		go func() {
			defer wg.Done()
			tm.Join()
			returned <- i
		}()
		go func() {
			defer wg.Done()
			assert.NoError(t, tm.JoinContext(context.Background()))
			returned <- i
		}()
	}
	p.waitBegan(t)
	assert.Empty(t, returned, "a joiner returned while fn runs")
	p.unblock()
	returnsPromptly(t, "joiners", wg.Wait)
	assert.Len(t, returned, 2*joiners)
	assert.False(t, tm.IsAlive())
}

// TestJoinCancelled checks that joiners of a pending timer return when it
// is cancelled.
func TestJoinCancelled(t *testing.T) {
	tm := New(never, func() { t.Error("fn ran") })
	require.NoError(t, tm.Start())
	var wg sync.WaitGroup
	for range 10 {
		goIn(&wg, tm.Join)
	}
	require.True(t, tm.Cancel())
	returnsPromptly(t, "joiners", wg.Wait)
}

// TestJoinBeforeStart checks the documented difference from Python: Join
// waits for a later Start, and JoinContext reports ErrNotStarted at once.
func TestJoinBeforeStart(t *testing.T) {
	p := newProbe()
	tm := New(0, p.fn)
	returnsPromptly(t, "JoinContext before Start", func() {
		assert.ErrorIs(t, tm.JoinContext(context.Background()), ErrNotStarted)
	})

	joined := make(chan struct{})
	go func() {
		defer close(joined)
		tm.Join()
	}()
	// The joiner waits on the channel Finished returns; Start comes after.
	fin := tm.Finished()
	assert.False(t, isClosed(fin), "finished before Start")
	require.NoError(t, tm.Start())
	waitClosed(t, joined, "Join to return after Start")
	assert.True(t, isClosed(fin))
	assert.Equal(t, int32(1), p.calls.Load())
}

// TestJoinContextBound checks that JoinContext gives up when its context
// is done, and that a finished timer wins over a done context.
func TestJoinContextBound(t *testing.T) {
	tm := New(never, func() {})
	require.NoError(t, tm.Start())
	defer tm.Cancel()

	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, tm.JoinContext(ctx), context.DeadlineExceeded)
	assert.True(t, tm.IsAlive(), "as after Python's join(timeout), the caller checks IsAlive")

	require.True(t, tm.Cancel())
	assert.NoError(t, tm.JoinContext(ctx), "finished timer with a done context")
}

// TestFinishedChannel checks that Finished hands out one channel per
// timer, made only when asked for, and a shared closed one for a timer
// that finished before anybody asked.
func TestFinishedChannel(t *testing.T) {
	tm := New(never, func() {})
	assert.Nil(t, tm.done.Load(), "channel made before it was asked for")
	ch := tm.Finished()
	assert.Equal(t, ch, tm.Finished(), "Finished returned another channel")
	require.True(t, tm.Cancel())
	assert.True(t, isClosed(ch))

	late := New(never, func() {})
	require.True(t, late.Cancel())
	assert.True(t, isClosed(late.Finished()))
	assert.Nil(t, late.done.Load(), "channel made for a finished timer")
}

// TestFinishedRace makes Finished race with the timer finishing: the
// channel must be closed exactly once in every interleaving.
func TestFinishedRace(t *testing.T) {
	for range 1000 {
		tm := New(0, func() {})
		require.NoError(t, tm.Start())
		var wg sync.WaitGroup
		for range 4 {
			goIn(&wg, func() { assertClosed(t, tm.Finished(), "Finished") })
		}
		wg.Wait()
		if t.Failed() {
			return // one lost wake-up is enough: each costs hang
		}
	}
}
