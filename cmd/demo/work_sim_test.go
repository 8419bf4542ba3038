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
// start and end, and automation matches both by the CART, whether the item ends by
// itself (DMO011I), is cancelled (DMO012I) or cut short (DMO013E). A WORK that names no
// console changes nothing.
func TestWorkMessagesReachTheConsoleThatAsked(t *testing.T) {
	require.NoError(t, sim.Reset("DEMO"))
	h, err := zconsole.Init()
	require.NoError(t, err)
	defer h.Close()
	tso := sim.Console{Name: "TSO1", ID: 0x0300000A, Auth: zconsole.AuthMaster}
	oper := sim.Console{Name: "OPER2", ID: 0x0100000B, Auth: zconsole.AuthMaster}
	work := func(op sim.Console, cart zconsole.CART) zconsole.Command {
		t.Helper()
		require.NoError(t, sim.Command("F DEMO,WORK", sim.From(op), sim.WithCART(cart)))
		cmd, err := zconsole.Wait(h)
		require.NoError(t, err)
		require.Equal(t, op.Name, cmd.Console)
		return cmd
	}
	out := newOutput(io.Discard, simView{&simOperator{}})
	out.openLog()
	w := newWorks(out, func(bool) {})
	start := func(by zconsole.Command, d time.Duration) {
		t.Helper()
		_, err := w.start(by, d)
		require.NoError(t, err)
	}

	start(work(tso, sim.CARTOf("AUTO0001")), time.Millisecond) // W1 ends by itself
	ctx, cancel := context.WithTimeout(context.Background(), hang)
	defer cancel()
	require.NoError(t, w.wait(ctx))
	start(work(oper, sim.CARTOf("AUTO0002")), time.Hour) // W2 is cancelled
	assert.Equal(t, 1, w.cancel(msgWorkCanc, "the test cancels it"))
	start(work(tso, sim.CARTOf("AUTO0003")), time.Hour)                     // W3 is cut
	start(zconsole.Command{Verb: zconsole.Modify, Text: "WORK"}, time.Hour) // W4 too, from no console
	assert.Equal(t, 2, w.cancel(msgWorkCut, "the test cuts it"))
	out.closeLog()

	got := map[string]sim.Message{} // by id and item: "DMO010I W1"
	for _, m := range sim.Log() {
		if f := strings.Fields(m.Text); m.Kind == sim.KindWTO && strings.HasPrefix(m.Text, "DMO01") && len(f) > 2 {
			got[f[0]+" "+f[2]] = m
		}
	}
	require.Len(t, got, 8, "each item started and ended: %v", got)
	for _, want := range []struct {
		keys []string
		op   sim.Console
		cart string
	}{
		{[]string{msgWorkStart + " W1", msgWorkEnd + " W1"}, tso, "AUTO0001"},
		{[]string{msgWorkStart + " W2", msgWorkCanc + " W2"}, oper, "AUTO0002"},
		{[]string{msgWorkStart + " W3", msgWorkCut + " W3"}, tso, "AUTO0003"},
	} {
		for _, k := range want.keys {
			m := got[k]
			assert.True(t, m.ToConsole, "%s goes to the console that typed its WORK", k)
			assert.Equal(t, want.op.ID, m.ConsoleID, k)
			assert.Equal(t, sim.CARTOf(want.cart), m.CART, k)
			assert.Equal(t, []int{2, 11}, m.Routing, "%s keeps its routing codes", k)
		}
	}
	for _, k := range []string{msgWorkStart + " W4", msgWorkCut + " W4"} {
		m := got[k]
		assert.False(t, m.ToConsole, "%s: its WORK named no console", k)
		assert.True(t, m.CART.IsZero(), k)
	}
}
