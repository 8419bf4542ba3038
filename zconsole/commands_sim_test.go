//go:build cgo && zconsolesim

package zconsole_test

import (
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStartParametersOnFirstWait(t *testing.T) {
	started(t, "'idle=20',trace")
	h := open(t)
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, zconsole.Start, cmd.Verb)
	assert.Equal(t, "'idle=20',TRACE", cmd.Text, "case kept inside apostrophes only")
	assert.Equal(t, "OPER1", cmd.Console)
	assert.Zero(t, sim.Stats().Queued, "the START CIB is freed at Init")
}

// Init frees the START CIB and sets the limit in one step, so a MODIFY entered before
// the first Wait is accepted, not refused for a limit still at 0.
func TestNoWindowBetweenStartAndLimit(t *testing.T) {
	started(t, "P1")
	h := open(t)
	command(t, "F DEMO,EARLY")
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, zconsole.Start, cmd.Verb)
	cmd, err = zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, "EARLY", cmd.Text)
}

// Init takes the START off the chain; a handle killed and closed before any Wait
// returned it hands it to the next Init, whose first Wait returns it, before the
// commands still queued.
func TestStartKeptAcrossKillAndClose(t *testing.T) {
	started(t, "KEEPME")
	h, err := zconsole.Init()
	require.NoError(t, err)
	command(t, "F DEMO,NEXT")
	require.NoError(t, zconsole.Kill(h))
	_, err = zconsole.Wait(h)
	require.ErrorIs(t, err, zconsole.ErrKilled)
	require.NoError(t, h.Close())

	h2 := open(t)
	cmd, err := zconsole.Wait(h2)
	require.NoError(t, err)
	require.Equal(t, zconsole.Start, cmd.Verb, "the START first")
	assert.Equal(t, "KEEPME", cmd.Text)
	cmd, err = zconsole.Wait(h2)
	require.NoError(t, err)
	assert.Equal(t, "NEXT", cmd.Text)
}

// A START kept for the next Init is this job's: after sim.Reset, another job's, the
// next Init does not return it.
func TestStartKeptIsTheJobsOnly(t *testing.T) {
	started(t, "OLDJOB")
	h, err := zconsole.Init()
	require.NoError(t, err)
	require.NoError(t, h.Close()) // the START kept, no Wait having returned it
	require.NoError(t, sim.Reset("DEMO"))

	h2 := open(t)
	command(t, "F DEMO,NEW")
	cmd, err := zconsole.Wait(h2)
	require.NoError(t, err)
	assert.Equal(t, "NEW", cmd.Text, "not the other job's START")
}

func TestNotStartedHasNoStartCommand(t *testing.T) {
	fresh(t)
	h := open(t)
	command(t, "F DEMO,X")
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, zconsole.Modify, cmd.Verb)
}

func TestModifyCasingRules(t *testing.T) {
	fresh(t)
	h := open(t)
	cases := []struct{ typed, wtext string }{
		{"f demo,status", "STATUS"},
		{"F DEMO,2oLIN D3ta", "2OLIN D3TA"},
		{"modify demo,'Keep Me',and me", "'Keep Me',AND ME"},
		{"F DEMO.DEMO,set x='a b'", "SET X='a b'"},
	}
	for i, c := range cases {
		command(t, c.typed)
		cmd, err := zconsole.Wait(h)
		require.NoError(t, err, "#%d", i)
		assert.Equal(t, zconsole.Modify, cmd.Verb, "#%d", i)
		assert.Equal(t, c.wtext, cmd.Text, "#%d", i)
	}
}

func TestCommandCarriesConsoleAndCART(t *testing.T) {
	fresh(t)
	h := open(t)
	con := sim.Console{Name: "SDSFUSR", ID: 0x0200000C, Auth: zconsole.AuthCons}
	command(t, "F DEMO,STATUS", sim.From(con), sim.WithCART(sim.CARTOf("Q1")))
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, "SDSFUSR", cmd.Console)
	assert.Equal(t, uint32(0x0200000C), cmd.ConsoleID)
	assert.Equal(t, uint32(0x0200000C), cmd.OriginID)
	assert.Equal(t, zconsole.AuthCons, cmd.Auth)
	assert.Equal(t, sim.CARTOf("Q1"), cmd.CART)
	assert.False(t, cmd.CART.IsZero())
}

func TestStop(t *testing.T) {
	fresh(t)
	h := open(t)
	command(t, "p demo")
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, zconsole.Stop, cmd.Verb)
	assert.Equal(t, "", cmd.Text, "a STOP's one blank of data is trimmed")
	command(t, "STOP DEMO")
	cmd, err = zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, zconsole.Stop, cmd.Verb)
}

