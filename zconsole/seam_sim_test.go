//go:build cgo && zconsolesim

package zconsole_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The SVC seam as z/OS gives and takes it: the forms of the registers, the mode, the
// system's pointers.

// The system may set bit 0 of the 31-bit pointers it hands over (the EXTRACT answer,
// COMECBPT, COMCIBPT, CIBNEXT, the PSA's and ASCB's): the program masks it off. Unmasked,
// COMECBPT would end the ECB list at its first entry, and the kill below would never end
// the WAIT; COMCIBPT and CIBNEXT would lead the copy out of the CIB.
func TestSystemPointersWithBitZeroSet(t *testing.T) {
	started(t, "FIRST")
	plain, err := zconsole.Task()
	require.NoError(t, err)
	mvs.FlagPointers(true)
	flagged, err := zconsole.Task()
	require.NoError(t, err)
	assert.Equal(t, plain, flagged, "PSAAOLD, PSATOLD, FLCCVT and ASCBJBNS read through the flag")

	h := open(t)
	command(t, "F DEMO,SECOND")
	command(t, "F DEMO,THIRD") // linked by a flagged CIBNEXT, then moved into COMCIBPT
	for _, want := range []string{"FIRST", "SECOND", "THIRD"} {
		cmd, err := zconsole.Wait(h)
		require.NoError(t, err)
		assert.Equal(t, want, cmd.Text)
	}

	ch := waitAsync(h)
	blocked(t, 1)
	require.NoError(t, zconsole.Kill(h))
	assert.ErrorIs(t, recv(t, ch).err, zconsole.ErrKilled)
	// The Wait returns in Go; the kill's POST must end the WAIT behind it, which Close
	// waits for.
	closed := make(chan error, 1)
	go func() { closed <- h.Close() }()
	select {
	case err := <-closed:
		assert.NoError(t, err)
	case <-time.After(hang):
		// The kill ECB is not in the list the WAIT took: let a command end it, so that
		// Close does not wait for a WAIT that never ends.
		t.Errorf("the kill did not end the WAIT within %v: COMECBPT's bit 0 ended the ECB list", hang)
		command(t, "F DEMO,RESCUE")
		<-closed
	}
	assert.Zero(t, sim.Stats().Abends, "abends: %v", sim.Grep(sim.Log(), "ABEND"))
}

// Every WAIT the protocol issues, for a command or for a reply, is a long one (LONG=YES,
// R0 bit 0): each is a wait for the operator.
func TestWaitsAreLong(t *testing.T) {
	fresh(t)
	h := open(t)
	ch := waitAsync(h)
	blocked(t, 1)
	command(t, "F DEMO,HELLO")
	require.NoError(t, recv(t, ch).err)
	ask := askAsync(context.Background(), h, "DEMO094A LONG?")
	m := asked(t)
	blocked(t, 2) // the Ask waits for the reply
	command(t, fmt.Sprintf("R %d,YES", m.ReplyID))
	require.NoError(t, got(t, ask).err)
	waits := sim.Stats().SVCs[sim.SVCWait]
	ch = waitAsync(h)
	blocked(t, waits+1)
	require.NoError(t, zconsole.Kill(h))
	assert.ErrorIs(t, recv(t, ch).err, zconsole.ErrKilled)

	n := mvs.Stats()
	assert.GreaterOrEqual(t, n.SVCs[sim.SVCWait], uint64(3))
	assert.Equal(t, n.SVCs[sim.SVCWait], n.LongWaits, "every WAIT carries LONG=YES")
}

// An Init whose EXTRACT the z/OS side could not issue, because the code runs above the
// bar and EXTRACT needs AMODE 31, fails with an error that says so and holds nothing;
// the SVC seam reports it as the simulator reports it here.
func TestInitAboveTheBar(t *testing.T) {
	fresh(t)
	sim.Inject(sim.Fault{SVC: sim.SVCExtract, RC: zc.RC_ABOVE_BAR, Times: 1})
	h, err := zconsole.Init()
	assert.Nil(t, h)
	assert.ErrorIs(t, err, errors.ErrUnsupported)
	assert.ErrorContains(t, err, "EXTRACT FIELDS=COMM (SVC 40) needs AMODE 31")
	assert.ErrorContains(t, err, "above the 2 GiB bar")
	var se *zconsole.ServiceError
	assert.False(t, errors.As(err, &se), "not a service's failure: the service was not issued")
	assert.Equal(t, retiredBlocks(), sim.Stats().ProgramBlocks, "nothing held")
	h = open(t)
	assert.NotNil(t, h, "the next Init works")
}
