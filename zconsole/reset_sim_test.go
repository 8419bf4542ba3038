//go:build cgo && zconsolesim

package zconsole_test

import (
	"context"
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The system is not torn down under the program: not while a handle is open, not while
// a WTOR waits for its answer.
func TestResetRefusedWhileInUse(t *testing.T) {
	fresh(t)
	h, err := zconsole.Init()
	require.NoError(t, err)
	assert.ErrorIs(t, sim.Reset("DEMO"), sim.ErrOpen)
	assert.ErrorIs(t, sim.Start("DEMO", "X"), sim.ErrOpen)
	require.NoError(t, h.Close())

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := zconsole.Ask(ctx, nil, "CONTINUE?")
		done <- err
	}()
	actx, acancel := context.WithTimeout(context.Background(), hang)
	defer acancel()
	_, err = sim.Asked(actx)
	require.NoError(t, err)
	assert.ErrorIs(t, sim.Reset("DEMO"), sim.ErrOpen)
	cancel()
	assert.ErrorIs(t, <-done, context.Canceled)
	require.NoError(t, sim.Reset("DEMO"))
}
