//go:build cgo && zconsolesim && unix

package serve_test

import (
	"context"
	"fmt"
	"os"
	"strings"
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
	h := openChild(t, signalChildEnv, "TestServeSignalsRestoredAfterClose")
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

const forceQueuedEnv = "ZCONSOLE_TEST_FORCE_QUEUED"

// TestForceExitQueuedChild is the program TestServeForceExitAnswersQueued runs: while
// the server stops, its one worker never returns, the loop is held in an answer, and
// commands queue on the chain; then a signal forces the stop, which ends the process
// after its flush (WithFlush), which says when it runs.
func TestForceExitQueuedChild(t *testing.T) {
	h := openChild(t, forceQueuedEnv, "TestServeForceExitAnswersQueued")
	hold, held := make(chan struct{}), make(chan struct{})
	replies := func(cmd zconsole.Command, lines []string) error {
		for _, l := range lines {
			fmt.Printf("outcome %s answered: %s\n", cmd.Text, l)
		}
		if cmd.Text == "HOLD" {
			close(held)
			<-hold
		}
		return nil
	}
	work := func(_ context.Context, req *serve.Request) error {
		fmt.Printf("outcome %s run\n", req.Text)
		time.Sleep(simtest.Hang) // a drain that never ends
		return nil
	}
	srv, err := serve.New(context.Background(), h, serve.WithForceExit(3), serve.WithSignals(syscall.SIGUSR1),
		serve.WithHandler(serve.HandlerFunc(work)), serve.WithReplies(replies),
		serve.WithBacklog(0), serve.WithDrainQueueLimit(5),
		serve.WithFlush(simtest.Hang, func(context.Context) error { fmt.Println("flushing"); return nil }))
	require.NoError(t, err)
	require.NoError(t, sim.Command("P DEMO"))
	<-srv.Context().Done()
	require.NoError(t, sim.Command("F DEMO,WORK"))
	require.NoError(t, sim.Command("F DEMO,HOLD")) // busy: its answer holds the loop
	<-held
	for _, text := range []string{"B", "C", "D", "E", "F"} {
		require.NoError(t, sim.Command("F DEMO,"+text))
	}
	// B is in the waiter's hand, the rest on the chain, when the signal forces the stop.
	simtest.Eventually(t, "B taken", func() bool { return sim.Stats().Queued == 4 })
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGUSR1))
	time.Sleep(10 * time.Millisecond) // for the signal to reach the server: else the loop may take every command first
	close(hold)
	time.Sleep(simtest.Hang)
	fmt.Println("still running")
}

// With WithForceExit, a forced stop answers what is queued before the process ends, and
// runs the flush of WithFlush after those answers (its doc's order).
func TestServeForceExitAnswersQueued(t *testing.T) {
	exit, out := simtest.RunChild(t, "TestForceExitQueuedChild", forceQueuedEnv)
	assert.Equal(t, 3, exit.ExitCode(), "%s", out)
	assert.Contains(t, out, "zconsole: stop forced: second signal: user defined signal 1: exiting with code 3")
	for _, text := range []string{"WORK", "HOLD", "B", "C", "D", "E", "F"} {
		assert.Equal(t, 1, strings.Count(out, "outcome "+text+" "), "%s: run or answered once\n%s", text, out)
		assert.Less(t, strings.Index(out, "outcome "+text+" "), strings.Index(out, "flushing"), "%s: before the flush", text)
	}
	assert.Equal(t, 1, strings.Count(out, "flushing\n"), "the flush runs once\n%s", out)
	assert.NotContains(t, out, "still running")
}
