//go:build cgo && zconsolesim && unix

package serve_test

import (
	"context"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests send signals to the test process itself, as os/signal's own tests do.
// The server catches them from New until Close: none is sent outside that.

func TestServeSIGTERMStopsSIGINTForces(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	srv := startServer(t, h, serve.WithSignals())

	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGTERM))
	waitDone(t, srv.Context(), "Context after SIGTERM")
	cause := context.Cause(srv.Context())
	assert.ErrorIs(t, cause, serve.ErrSignal)
	assert.ErrorIs(t, cause, context.Canceled)
	assert.EqualError(t, cause, "zconsole: signal: terminated")
	assert.Equal(t, syscall.SIGTERM, stopCause(t, srv.Context()).Signal)
	assert.NoError(t, srv.ForceContext().Err())

	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGINT))
	waitDone(t, srv.ForceContext(), "ForceContext after SIGINT")
	cause = context.Cause(srv.ForceContext())
	assert.ErrorIs(t, cause, serve.ErrSignal)
	assert.ErrorIs(t, cause, serve.ErrForced)
	assert.EqualError(t, cause, "zconsole: stop forced: second signal: interrupt")
	require.NoError(t, closeServer(t, srv, lc))
}

// A signal after a STOP forces, like a second STOP.
func TestServeStopThenSignalForces(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	srv := startServer(t, h, serve.WithSignals(syscall.SIGUSR1))
	simtest.Command(t, "P DEMO")
	waitDone(t, srv.Context(), "Context after P DEMO")
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGUSR1))
	waitDone(t, srv.ForceContext(), "ForceContext after SIGUSR1")
	assert.EqualError(t, context.Cause(srv.ForceContext()), "zconsole: stop forced: second signal: user defined signal 1")
	assert.ErrorIs(t, context.Cause(srv.Context()), serve.ErrStopCommand)
}

const signalChildEnv = "ZCONSOLE_TEST_SIGNAL_CHILD"

// TestSignalsRestoredChild is the program TestServeSignalsRestoredAfterClose runs: a
// server that catches SIGTERM, closed, then the signal.
func TestSignalsRestoredChild(t *testing.T) {
	if os.Getenv(signalChildEnv) != "1" {
		t.Skip("run by TestServeSignalsRestoredAfterClose")
	}
	require.NoError(t, sim.Reset("DEMO"))
	h, err := zconsole.Init()
	require.NoError(t, err)
	srv, err := serve.New(context.Background(), h, serve.WithSignals(syscall.SIGTERM))
	require.NoError(t, err)
	require.NoError(t, srv.Close())
	fmt.Println("closed")
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGTERM))
	time.Sleep(simtest.Hang) // the signal's default action ends the process
	fmt.Println("still running")
}

// When Close returns, the signals are handled as before: SIGTERM ends the process, as
// it does any Go program that does not catch it.
func TestServeSignalsRestoredAfterClose(t *testing.T) {
	exit, out := simtest.RunChild(t, "TestSignalsRestoredChild", signalChildEnv)
	ws, ok := exit.Sys().(syscall.WaitStatus)
	require.True(t, ok)
	assert.True(t, ws.Signaled() && ws.Signal() == syscall.SIGTERM, "%v\n%s", ws, out)
	assert.Contains(t, out, "closed")
	assert.NotContains(t, out, "still running")
}
