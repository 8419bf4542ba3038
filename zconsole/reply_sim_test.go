//go:build cgo && zconsolesim

package zconsole_test

import (
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A reply goes back to the console that issued the command, with the command's CART,
// as an immediate command response.
func TestReplyReachesIssuingConsole(t *testing.T) {
	fresh(t)
	h := open(t)
	tso := sim.Console{Name: "TSO1", ID: 0x0300000A, Auth: zconsole.AuthSys}
	cart := sim.CARTOf("AUTO0007")
	command(t, "F DEMO,STATUS", sim.From(tso), sim.WithCART(cart))
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)

	id, err := cmd.Reply("DEMO050I STATUS: 3 QUEUES, ALL QUIET")
	require.NoError(t, err)
	m := one(t)
	assert.Equal(t, uint32(id), m.MsgID)
	assert.Equal(t, tso.ID, m.ConsoleID)
	assert.True(t, m.ToConsole)
	assert.Empty(t, m.Console, "by id, not by name")
	assert.Equal(t, cart, m.CART)
	assert.True(t, m.Response)
	assert.Equal(t, []int{5}, m.Descriptor)
	assert.Empty(t, m.Routing, "the console id routes it")
	assert.Equal(t, "DEMO050I STATUS: 3 QUEUES, ALL QUIET", m.Text)
}

// A long reply is a multi-line message to the same console.
func TestReplyMultiLine(t *testing.T) {
	fresh(t)
	h := open(t)
	command(t, "F DEMO,LIST")
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	_, err = cmd.Reply("DEMO051I QUEUES\nQ1 DEPTH 0\nQ2 DEPTH 7", zconsole.Descriptor(5, 8))
	require.NoError(t, err)
	m := one(t)
	assert.Equal(t, []string{"DEMO051I QUEUES", "Q1 DEPTH 0", "Q2 DEPTH 7"}, m.Lines)
	assert.Equal(t, sim.MasterConsole.ID, m.ConsoleID)
	assert.Equal(t, []int{5, 8}, m.Descriptor)
}

func TestReplyNeedsAConsole(t *testing.T) {
	fresh(t)
	_, err := zconsole.Command{Verb: zconsole.Start}.Reply("NOBODY")
	assert.ErrorIs(t, err, zconsole.ErrNoConsole)
	assert.Empty(t, written(t))
}

// A reply goes where the command came from: options that would send it elsewhere, or
// with another CART, are refused, and nothing is written.
func TestReplyRefusesAnotherConsoleOrCART(t *testing.T) {
	fresh(t)
	cmd := zconsole.Command{Verb: zconsole.Modify, ConsoleID: 1, CART: sim.CARTOf("AUTO0001")}
	for name, opt := range map[string]zconsole.PutOption{
		"ToConsoleID": zconsole.ToConsoleID(2),
		"ToConsole":   zconsole.ToConsole("OTHER"),
		"WithCART":    zconsole.WithCART(sim.CARTOf("OTHER001")),
	} {
		_, err := cmd.Reply("X", opt)
		assert.ErrorIs(t, err, zconsole.ErrOption, name)
	}
	assert.Empty(t, written(t))
	_, err := cmd.Reply("X", zconsole.Descriptor(5, 8))
	require.NoError(t, err, "other options stay the caller's")
	assert.Len(t, written(t), 1)
}
