//go:build cgo && zconsolesim

package zconsole_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKillBeforeWait(t *testing.T) {
	fresh(t)
	h := open(t)
	require.NoError(t, zconsole.Kill(h))
	for i := 0; i < 3; i++ {
		_, err := zconsole.Wait(h)
		assert.ErrorIs(t, err, zconsole.ErrKilled, "Wait #%d after Kill", i)
	}
	assert.NoError(t, zconsole.Kill(h), "a second Kill is a no-op")
}

// Kill wins over queued commands: they stay queued for the next handle.
func TestKillBeforeWaitLeavesCommandsQueued(t *testing.T) {
	fresh(t)
	h := open(t)
	command(t, "F DEMO,ONE")
	require.NoError(t, zconsole.Kill(h))
	_, err := zconsole.Wait(h)
	require.ErrorIs(t, err, zconsole.ErrKilled)
	require.NoError(t, h.Close())

	h2 := open(t)
	cmd, err := zconsole.Wait(h2)
	require.NoError(t, err)
	assert.Equal(t, "ONE", cmd.Text)
}

func TestKillDuringWait(t *testing.T) {
	fresh(t)
	h := open(t)
	ch := waitAsync(h)
	blocked(t, 1)
	killed := time.Now()
	require.NoError(t, zconsole.Kill(h))
	r := recv(t, ch)
	assert.ErrorIs(t, r.err, zconsole.ErrKilled)
	// A generous bound: it proves the kill ends the wait, not that it is fast
	// (the benchmarks measure that).
	assert.Less(t, r.at.Sub(killed), 2*time.Second)
	_, err := zconsole.Wait(h)
	assert.ErrorIs(t, err, zconsole.ErrKilled, "still killed")
}

// A Wait that begins once Kill has returned gets ErrKilled, never ErrBusy, though the
// Wait that Kill woke may not have left yet: the kill is looked at before the Wait
// still on its way out. Rounds, because that Wait is usually gone by then.
func TestWaitRightAfterKillIsKilledNotBusy(t *testing.T) {
	fresh(t)
	for i := range 300 {
		h, err := zconsole.Init()
		require.NoError(t, err)
		ch := waitAsync(h)
		blocked(t, uint64(i+1))
		require.NoError(t, zconsole.Kill(h))
		_, err = zconsole.Wait(h)
		require.ErrorIs(t, err, zconsole.ErrKilled, "round %d", i)
		require.ErrorIs(t, recv(t, ch).err, zconsole.ErrKilled, "round %d", i)
		require.NoError(t, h.Close())
	}
}

func TestFiftyConcurrentKillsDuringOneWait(t *testing.T) {
	fresh(t)
	h := open(t)
	ch := waitAsync(h)
	blocked(t, 1)
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	start := make(chan struct{})
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs <- zconsole.Kill(h)
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	assert.ErrorIs(t, recv(t, ch).err, zconsole.ErrKilled)
	assert.Equal(t, uint64(1), sim.Stats().SVCs[sim.SVCPost], "one POST however many Kills")
}

func TestCloseDuringWait(t *testing.T) {
	fresh(t)
	h, err := zconsole.Init()
	require.NoError(t, err)
	ch := waitAsync(h)
	blocked(t, 1)
	require.NoError(t, h.Close())
	assert.ErrorIs(t, recv(t, ch).err, zconsole.ErrKilled)
	assert.Equal(t, retiredBlocks(), sim.Stats().ProgramBlocks, "the work area is freed")
	assert.Equal(t, 0, sim.Stats().QueueLimit, "Close sets the limit to 0")
}

func TestWaitAfterClose(t *testing.T) {
	fresh(t)
	h, err := zconsole.Init()
	require.NoError(t, err)
	require.NoError(t, h.Close())
	_, err = zconsole.Wait(h)
	assert.ErrorIs(t, err, zconsole.ErrClosed)
	assert.ErrorIs(t, zconsole.Kill(h), zconsole.ErrClosed)
	assert.ErrorIs(t, h.Close(), zconsole.ErrClosed)
	assert.ErrorIs(t, h.SetQueueLimit(3), zconsole.ErrClosed)

	var nilh *zconsole.Handle
	_, err = zconsole.Wait(nilh)
	assert.ErrorIs(t, err, zconsole.ErrClosed)
}

func TestSecondConcurrentWaitIsBusy(t *testing.T) {
	fresh(t)
	h := open(t)
	ch := waitAsync(h)
	blocked(t, 1)
	_, err := zconsole.Wait(h)
	assert.ErrorIs(t, err, zconsole.ErrBusy)
	command(t, "F DEMO,FIRST")
	r := recv(t, ch)
	require.NoError(t, r.err)
	assert.Equal(t, "FIRST", r.cmd.Text, "the first waiter is undisturbed")
}

func TestSecondInitIsBusy(t *testing.T) {
	fresh(t)
	h := open(t)
	_, err := zconsole.Init()
	assert.ErrorIs(t, err, zconsole.ErrBusy)
	require.NoError(t, h.Close())
	h2, err := zconsole.Init()
	require.NoError(t, err, "free again after Close")
	require.NoError(t, h2.Close())
}

func TestInitRejectsBadLimit(t *testing.T) {
	fresh(t)
	for _, n := range []int{-1, 256} {
		_, err := zconsole.Init(zconsole.WithQueueLimit(n))
		assert.Error(t, err, "limit %d", n)
	}
	assert.False(t, errors.Is(nil, zconsole.ErrBusy))
}
