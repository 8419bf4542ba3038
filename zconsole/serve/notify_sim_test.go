//go:build cgo && zconsolesim

package serve_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNotifyContextStop(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	ctx, stop := serve.NotifyContext(context.Background(), h)
	simtest.Blocked(t, 1)
	simtest.Command(t, "P DEMO")
	waitDone(t, ctx, "NotifyContext after P DEMO")
	assert.ErrorIs(t, ctx.Err(), context.Canceled)
	assert.ErrorIs(t, context.Cause(ctx), serve.ErrStopCommand)
	assert.EqualError(t, context.Cause(ctx), "zconsole: operator STOP from console OPER1")
	stop()
	lc.check(t)
	stop() // again: nothing
	require.NoError(t, h.Close(), "stop left the handle open")
}

func TestNotifyContextStopFunction(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	ctx, stop := serve.NotifyContext(context.Background(), h)
	stop()
	lc.check(t)
	assert.ErrorIs(t, context.Cause(ctx), serve.ErrServerClosed)
	srv, err := serve.New(context.Background(), h)
	require.NoError(t, err, "the handle is free again")
	require.NoError(t, closeServer(t, srv, lc))
}

func TestNotifyContextParent(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	parent, cancel := context.WithCancel(context.Background())
	ctx, stop := serve.NotifyContext(parent, h)
	defer stop()
	cancel()
	waitDone(t, ctx, "NotifyContext after its parent")
	assert.Equal(t, context.Canceled, context.Cause(ctx))
}

// opaqueParent is a parent context the context package cannot see into: it ends its
// children each from a goroutine of its own, so that the server's two contexts end in
// either order, some time apart.
type opaqueParent struct{ context.Context }

func (opaqueParent) Value(any) any { return nil }

// However the parent's end reaches the server's two contexts, the stop context's cause
// is the parent's: the loop, woken by the force context, does not give it one of its own.
func TestNotifyContextParentEitherOrder(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	for range 50 {
		inner, cancel := context.WithCancel(context.Background())
		ctx, stop := serve.NotifyContext(opaqueParent{inner}, h)
		cancel()
		waitDone(t, ctx, "NotifyContext after its parent")
		stop()
		require.Equal(t, context.Canceled, context.Cause(ctx))
	}
}

func TestNotifyContextCannotServe(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	require.NoError(t, h.Close())
	lc := goroutinesNow()
	ctx, stop := serve.NotifyContext(context.Background(), h)
	require.Error(t, ctx.Err(), "done at once")
	assert.ErrorIs(t, context.Cause(ctx), zconsole.ErrClosed)
	assert.ErrorIs(t, context.Cause(ctx), context.Canceled)
	stop()
	lc.check(t)
}

const forceExitEnv = "ZCONSOLE_TEST_FORCE_EXIT"

// TestForceExitChild is the program TestNotifyContextForceExit runs: the operator
// stops it twice, and the second STOP ends the process.
func TestForceExitChild(t *testing.T) {
	h := openChild(t, forceExitEnv, "TestNotifyContextForceExit")
	ctx, stop := serve.NotifyContext(context.Background(), h, serve.WithForceExit(3))
	defer stop()
	require.NoError(t, sim.Command("P DEMO"))
	<-ctx.Done()
	fmt.Println("stopping:", context.Cause(ctx))
	require.NoError(t, sim.Command("P DEMO"))
	time.Sleep(simtest.Hang) // a drain that never ends
	fmt.Println("still running")
}

// With WithForceExit, the second STOP ends a program whose drain does not end.
func TestNotifyContextForceExit(t *testing.T) {
	exit, out := simtest.RunChild(t, "TestForceExitChild", forceExitEnv)
	assert.Equal(t, 3, exit.ExitCode(), "%s", out)
	assert.Contains(t, out, "stopping: zconsole: operator STOP from console OPER1")
	assert.Contains(t, out, "zconsole: stop forced: second operator STOP from console OPER1: exiting with code 3")
	assert.NotContains(t, out, "still running")
}
