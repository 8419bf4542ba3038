//go:build cgo && zconsolesim

package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The work's messages go to the console that typed WORK, with the command's CART, as
// well as to the consoles of their routing codes: the operator who asked sees the work
// start and end, and automation matches both by the CART. A WORK that names no console
// changes nothing.
func TestWorkMessagesReachTheConsoleThatAsked(t *testing.T) {
	require.NoError(t, sim.Reset("DEMO"))
	h, err := zconsole.Init()
	require.NoError(t, err)
	defer h.Close()
	op := sim.Console{Name: "TSO1", ID: 0x0300000A, Auth: zconsole.AuthMaster}
	cart := sim.CARTOf("AUTO0042")
	require.NoError(t, sim.Command("F DEMO,WORK", sim.From(op), sim.WithCART(cart)))
	by, err := zconsole.Wait(h)
	require.NoError(t, err)
	require.Equal(t, "TSO1", by.Console)

	out := newOutput(io.Discard, simView{&simOperator{}})
	out.openLog()
	w := newWorks(out, func(bool) {})
	_, err = w.start(by, time.Millisecond)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), hang)
	defer cancel()
	require.NoError(t, w.wait(ctx))
	_, err = w.start(zconsole.Command{Verb: zconsole.Modify, Text: "WORK"}, time.Hour)
	require.NoError(t, err)
	assert.Equal(t, 1, w.cancel(msgWorkCanc, "the test cancels it"))
	out.closeLog()

	byID := map[string]sim.Message{}
	for _, m := range sim.Log() {
		if m.Kind == sim.KindWTO && strings.HasPrefix(m.Text, "DMO01") {
			byID[strings.Fields(m.Text)[0]+" "+strings.Fields(m.Text)[2]] = m
		}
	}
	require.Len(t, byID, 4, "W1 started and ended, W2 started and cancelled: %v", byID)
	for _, k := range []string{msgWorkStart + " W1", msgWorkEnd + " W1"} {
		m := byID[k]
		assert.True(t, m.ToConsole, "%s goes to the console that typed WORK", k)
		assert.Equal(t, op.ID, m.ConsoleID, k)
		assert.Equal(t, cart, m.CART, k)
		assert.Equal(t, []int{2, 11}, m.Routing, "%s keeps its routing codes", k)
	}
	for _, k := range []string{msgWorkStart + " W2", msgWorkCanc + " W2"} {
		m := byID[k]
		assert.False(t, m.ToConsole, "%s: its WORK named no console", k)
		assert.True(t, m.CART.IsZero(), k)
	}
}
