//go:build cgo && zconsolesim

package zconsole_test

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/timer"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/go-zos/zconsole/zconsole/wtolog"
)

// prefixes are the packages' prefixes in error messages.
var prefixes = []string{"zconsole: ", "sim: ", "timer: ", "wtolog: "}

// onePrefix checks that err's message starts with prefix and names no package twice.
// An error that joins several (errors.Join) writes one per line: the first line starts
// with prefix, and each line names its package once, at its start.
func onePrefix(t *testing.T, what, prefix string, err error) {
	t.Helper()
	if !assert.Error(t, err, what) {
		return
	}
	for i, msg := range strings.Split(err.Error(), "\n") {
		if i == 0 {
			assert.True(t, strings.HasPrefix(msg, prefix), "%s: %q does not start with %q", what, msg, prefix)
		} else {
			assert.True(t, slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(msg, p) }),
				"%s: line %d, %q, names no package", what, i+1, msg)
		}
		for _, p := range prefixes {
			assert.LessOrEqual(t, strings.Count(msg, p), 1, "%s: %q says %q more than once", what, msg, p)
		}
	}
}

// The main error paths of the packages, each message with one prefix: the operation
// that failed names its package once, whatever it wraps ("zconsole: init: busy: ...",
// not "zconsole: init: zconsole: busy: ..."), and errors.Is still finds the sentinel.
func TestErrorsHaveOnePrefix(t *testing.T) {
	fresh(t)
	ctx, cancel := context.WithTimeout(context.Background(), simtest.Hang)
	defer cancel()

	// zconsole
	h, err := zconsole.Init()
	require.NoError(t, err)
	_, err = zconsole.Init()
	onePrefix(t, "Init twice", "zconsole: init: ", err)
	assert.ErrorIs(t, err, zconsole.ErrBusy)
	onePrefix(t, "SetQueueLimit(300)", "zconsole: ", h.SetQueueLimit(300))
	_, err = zconsole.Put(strings.Repeat("X", 1000))
	onePrefix(t, "Put too long", "zconsole: ", err)
	assert.ErrorIs(t, err, zconsole.ErrTooLong)
	_, err = zconsole.Put("5€")
	onePrefix(t, "Put €", "zconsole: ", err)
	_, err = zconsole.Put("X", zconsole.Routing(0))
	onePrefix(t, "Put Routing(0)", "zconsole: ", err)
	assert.ErrorIs(t, err, zconsole.ErrOption)
	_, err = zconsole.Command{Verb: zconsole.Modify}.Reply("X")
	onePrefix(t, "Reply to no console", "zconsole: ", err)
	onePrefix(t, "SetCodePage(500)", "zconsole: ", zconsole.SetCodePage(500))
	sim.Inject(sim.Fault{SVC: sim.SVCWTO, RC: 8, Times: 1})
	_, err = zconsole.Put("X")
	onePrefix(t, "Put, WTO failing", "zconsole: put: ", err)
	var svc *zconsole.ServiceError
	assert.ErrorAs(t, err, &svc)
	sim.Inject(sim.Fault{SVC: sim.SVCDOM, RC: 8, Times: 1})
	onePrefix(t, "Delete, DOM failing", "zconsole: delete message 7: ", zconsole.Delete(7))

	wctx, stop := context.WithCancelCause(ctx)
	stop(&serve.StopError{Reason: serve.ErrStopCommand, Command: zconsole.Command{Console: "OPER1"}})
	_, err = zconsole.WaitContext(wctx, h)
	onePrefix(t, "WaitContext, cancelled by a STOP", "zconsole: wait: ", err)
	assert.ErrorIs(t, err, serve.ErrStopCommand)
	_, err = zconsole.Ask(wctx, h, "DEMO001A OK?")
	onePrefix(t, "Ask, cancelled", "zconsole: ask: ", err)

	require.NoError(t, zconsole.Kill(h))
	_, err = zconsole.Wait(h)
	onePrefix(t, "Wait after Kill", "zconsole: ", err)
	require.NoError(t, h.Close())
	_, err = zconsole.Wait(h)
	onePrefix(t, "Wait after Close", "zconsole: ", err)
	onePrefix(t, "Close twice", "zconsole: ", h.Close())

	sim.NoCOM(true)
	_, err = zconsole.Init()
	sim.NoCOM(false)
	onePrefix(t, "Init, no COM area", "zconsole: init: ", err)
	assert.ErrorIs(t, err, zconsole.ErrNoCOM)
	sim.FailStorage(1)
	_, err = zconsole.Init()
	onePrefix(t, "Init, no storage", "zconsole: init: ", err)
	assert.ErrorIs(t, err, zconsole.ErrNoStorage)
	sim.Inject(sim.Fault{SVC: sim.SVCQedit, RC: 8, Times: 1})
	_, err = zconsole.Init()
	onePrefix(t, "Init, QEDIT failing", "zconsole: init: ", err)
	assert.ErrorAs(t, err, &svc)

	// sim
	h = simtest.Open(t)
	onePrefix(t, "Start with a handle open", "sim: start: ", sim.Start("DEMO", ""))
	assert.ErrorIs(t, sim.Start("DEMO", ""), sim.ErrOpen)
	onePrefix(t, "Reset with a handle open", "sim: reset: ", sim.Reset("DEMO"))
	onePrefix(t, "Reset 9X", "sim: ", sim.Reset("9X"))
	for _, cmd := range []string{"F DEMX,X", "X DEMO", "R 99,X", "S DEMO", strings.Repeat("F DEMO,X", 20)} {
		onePrefix(t, cmd, "sim: ", sim.Command(cmd))
	}
	require.NoError(t, h.SetQueueLimit(0))
	onePrefix(t, "F beyond the queue limit", "sim: ", sim.Command("F DEMO,X"))
	onePrefix(t, "sim.SetCodePage(500)", "sim: set code page: ", sim.SetCodePage(500))
	done, stopDone := context.WithCancel(ctx)
	stopDone()
	_, err = sim.Written(done, "X")
	onePrefix(t, "Written, cancelled", "sim: written: ", err)
	_, err = sim.Asked(done)
	onePrefix(t, "Asked, cancelled", "sim: asked: ", err)
	_, err = sim.ScriptOperator(strings.NewReader(".x"), "x.txt", nil)
	onePrefix(t, "ScriptOperator, a bad line", "sim: script: ", err)
	op, err := sim.ScriptOperator(strings.NewReader("S DEMO"), "x.txt", nil)
	require.NoError(t, err)
	onePrefix(t, "Operator.Open with a handle open", "sim: operator: ", op.Open())

	// serve
	_, err = serve.New(ctx, h, serve.WithIdle(-1))
	onePrefix(t, "serve.New WithIdle(-1)", "zconsole: ", err)
	srv, err := serve.New(ctx, h)
	require.NoError(t, err)
	_, err = serve.New(ctx, h)
	onePrefix(t, "serve.New twice", "zconsole: serve: ", err)
	require.NoError(t, srv.Close())
	require.NoError(t, h.Close())
	_, err = serve.New(ctx, h)
	onePrefix(t, "serve.New on a closed handle", "zconsole: serve: ", err)
	assert.ErrorIs(t, err, zconsole.ErrClosed)
	_, err = serve.ParseArgs("'open")
	onePrefix(t, "ParseArgs", "zconsole: ", err)

	h = simtest.Open(t)
	sim.Inject(sim.Fault{SVC: sim.SVCWait, RC: 8, Times: -1})
	srv, err = serve.New(ctx, h)
	require.NoError(t, err)
	<-srv.Context().Done()
	onePrefix(t, "serve, the wait failing: the cause", "zconsole: wait for commands ended: ", context.Cause(srv.Context()))
	onePrefix(t, "serve, the wait failing: Close", "zconsole: wait for commands ended: ", srv.Close())
	sim.Inject(sim.Fault{SVC: sim.SVCWait})
	require.NoError(t, h.Close())

	// wtolog
	wl := wtolog.NewHandler(&wtolog.Options{Prefix: "DMO"})
	sim.Inject(sim.Fault{SVC: sim.SVCWTO, RC: 8, Times: -1})
	slog.New(wl).Error("lost", "msgid", "DMO001")
	onePrefix(t, "wtolog, a WTO failing", "wtolog: ", wl.Flush(ctx))
	sim.Inject(sim.Fault{SVC: sim.SVCWTO})
	require.NoError(t, wl.Close())
	onePrefix(t, "wtolog, Flush after Close", "wtolog: ", wl.Flush(ctx))

	// timer
	tm := timer.New(time.Hour, func() {})
	require.NoError(t, tm.Start())
	onePrefix(t, "timer started twice", "timer: ", tm.Start())
	tm.Cancel()
	onePrefix(t, "JoinContext before Start", "timer: ", timer.New(time.Hour, func() {}).JoinContext(ctx))
}
