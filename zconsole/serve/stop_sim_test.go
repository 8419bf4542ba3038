//go:build cgo && zconsolesim

package serve_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServeStopCancelsContext(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	srv := startServer(t, h)
	simtest.Blocked(t, 1)

	simtest.Command(t, "P DEMO")
	waitDone(t, srv.Context(), "Context after P DEMO")
	ctx := srv.Context()
	assert.ErrorIs(t, ctx.Err(), context.Canceled)
	cause := context.Cause(ctx)
	assert.ErrorIs(t, cause, serve.ErrStopCommand)
	assert.ErrorIs(t, cause, context.Canceled, "like os/signal's cause, it is a cancellation")
	assert.NotErrorIs(t, cause, serve.ErrForced)
	assert.EqualError(t, cause, "zconsole: operator STOP from console OPER1")
	se := stopCause(t, ctx)
	assert.Equal(t, zconsole.Stop, se.Command.Verb)
	assert.Equal(t, uint32(1), se.Command.ConsoleID)
	assert.NoError(t, srv.ForceContext().Err(), "one STOP does not force")
	assert.Zero(t, sim.Stats().QueueLimit, "MODIFY is refused while the server stops")

	require.NoError(t, closeServer(t, srv, lc))
	assert.EqualError(t, context.Cause(srv.ForceContext()), "zconsole: server closed")
	assert.Equal(t, cause, context.Cause(ctx), "Close keeps the first cause")

	// The handle is open and usable: the server left it as the STOP did.
	require.NoError(t, h.SetQueueLimit(1))
	simtest.Command(t, "F DEMO,AFTER")
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, "AFTER", cmd.Text)
}

func TestServeSecondStopForces(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	srv := startServer(t, h)

	simtest.Command(t, "P DEMO")
	waitDone(t, srv.Context(), "Context after P DEMO")
	assert.NoError(t, srv.ForceContext().Err())

	// The system takes a second STOP once the server has taken the first.
	simtest.Command(t, "P DEMO", sim.From(sim.Console{Name: "OPER2", ID: 2, Auth: zconsole.AuthMaster}))
	waitDone(t, srv.ForceContext(), "ForceContext after the second P DEMO")
	cause := context.Cause(srv.ForceContext())
	assert.ErrorIs(t, cause, serve.ErrForced)
	assert.ErrorIs(t, cause, serve.ErrStopCommand)
	assert.ErrorIs(t, cause, context.Canceled)
	assert.EqualError(t, cause, "zconsole: stop forced: second operator STOP from console OPER2")
	assert.EqualError(t, context.Cause(srv.Context()), "zconsole: operator STOP from console OPER1",
		"the first stage keeps its own cause")

	// A third STOP changes nothing.
	simtest.Command(t, "P DEMO")
	require.NoError(t, srv.Close())
	assert.Equal(t, cause, context.Cause(srv.ForceContext()))
}

func TestServeGraceForces(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	const grace = 150 * time.Millisecond
	srv := startServer(t, h, serve.WithGrace(grace))

	before := time.Now()
	simtest.Command(t, "P DEMO")
	waitDone(t, srv.Context(), "Context after P DEMO")
	forced := waitDone(t, srv.ForceContext(), "ForceContext after the grace period")
	assert.GreaterOrEqual(t, forced.Sub(before), grace, "forced before the grace period ended")

	cause := context.Cause(srv.ForceContext())
	assert.ErrorIs(t, cause, serve.ErrGraceExpired)
	assert.ErrorIs(t, cause, serve.ErrForced)
	assert.ErrorIs(t, cause, context.Canceled)
	assert.EqualError(t, cause, "zconsole: stop forced: grace period of 150ms ended")
	assert.Equal(t, grace, stopCause(t, srv.ForceContext()).Period)
}

// The grace period counts from the beginning of the stop, whatever began it.
func TestServeGraceAfterClose(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	g := newBlockingHandler()
	lc := goroutinesNow()
	srv := startServer(t, h, serve.WithHandler(g), serve.WithGrace(100*time.Millisecond))
	simtest.Command(t, "F DEMO,WORK")
	g.begun(t)

	// Close waits for the handler, which returns only when the grace period forces it.
	require.NoError(t, closeServer(t, srv, lc))
	assert.Equal(t, 1, g.returned())
	assert.ErrorIs(t, context.Cause(srv.Context()), serve.ErrServerClosed)
	assert.ErrorIs(t, context.Cause(srv.ForceContext()), serve.ErrGraceExpired)
}

// A handler that blocks in its work does not delay the STOP: the loop that takes
// commands never waits for a handler.
func TestServeBlockedHandlerDoesNotDelayStop(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	g := newBlockingHandler()
	replies := newReplyLog()
	lc := goroutinesNow()
	srv := startServer(t, h, serve.WithHandler(g), replies.option())

	simtest.Command(t, "F DEMO,WORK")
	assert.Equal(t, "WORK", g.begun(t).Text)
	simtest.Command(t, "P DEMO")
	waitDone(t, srv.Context(), "Context after P DEMO, with a handler blocked")
	assert.Zero(t, g.returned(), "the handler is still blocked")
	assert.NoError(t, srv.ForceContext().Err(), "running handlers may finish")

	// Close waits for the handler; the second STOP forces it to give up.
	closeDone := make(chan error, 1)
	go func() { closeDone <- srv.Close() }()
	simtest.Command(t, "P DEMO")
	require.NoError(t, simtest.Within(t, closeDone, "Close, after the second STOP,"))
	assert.Equal(t, 1, g.returned(), "Close returned after the handler")
	assert.Equal(t, "ZCN006E WORK failed: context canceled", replies.line(t))
	require.NoError(t, closeServer(t, srv, lc))
}

