//go:build cgo && zconsolesim

package zconsole_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A Wait sleeps in Go; one goroutine per handle sits in the system's WAIT and takes no
// command. These tests hold what follows from it: a Wait that Kill or its context ends
// takes nothing, the WAIT is never issued while a command waits to be taken, and Close
// leaves no goroutine in the WAIT.

// leaveWaitGoing blocks a WaitContext on h in the handle's first WAIT, cancels its
// context and checks that it returned: the WAIT goes on.
func leaveWaitGoing(t *testing.T, h *zconsole.Handle) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ch := waitCtxAsync(ctx, h)
	blocked(t, 1)
	cancel()
	require.ErrorIs(t, recv(t, ch).err, context.Canceled)
}

// A command that arrives as Kill or a context ends a Wait is either returned by that
// Wait or still queued, for the next Wait: never taken and dropped. Each round races the
// two, half of them with the Wait asleep first and half with the Wait just begun.
func TestCommandAsAWaitEndsIsReturnedOrQueued(t *testing.T) {
	rounds := 300
	if testing.Short() {
		rounds = 50
	}
	for _, end := range []string{"kill", "context"} {
		t.Run(end, func(t *testing.T) {
			fresh(t)
			returned, queued := 0, 0
			for i := 0; i < rounds; i++ {
				h, err := zconsole.Init(zconsole.WithQueueLimit(1))
				require.NoError(t, err)
				ctx, cancel := context.WithCancel(context.Background())
				waits := sim.Stats().SVCs[sim.SVCWait]
				ch := waitCtxAsync(ctx, h)
				if i%2 == 0 {
					blocked(t, waits+1)
				}
				text := fmt.Sprintf("N%d", i)
				ended := make(chan error, 1)
				go func() {
					if end == "kill" {
						ended <- zconsole.Kill(h)
						return
					}
					cancel()
					ended <- nil
				}()
				command(t, "F DEMO,"+text)
				r := recv(t, ch)
				require.NoError(t, within(t, ended, end))
				switch {
				case r.err == nil:
					require.Equal(t, text, r.cmd.Text, "round %d", i)
					require.Zero(t, sim.Stats().Queued, "round %d: returned and still queued", i)
					returned++
				case end == "kill":
					require.ErrorIs(t, r.err, zconsole.ErrKilled, "round %d", i)
				default:
					require.ErrorIs(t, r.err, context.Canceled, "round %d", i)
				}
				if r.err != nil {
					require.Equal(t, 1, sim.Stats().Queued, "round %d: %v, and the command is not queued", i, r.err)
					queued++
				}
				cancel()
				require.NoError(t, zconsole.Kill(h))
				require.NoError(t, h.Close())
				if r.err != nil {
					h2, err := zconsole.Init()
					require.NoError(t, err)
					cmd, err := zconsole.Wait(h2)
					require.NoError(t, err, "round %d", i)
					require.Equal(t, text, cmd.Text, "round %d: the next Wait takes it", i)
					require.NoError(t, h2.Close())
				}
			}
			t.Logf("%d rounds: the Wait returned the command %d times, left it queued %d times", rounds, returned, queued)
		})
	}
}

// After a WaitContext's context ends, the system's WAIT goes on and serves the next
// Wait. A command that ends that WAIT while no Wait sleeps stays queued, and no WAIT is
// issued while it is: the next Waits take what is queued without one (a WAIT on the
// communications ECB, still posted, would end at once), and only a Wait that finds the
// chain empty asks for the next WAIT.
func TestNoWaitWhileACommandIsQueued(t *testing.T) {
	fresh(t)
	h := open(t, zconsole.WithQueueLimit(2))
	leaveWaitGoing(t, h)

	command(t, "F DEMO,ONE")
	command(t, "F DEMO,TWO")
	for _, want := range []string{"ONE", "TWO"} {
		cmd, err := zconsole.Wait(h)
		require.NoError(t, err)
		assert.Equal(t, want, cmd.Text)
	}
	assert.Equal(t, uint64(1), sim.Stats().SVCs[sim.SVCWait], "the first WAIT only")

	ch := waitAsync(h)
	blocked(t, 2) // the chain is empty: a new WAIT
	command(t, "F DEMO,THREE")
	r := recv(t, ch)
	require.NoError(t, r.err)
	assert.Equal(t, "THREE", r.cmd.Text)
	assert.Zero(t, sim.Stats().Abends, "no WAIT ended at once again and again")
}

