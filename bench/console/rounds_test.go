//go:build cgo && zconsolesim && linux

package console

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/go-zos/zconsole/bench/internal/floor"
	"github.com/go-zos/zconsole/bench/internal/simtest"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The benchmarks' rounds, once each, so that every test run checks that they still
// measure what they say: a kill that ends its Wait, a handoff, commands that arrive,
// pollers that see their flag, and /proc figures that read.

func TestBenchKillRound(t *testing.T) {
	simtest.Fresh(t)
	d, err := killRound(0)
	require.NoError(t, err)
	assert.Positive(t, d)
	assert.Less(t, d, simtest.Hang)
}

// checkRoundTimes checks what every side's round measures in Go.
func checkRoundTimes(t *testing.T, tm handoffTimes) {
	t.Helper()
	assert.Positive(t, tm.total)
	assert.Less(t, tm.total, simtest.Hang)
	assert.Positive(t, tm.call)
}

func TestBenchKillRoundTimes(t *testing.T) {
	simtest.Fresh(t)
	tm, err := killRoundTimes(0)
	require.NoError(t, err)
	checkRoundTimes(t, tm)
	assert.False(t, c.Opened(), "the handle is closed")
}

func TestBenchContextRound(t *testing.T) {
	simtest.Fresh(t)
	tm, err := ctxRound(0)
	require.NoError(t, err)
	checkRoundTimes(t, tm)
	assert.False(t, c.Opened(), "the handle is closed")
}

func TestBenchCloseRound(t *testing.T) {
	simtest.Fresh(t)
	tm, err := closeRound(0)
	require.NoError(t, err)
	checkRoundTimes(t, tm)
	assert.Equal(t, tm.call, tm.total, "Close's own time")
	assert.False(t, c.Opened(), "the handle is closed")
}

func TestBenchChanRound(t *testing.T) {
	for _, round := range []func(time.Duration) (handoffTimes, error){chanRound, doneRound} {
		tm, err := round(0)
		require.NoError(t, err)
		checkRoundTimes(t, tm)
	}
}

func TestBenchWatchRound(t *testing.T) {
	simtest.Fresh(t)
	before := sim.Stats()
	tm, err := watchRound(0)
	require.NoError(t, err)
	checkRoundTimes(t, tm)
	assert.Equal(t, before.SVCs[sim.SVCPost]+1, sim.Stats().SVCs[sim.SVCPost], "one POST: the kill")
	assert.Equal(t, before.SVCs[sim.SVCWait]+1, sim.Stats().SVCs[sim.SVCWait], "one WAIT, ended by it")
	assert.False(t, c.Opened(), "the work area is released")
}

func TestBenchPairRound(t *testing.T) {
	p, err := floor.NewPair()
	require.NoError(t, err)
	defer p.Free()
	tm, err := pairRound(p, floor.NewClock(), 0)
	require.NoError(t, err)
	checkRoundTimes(t, tm)
	assert.Positive(t, tm.handoff)
	assert.GreaterOrEqual(t, tm.total, tm.handoff, "the wake-up as Go sees it holds the part C sees")
	// The floor's C readings fall between the Go ones, in order: the post began after
	// the waker's time.Now, and the wait ended before the waiter's. A reading from another
	// round, or taken in the wrong place, puts one of them far out. The allowance is the
	// error of placing Go's readings on C's clock.
	const allowance = 20 * time.Microsecond
	assert.Greater(t, tm.in, -allowance, "the post began before the waker read the clock")
	assert.Greater(t, tm.out, -allowance, "the waiter read the clock before its wait ended")
}

func TestBenchHandoffReportsAWaiterThatDidNotWait(t *testing.T) {
	ch := make(chan woke, 2)
	ch <- woke{at: time.Now(), err: errors.New("no wait")}
	_, _, w, err := handoff(ch, func() uint64 { return 0 }, 0, 0, func() error {
		t.Error("woke a waiter that never waited")
		return nil
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no wait")
	assert.False(t, w.at.IsZero(), "the waiter's report is returned")
}

func TestBenchHandoffReturnsTheWakersError(t *testing.T) {
	ch := make(chan woke, 2)
	errWake := errors.New("cannot wake")
	_, _, _, err := handoff(ch, func() uint64 { return 1 }, 0, 0, func() error { return errWake })
	assert.ErrorIs(t, err, errWake)
}

func TestBenchPollRound(t *testing.T) {
	const period = 5 * time.Millisecond
	delays, rate := pollRound(period)
	require.Len(t, delays, pollWaiters)
	for _, d := range delays {
		assert.GreaterOrEqual(t, d, time.Duration(0))
		assert.Less(t, d, simtest.Hang)
	}
	assert.Positive(t, rate)
	assert.LessOrEqual(t, rate, float64(time.Second/period)*1.01, "a poller wakes at most once a period")
}

func TestBenchProcUse(t *testing.T) {
	u, err := readProcUse(os.Getpid())
	require.NoError(t, err)
	assert.Positive(t, u.cpu, "this process has run")
	assert.Positive(t, u.vol+u.nonvol, "and been switched")
	assert.GreaterOrEqual(t, u.threads, 1)
	_, err = readProcUse(-1)
	assert.Error(t, err)
	d, err := procUse{cpu: 5, vol: 3, threads: 2}.sub(procUse{cpu: 2, vol: 1, threads: 2})
	require.NoError(t, err)
	assert.Equal(t, procUse{cpu: 3, vol: 2, threads: 2}, d)
	_, err = procUse{cpu: 1, threads: 1}.sub(procUse{cpu: 2, threads: 2})
	assert.ErrorContains(t, err, "a thread exited")
}

func TestLatencies(t *testing.T) {
	l := latencies{5, 1, 4, 2, 3}
	assert.Equal(t, time.Duration(3), l.quantile(0.5))
	assert.Equal(t, time.Duration(5), l.quantile(0.99))
	assert.Equal(t, time.Duration(1), l.quantile(0.01))
	assert.Equal(t, time.Duration(3), l.mean())
	assert.Equal(t, time.Duration(2), latencies{4, 1, 3, 2}.quantile(0.5), "nearest rank: half the rounds took 2 or less")
	assert.Equal(t, latencies{5, 1, 4, 2, 3}, l, "unsorted: quantile sorts a copy")
	assert.Zero(t, latencies{}.quantile(0.5))
	assert.Zero(t, latencies{}.mean())
}
