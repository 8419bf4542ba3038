//go:build cgo && zconsolesim && linux

package ckill

import (
	"testing"
	"time"

	"github.com/go-zos/zconsole/bench/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rounds runs Rounds on a goroutine and fails the test if it does not return in time.
func rounds(t *testing.T, n int) ([]time.Duration, error) {
	t.Helper()
	type result struct {
		l   []time.Duration
		err error
	}
	done := make(chan result, 1)
	go func() {
		l, err := Rounds(n, 0)
		done <- result{l, err}
	}()
	select {
	case r := <-done:
		return r.l, r.err
	case <-time.After(simtest.Hang):
		t.Fatalf("%d kill rounds from C threads did not return within %v", n, simtest.Hang)
		return nil, nil
	}
}

func TestRoundsKillFromCThreads(t *testing.T) {
	simtest.Fresh(t)
	before := sim.Stats()
	l, err := rounds(t, 3)
	require.NoError(t, err)
	require.Len(t, l, 3)
	for _, d := range l {
		assert.Positive(t, d)
		assert.Less(t, d, simtest.Hang)
	}
	after := sim.Stats()
	assert.Equal(t, before.SVCs[sim.SVCPost]+3, after.SVCs[sim.SVCPost], "one POST per kill")
	assert.Equal(t, before.SVCs[sim.SVCWait]+3, after.SVCs[sim.SVCWait], "one WAIT per round")
	assert.False(t, c.Opened(), "the handle slot is free again")
}

func TestRoundsNeedTheHandleSlot(t *testing.T) {
	simtest.Fresh(t)
	h, err := zconsole.Init()
	require.NoError(t, err)
	_, err = rounds(t, 1)
	assert.ErrorContains(t, err, "ckill: opening a work area", "the handle slot is taken")
	require.NoError(t, h.Close())
}

func TestRoundsReportAFailedPost(t *testing.T) {
	simtest.Fresh(t)
	sim.Inject(sim.Fault{SVC: sim.SVCPost, RC: 8, Times: -1})
	_, err := rounds(t, 1)
	assert.EqualError(t, err, "ckill: the kill's POST failed")
	assert.False(t, c.Opened(), "the waiter was ended and the work area released")
}

func TestNoRounds(t *testing.T) {
	l, err := Rounds(0, 0)
	require.NoError(t, err)
	assert.Empty(t, l)
}
