//go:build cgo && zconsolesim

package zconsole_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The operator's reply is taken just before the program deletes its question, and the
// system moves it in and posts it only after the DOM has returned: the order IBM does not
// rule out. Ask has returned the cancel by then, and the question's storage must still
// be the program's when the late reply lands: under -asan, a write into released storage
// stops the test; without it, the simulator records the write as an abend. Once the
// reply is posted, Close releases the storage.
func TestAskLateReplyAfterDOM(t *testing.T) {
	fresh(t)
	h := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := askAsync(ctx, h, "DEMO095A LAST CHANCE?")
	m := asked(t)
	retired := zconsole.RetiredAsks()

	mvs.DeferReply()
	command(t, fmt.Sprintf("R %02d,TOO LATE", m.ReplyID)) // taken, not yet posted
	assert.Empty(t, sim.Outstanding(), "the system took the reply")
	assert.NotEmpty(t, sim.Grep(sim.Log(), "IEE600I REPLY TO 01 IS;TOO LATE"))
	cancel()
	a := got(t, ch)
	assert.ErrorIs(t, a.err, context.Canceled, "the reply was not posted when the question was deleted")

	// The next entry into the system delivers the reply, into the question's storage.
	doms := sim.Stats().SVCs[sim.SVCDOM]
	assert.Positive(t, doms, "the question was deleted")
	require.NoError(t, zconsole.Kill(h))
	s := sim.Stats()
	assert.Zero(t, s.Abends, "the late reply landed in storage the program holds: %v", sim.Grep(sim.Log(), "ABEND"))
	assert.Equal(t, retired+1, zconsole.RetiredAsks(), "the question's storage is kept until the reply is posted")
	assert.Equal(t, retiredBlocks()+1, s.ProgramBlocks, "its block and the handle's work area: its WPL is released")

	require.NoError(t, h.Close())
	assert.Equal(t, retired, zconsole.RetiredAsks(), "Close released the storage the late reply was posted into")
	assert.Equal(t, retiredBlocks(), sim.Stats().ProgramBlocks)
	assert.Equal(t, doms, sim.Stats().SVCs[sim.SVCDOM], "deleted once, not again when swept")
	noneOutstanding(t)
}

// A question deleted unanswered keeps its storage: in the simulator, whose DOM is never
// followed by a reply, for good. While as many are kept as the bound allows (1024 in a
// program, as Ask's doc says), Ask asks nothing and says why; a question answered in
// time is not kept.
func TestAskRefusedWhileRetiredAtBound(t *testing.T) {
	fresh(t)
	assert.Equal(t, 1024, zconsole.MaxRetired)
	restore := zconsole.SetRetiredLimit(zconsole.RetiredAsks() + 1)
	defer restore()

	ch := askAsync(context.Background(), nil, "DEMO096A ANSWERED")
	command(t, fmt.Sprintf("R %d,YES", asked(t).ReplyID))
	require.NoError(t, got(t, ch).err)

	ctx, cancel := context.WithCancel(context.Background())
	ch = askAsync(ctx, nil, "DEMO097A UNANSWERED")
	asked(t)
	cancel()
	require.ErrorIs(t, got(t, ch).err, context.Canceled)

	wtos := sim.Stats().SVCs[sim.SVCWTO]
	_, err := zconsole.Ask(context.Background(), nil, "DEMO098A ONE TOO MANY")
	assert.ErrorIs(t, err, zconsole.ErrBusy)
	assert.ErrorContains(t, err, "deleted unanswered")
	assert.Equal(t, wtos, sim.Stats().SVCs[sim.SVCWTO], "nothing was asked")
	assert.Empty(t, sim.Outstanding())

	restore()
	ch = askAsync(context.Background(), nil, "DEMO099A UNDER THE BOUND AGAIN")
	command(t, fmt.Sprintf("R %d,OK", asked(t).ReplyID))
	a := got(t, ch)
	require.NoError(t, a.err)
	assert.Equal(t, "OK", a.text)
	noneOutstanding(t)
}
