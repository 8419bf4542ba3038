//go:build cgo && zconsolesim

package serve_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The timing assertions here are lower bounds, which the idle timer guarantees however
// loaded the machine is; upper bounds are only deadlines for hangs.

func TestServeIdleFiresAfterPeriod(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	const idle = 200 * time.Millisecond
	lc := goroutinesNow()
	before := time.Now()
	srv := startServer(t, h, serve.WithIdle(idle))
	at := waitDone(t, srv.Context(), "Context after the idle period")
	assert.GreaterOrEqual(t, at.Sub(before), idle, "stopped before the idle period")

	cause := context.Cause(srv.Context())
	assert.ErrorIs(t, cause, serve.ErrIdle)
	assert.ErrorIs(t, cause, context.Canceled)
	assert.EqualError(t, cause, "zconsole: idle for 200ms")
	assert.Equal(t, idle, stopCause(t, srv.Context()).Period)
	assert.NoError(t, srv.ForceContext().Err(), "an idle timeout does not force")
	require.NoError(t, closeServer(t, srv, lc))
}

// activity keeps reporting activity with report for longer than idle, and returns the
// time just before the last report.
func activity(t *testing.T, srv *serve.Server, idle time.Duration, report func(i int)) time.Time {
	t.Helper()
	var last time.Time
	for i, end := 0, time.Now().Add(3*idle); time.Now().Before(end); i++ {
		require.NoError(t, srv.Context().Err(), "stopped while active, after %d reports", i)
		last = time.Now()
		report(i)
		time.Sleep(idle / 20)
	}
	return last
}

func TestServeTouchPostponesIdle(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	const idle = 400 * time.Millisecond
	srv := startServer(t, h, serve.WithIdle(idle))
	last := activity(t, srv, idle, func(int) { srv.Touch() })
	at := waitDone(t, srv.Context(), "Context after the activity stopped")
	assert.GreaterOrEqual(t, at.Sub(last), idle, "stopped less than the idle period after the last Touch")
	assert.ErrorIs(t, context.Cause(srv.Context()), serve.ErrIdle)
}

// Commands count as activity when they arrive, even those that are not run: here the
// one worker is busy throughout, and every PING is answered as busy.
func TestServeCommandsPostponeIdle(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	const idle = 400 * time.Millisecond
	g := newBlockingHandler()
	replies := newReplyLog()
	srv := startServer(t, h, serve.WithIdle(idle), replies.option(),
		serve.WithHandler(g), serve.WithBacklog(0))
	simtest.Command(t, "F DEMO,WORK")
	g.begun(t)
	last := activity(t, srv, idle, func(int) {
		simtest.Command(t, "F DEMO,PING")
		assert.Equal(t, "ZCN001I PING not run: busy, 1 commands running and 0 waiting", replies.line(t))
	})
	at := waitDone(t, srv.Context(), "Context after the commands stopped")
	assert.GreaterOrEqual(t, at.Sub(last), idle, "stopped less than the idle period after the last command")
	assert.ErrorIs(t, context.Cause(srv.Context()), serve.ErrIdle)
	g.open()
}

// A handler that returns is activity: the idle period counts from then.
func TestServeFinishedHandlerIsActivity(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	const idle = 400 * time.Millisecond
	g := newBlockingHandler()
	srv := startServer(t, h, serve.WithIdle(idle), serve.WithHandler(g))
	simtest.Command(t, "F DEMO,WORK")
	g.begun(t)
	time.Sleep(idle / 2)
	require.NoError(t, srv.Context().Err(), "stopped while the command was new")
	released := time.Now()
	g.open()
	at := waitDone(t, srv.Context(), "Context after the handler returned")
	assert.GreaterOrEqual(t, at.Sub(released), idle, "stopped less than the idle period after the handler returned")
	assert.ErrorIs(t, context.Cause(srv.Context()), serve.ErrIdle)
}

func TestServeSetIdleTimeout(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	srv := startServer(t, h, serve.WithIdle(time.Hour))

	assert.True(t, srv.SetIdleTimeout(0), "turned off")
	assert.True(t, srv.SetIdleTimeout(time.Hour), "turned on again")
	const idle = 100 * time.Millisecond
	before := time.Now()
	assert.True(t, srv.SetIdleTimeout(idle))
	at := waitDone(t, srv.Context(), "Context after the new idle period")
	assert.GreaterOrEqual(t, at.Sub(before), idle)
	assert.EqualError(t, context.Cause(srv.Context()), "zconsole: idle for 100ms")
	assert.False(t, srv.SetIdleTimeout(time.Second), "no idle timeout once stopping")
	srv.Touch() // does nothing, and is safe
}

func TestServeIdleOffStaysOff(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	srv := startServer(t, h, serve.WithIdle(20*time.Millisecond))
	if !srv.SetIdleTimeout(0) {
		t.Skip("the machine is so slow that the idle timeout fired first")
	}
	time.Sleep(100 * time.Millisecond) // an absence: this can only pass wrongly, never fail wrongly
	assert.NoError(t, srv.Context().Err(), "stopped with the idle timeout off")
}

// After the stop began, an idle timer neither fires nor forces.
func TestServeIdleEndsWithStop(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	srv := startServer(t, h, serve.WithIdle(300*time.Millisecond))
	simtest.Command(t, "P DEMO")
	waitDone(t, srv.Context(), "Context")
	if !errors.Is(context.Cause(srv.Context()), serve.ErrStopCommand) {
		t.Skip("the machine is so slow that the idle timeout came first")
	}
	time.Sleep(400 * time.Millisecond) // an absence: this can only pass wrongly
	assert.NoError(t, srv.ForceContext().Err())
}