func TestServeParentCancelStopsAndForces(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	parent, cancel := context.WithCancelCause(context.Background())
	why := errors.New("the program is done")
	lc := goroutinesNow()
	srv, err := serve.New(parent, h)
	require.NoError(t, err)
	simtest.Blocked(t, 1)

	cancel(why)
	waitDone(t, srv.Context(), "Context")
	waitDone(t, srv.ForceContext(), "ForceContext")
	assert.Equal(t, why, context.Cause(srv.Context()))
	assert.Equal(t, why, context.Cause(srv.ForceContext()))

	// The server ends by itself: the handle is free again, and Close only reports.
	deadline := time.Now().Add(simtest.Hang)
	for {
		next, err := serve.New(context.Background(), h)
		if err == nil {
			require.NoError(t, next.Close())
			break
		}
		require.ErrorIs(t, err, zconsole.ErrBusy)
		require.True(t, time.Now().Before(deadline), "the server did not end by itself")
		time.Sleep(time.Millisecond)
	}
	require.NoError(t, closeServer(t, srv, lc))
	assert.Equal(t, why, context.Cause(srv.Context()))
}

func TestServeCloseBeforeStop(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	srv := startServer(t, h)
	simtest.Blocked(t, 1)
	require.NoError(t, closeServer(t, srv, lc))
	cause := context.Cause(srv.Context())
	assert.ErrorIs(t, cause, serve.ErrServerClosed)
	assert.ErrorIs(t, cause, context.Canceled)
	assert.NotErrorIs(t, cause, serve.ErrForced)
	assert.EqualError(t, cause, "zconsole: server closed")
	require.NoError(t, srv.Close(), "a second Close returns the same")

	// Served again: the handle was left usable.
	srv2 := startServer(t, h)
	simtest.Command(t, "P DEMO")
	waitDone(t, srv2.Context(), "the second server's Context")
	assert.ErrorIs(t, context.Cause(srv2.Context()), serve.ErrStopCommand)
}

// The origin story's way still works: a Kill ends the wait, and the server stops
// with the kill as its cause.
func TestServeKillStops(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	srv := startServer(t, h)
	simtest.Blocked(t, 1)
	require.NoError(t, zconsole.Kill(h))
	waitDone(t, srv.Context(), "Context after Kill")
	cause := context.Cause(srv.Context())
	assert.ErrorIs(t, cause, zconsole.ErrKilled)
	assert.ErrorIs(t, cause, context.Canceled)
	assert.EqualError(t, cause, "zconsole: wait for commands ended: killed")
	assert.ErrorIs(t, closeServer(t, srv, lc), zconsole.ErrKilled, "Close reports the failed wait")
}

func TestServeWaitFailureStops(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	sim.Inject(sim.Fault{SVC: sim.SVCWait, RC: 12, Times: 1})
	srv := startServer(t, h)
	waitDone(t, srv.Context(), "Context after a failed WAIT")
	var se *zconsole.ServiceError
	require.ErrorAs(t, context.Cause(srv.Context()), &se)
	assert.Equal(t, sim.SVCWait, se.SVC)
	assert.Equal(t, 12, se.RC)
	err := closeServer(t, srv, lc)
	require.ErrorAs(t, err, &se)
}

func TestServeOneServerPerHandle(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	srv := startServer(t, h)
	_, err := serve.New(context.Background(), h)
	assert.ErrorIs(t, err, zconsole.ErrBusy)
	require.NoError(t, srv.Close())

	srv2, err := serve.New(context.Background(), h)
	require.NoError(t, err, "free again after Close")
	require.NoError(t, srv2.Close())

	require.NoError(t, zconsole.Kill(h))
	_, err = serve.New(context.Background(), h)
	assert.ErrorIs(t, err, zconsole.ErrKilled)
	require.NoError(t, h.Close())
	_, err = serve.New(context.Background(), h)
	assert.ErrorIs(t, err, zconsole.ErrClosed)
	_, err = serve.New(context.Background(), nil)
	assert.ErrorIs(t, err, zconsole.ErrClosed)
}

func TestServeOptionsOutOfRange(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	for i, o := range []serve.Option{
		serve.WithIdle(-time.Second),
		serve.WithGrace(-time.Second),
		serve.WithWorkers(0),
		serve.WithBacklog(-1),
		serve.WithDrainQueueLimit(256),
		serve.WithHandler(nil),
		serve.WithReplies(nil),
	} {
		_, err := serve.New(context.Background(), h, o)
		assert.Error(t, err, "#%d", i)
	}
	srv := startServer(t, h) // none of them left the handle taken
	require.NoError(t, srv.Close())
}