// Close ends the WAIT a WaitContext left going and joins its goroutine: nothing of the
// handle is left, goroutine or storage.
func TestCloseJoinsTheWaitAWaitContextLeft(t *testing.T) {
	fresh(t)
	goroutines := runtime.NumGoroutine()
	h, err := zconsole.Init()
	require.NoError(t, err)
	leaveWaitGoing(t, h)
	require.NoError(t, h.Close())
	assert.Equal(t, uint64(1), sim.Stats().SVCs[sim.SVCPost], "the kill ended the WAIT")
	assert.Equal(t, retiredBlocks(), sim.Stats().ProgramBlocks, "the work area is freed")
	settled(t, goroutines)
}

// A WAIT that a WaitContext left going serves the next Wait, which a command ends; the
// WAIT asked for after that fails: the Wait behind it reports the failure, once, and the
// Wait after that sleeps behind a new WAIT.
func TestFailedWaitIsReportedOnce(t *testing.T) {
	fresh(t)
	h := open(t)
	leaveWaitGoing(t, h)

	// The WAIT that goes on is ended by a command, and the one the next Wait asks for
	// fails.
	sim.Inject(sim.Fault{SVC: sim.SVCWait, RC: 12, Times: 1})
	command(t, "F DEMO,ENDS")
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	require.Equal(t, "ENDS", cmd.Text)
	_, err = zconsole.Wait(h)
	var se *zconsole.ServiceError
	require.True(t, errors.As(err, &se), "the WAIT's failure: %v", err)
	assert.Equal(t, "WAIT", se.Op)

	ch := waitAsync(h)
	blocked(t, 3)
	command(t, "F DEMO,AFTER")
	r := recv(t, ch)
	require.NoError(t, r.err, "reported once: the next Wait waits")
	assert.Equal(t, "AFTER", r.cmd.Text)
}

// A WAIT that fails after the WaitContext that asked for it has left is reported by
// the next Wait that sleeps behind it, once; the Wait after that sleeps behind a new
// WAIT. The watch's goroutine is held before its WAIT until the WaitContext has left.
func TestWaitFailedAfterItsWaitLeftIsReportedOnce(t *testing.T) {
	fresh(t)
	h := open(t)
	began, gate := make(chan struct{}), make(chan struct{})
	var once, opened sync.Once
	release := func() { opened.Do(func() { close(gate) }) }
	t.Cleanup(zconsole.SetWatchHook(func() {
		once.Do(func() {
			close(began)
			<-gate
		})
	}))
	t.Cleanup(release) // before the handle's Close, which waits for the watch
	sim.Inject(sim.Fault{SVC: sim.SVCWait, RC: 12, Times: 1})
	ctx, cancel := context.WithCancel(context.Background())
	ch := waitCtxAsync(ctx, h)
	within(t, began, "the watch")
	cancel()
	require.ErrorIs(t, recv(t, ch).err, context.Canceled, "the WaitContext left before the WAIT")
	release() // the WAIT is issued now, and fails

	hung, stop := context.WithTimeout(context.Background(), hang) // a deadline, for a hang
	defer stop()
	_, err := zconsole.WaitContext(hung, h)
	var se *zconsole.ServiceError
	require.True(t, errors.As(err, &se), "the WAIT's failure, reported: %v", err)
	assert.Equal(t, "WAIT", se.Op)

	ch = waitAsync(h)
	blocked(t, 2)
	command(t, "F DEMO,AFTER")
	r := recv(t, ch)
	require.NoError(t, r.err, "reported once: the next Wait waits")
	assert.Equal(t, "AFTER", r.cmd.Text)
}
