//go:build cgo && zconsolesim

package zconsole_test

import (
	"errors"
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func serviceError(t *testing.T, err error) *zconsole.ServiceError {
	t.Helper()
	var se *zconsole.ServiceError
	require.True(t, errors.As(err, &se), "want a *ServiceError, got %v", err)
	return se
}

func TestInitFaults(t *testing.T) {
	cases := []struct {
		name string
		arm  func()
		wis  error  // sentinel, or nil for a ServiceError
		wop  string // the ServiceError's Op
		wrc  int
	}{
		{"EXTRACT fails", func() { sim.Inject(sim.Fault{SVC: sim.SVCExtract, RC: 12, Times: 1}) }, nil, "EXTRACT FIELDS=COMM", 12},
		{"no COM area", func() { sim.NoCOM(true) }, zconsole.ErrNoCOM, "", 0},
		{"no storage", func() { sim.FailStorage(1) }, zconsole.ErrNoStorage, "", 0},
		{"QEDIT CIBCTR fails", func() { sim.Inject(sim.Fault{SVC: sim.SVCQedit, RC: 4, Times: 1}) }, nil, "QEDIT CIBCTR=", 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fresh(t)
			c.arm()
			_, err := zconsole.Init()
			require.Error(t, err)
			if c.wis != nil {
				assert.ErrorIs(t, err, c.wis)
			} else {
				se := serviceError(t, err)
				assert.Equal(t, c.wop, se.Op)
				assert.Equal(t, c.wrc, se.RC)
			}
			assert.Equal(t, retiredBlocks(), sim.Stats().ProgramBlocks, "nothing held after a failed Init")
			sim.NoCOM(false)
			h, err := zconsole.Init() // and the next Init works
			require.NoError(t, err)
			require.NoError(t, h.Close())
		})
	}
}

// Init takes the START CIB off the chain, then fails to set the limit: the START is
// not lost, the next Init's first Wait returns it.
func TestInitKeepsStartWhenLimitFails(t *testing.T) {
	started(t, "KEEPME")
	sim.Inject(sim.Fault{SVC: sim.SVCQedit, RC: 8, Skip: 1, Times: 1}) // free passes, CIBCTR fails
	_, err := zconsole.Init()
	se := serviceError(t, err)
	require.Equal(t, "QEDIT CIBCTR=", se.Op)
	assert.Zero(t, sim.Stats().Queued, "the START CIB was freed")

	h := open(t)
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, zconsole.Start, cmd.Verb)
	assert.Equal(t, "KEEPME", cmd.Text)
}

// QEDIT cannot free the CIB: Wait reports it and the command stays queued, to be
// delivered once, by the next Wait.
func TestWaitFreeFailsCommandStaysQueued(t *testing.T) {
	fresh(t)
	h := open(t)
	command(t, "F DEMO,ONCE")
	sim.Inject(sim.Fault{SVC: sim.SVCQedit, RC: 8, Times: 1})
	_, err := zconsole.Wait(h)
	se := serviceError(t, err)
	assert.Equal(t, "QEDIT BLOCK=", se.Op)
	assert.Equal(t, 34, se.SVC)
	assert.Equal(t, 1, sim.Stats().Queued)

	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, "ONCE", cmd.Text)
	assert.Zero(t, sim.Stats().Queued)
}

func TestWaitFails(t *testing.T) {
	fresh(t)
	h := open(t)
	sim.Inject(sim.Fault{SVC: sim.SVCWait, RC: 12, Times: 1})
	_, err := zconsole.Wait(h)
	se := serviceError(t, err)
	assert.Equal(t, "WAIT", se.Op)
	command(t, "F DEMO,LATER")
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err, "the handle is usable")
	assert.Equal(t, "LATER", cmd.Text)
}

// POST fails: Kill says so, and the handle is killed all the same (a Wait sleeps in Go,
// and Kill wakes it there): what stays undone is ending the system's WAIT. While that
// WAIT is in progress and its kill cannot be posted, Close returns the error and leaves
// the handle open rather than free storage under it; once the POST works, it frees.
func TestPostFails(t *testing.T) {
	fresh(t)
	h := open(t)
	ch := waitAsync(h)
	blocked(t, 1)
	sim.Inject(sim.Fault{SVC: sim.SVCPost, RC: 4, Times: 2})
	assert.Equal(t, "POST", serviceError(t, zconsole.Kill(h)).Op)
	assert.ErrorIs(t, recv(t, ch).err, zconsole.ErrKilled, "woken in Go")
	_, err := zconsole.Wait(h)
	assert.ErrorIs(t, err, zconsole.ErrKilled, "and killed for good")

	assert.Equal(t, "POST", serviceError(t, h.Close()).Op, "the WAIT goes on")
	require.NoError(t, h.SetQueueLimit(3), "the handle is open")
	require.NoError(t, zconsole.Kill(h), "POST works again")
	require.NoError(t, h.Close())
	assert.Equal(t, retiredBlocks(), sim.Stats().ProgramBlocks, "the work area is freed")
}

// A WAIT that a command ends needs no kill: Close, its POST failing, frees the handle
// once the WAIT a WaitContext left behind has ended, and the command that ended it stays
// queued for the next handle.
func TestCloseAfterTheWaitEndedNeedsNoPost(t *testing.T) {
	fresh(t)
	h, err := zconsole.Init()
	require.NoError(t, err)
	leaveWaitGoing(t, h)

	sim.Inject(sim.Fault{SVC: sim.SVCPost, RC: 4, Times: -1})
	assert.Equal(t, "POST", serviceError(t, h.Close()).Op, "the WAIT the WaitContext left goes on")
	command(t, "F DEMO,ENDS")
	eventually(t, "Close, once the command has ended the WAIT", func() bool { return h.Close() == nil })
	sim.Inject(sim.Fault{SVC: sim.SVCPost})
	assert.Equal(t, retiredBlocks(), sim.Stats().ProgramBlocks, "the work area is freed")

	h2 := open(t)
	cmd, err := zconsole.Wait(h2)
	require.NoError(t, err)
	assert.Equal(t, "ENDS", cmd.Text, "still queued")
}

// The protocol never does what z/OS would abend for (that the simulator catches it is
// zconsole/sim's TestSimulatorCatchesProgramErrors).
func TestProtocolCausesNoAbend(t *testing.T) {
	require.NoError(t, sim.Reset("DEMO"))
	h, err := zconsole.Init()
	require.NoError(t, err)
	require.NoError(t, h.Close())
	assert.Zero(t, sim.Stats().Abends)
}