func TestQueueLimitRejectsWithIEE342I(t *testing.T) {
	fresh(t)
	h := open(t, zconsole.WithQueueLimit(2))
	command(t, "F DEMO,ONE")
	command(t, "F DEMO,TWO")
	err := sim.Command("F DEMO,THREE")
	assert.ErrorIs(t, err, sim.ErrRejected)
	assert.Len(t, sim.Grep(sim.Log(), "IEE342I F REJECTED-TASK BUSY"), 1)

	for _, want := range []string{"ONE", "TWO"} {
		cmd, err := zconsole.Wait(h)
		require.NoError(t, err)
		assert.Equal(t, want, cmd.Text)
	}
	command(t, "F DEMO,FOUR") // room again
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, "FOUR", cmd.Text)
}

func TestZeroLimitAcceptsNoModifyButStop(t *testing.T) {
	fresh(t)
	h := open(t, zconsole.WithQueueLimit(0))
	assert.ErrorIs(t, sim.Command("F DEMO,X"), sim.ErrRejected)
	command(t, "P DEMO")
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, zconsole.Stop, cmd.Verb)
}

func TestStopAcceptedWhenQueueFullAndSecondStopRejected(t *testing.T) {
	fresh(t)
	h := open(t, zconsole.WithQueueLimit(1))
	command(t, "F DEMO,ONE")
	assert.ErrorIs(t, sim.Command("F DEMO,TWO"), sim.ErrRejected, "queue full")
	command(t, "P DEMO") // accepted anyway
	err := sim.Command("P DEMO")
	assert.ErrorIs(t, err, sim.ErrRejected, "a STOP is already queued")
	assert.Len(t, sim.Grep(sim.Log(), "IEE342I P REJECTED-TASK BUSY"), 1)

	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, "ONE", cmd.Text)
	cmd, err = zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, zconsole.Stop, cmd.Verb)
	command(t, "P DEMO") // the first STOP is freed: a second one is taken
}

func TestStopResetsTheLimit(t *testing.T) {
	fresh(t)
	h := open(t, zconsole.WithQueueLimit(5))
	command(t, "P DEMO")
	assert.Equal(t, 0, sim.Stats().QueueLimit, "the system sets CIBCTR to 0 on STOP")
	assert.ErrorIs(t, sim.Command("F DEMO,STATUS"), sim.ErrRejected)

	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	require.Equal(t, zconsole.Stop, cmd.Verb)
	assert.ErrorIs(t, sim.Command("F DEMO,STATUS"), sim.ErrRejected, "still 0 after the STOP is taken")

	require.NoError(t, h.SetQueueLimit(3)) // a program that goes on taking MODIFYs
	command(t, "F DEMO,STATUS")
	cmd, err = zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, "STATUS", cmd.Text)
}

func TestWrongJobNameRejected(t *testing.T) {
	fresh(t)
	h := open(t)
	for _, typed := range []string{"F OTHER,STATUS", "P OTHER", "F DEMO.X1,STATUS"} {
		err := sim.Command(typed)
		assert.ErrorIs(t, err, sim.ErrNotActive, typed)
	}
	assert.Len(t, sim.Grep(sim.Log(), "IEE341I OTHER NOT ACTIVE"), 2)
	assert.Zero(t, sim.Stats().Queued)
	command(t, "F DEMO,MINE")
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, "MINE", cmd.Text)
}

func TestModifyBeforeInitIsRejected(t *testing.T) {
	fresh(t)
	assert.ErrorIs(t, sim.Command("F DEMO,EARLY"), sim.ErrRejected, "the limit is 0 until Init")
}

// Init takes only a START CIB: a MODIFY (X'44', which holds the START bit X'04') or a
// STOP left queued at Init stays on the chain for Wait.
func TestInitTakesOnlyStart(t *testing.T) {
	fresh(t)
	h := open(t)
	command(t, "F DEMO,LEFT")
	require.NoError(t, h.Close())
	command(t, "P DEMO")

	h2 := open(t)
	assert.Equal(t, 1, sim.Stats().Queued, "the MODIFY is still queued after Init")
	assert.True(t, sim.Stats().StopQueued)
	cmd, err := zconsole.Wait(h2)
	require.NoError(t, err)
	assert.Equal(t, zconsole.Modify, cmd.Verb)
	assert.Equal(t, "LEFT", cmd.Text)
	cmd, err = zconsole.Wait(h2)
	require.NoError(t, err)
	assert.Equal(t, zconsole.Stop, cmd.Verb)
}
