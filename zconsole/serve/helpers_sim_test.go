//go:build cgo && zconsolesim

package serve_test

import (
	"context"
	"errors"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// servedReply is one reply a server gave.
type servedReply struct {
	cmd   zconsole.Command
	lines []string
}

// replyLog collects the replies a server gives, through WithReplies.
type replyLog struct {
	ch chan servedReply
}

func newReplyLog() *replyLog { return &replyLog{ch: make(chan servedReply, 64)} }

func (a *replyLog) option() serve.Option { return serve.WithReplies(a.reply) }

func (a *replyLog) reply(cmd zconsole.Command, lines []string) error {
	a.ch <- servedReply{cmd, append([]string(nil), lines...)}
	return nil
}

// next returns the next reply, or fails the test after simtest.Hang.
func (a *replyLog) next(t *testing.T) servedReply {
	t.Helper()
	return simtest.Within(t, a.ch, "a reply")
}

// line returns the next reply, which must be one line.
func (a *replyLog) line(t *testing.T) string {
	t.Helper()
	r := a.next(t)
	require.Len(t, r.lines, 1, "reply %q", r.lines)
	return r.lines[0]
}

// empty fails the test if a reply is waiting.
func (a *replyLog) empty(t *testing.T) {
	t.Helper()
	select {
	case r := <-a.ch:
		t.Fatalf("unexpected reply to %v: %q", r.cmd, r.lines)
	default:
	}
}

// goroutineCheck records the goroutines that exist now; check fails the test if any other
// is left but the handle's own: the one in the system's WAIT, which goes on after the
// server's last WaitContext has returned, for the handle's next Wait, until a command
// comes or the handle is killed or closed (zconsole.WaitContext).
type goroutineCheck struct{ before goleak.Option }

func goroutinesNow() goroutineCheck { return goroutineCheck{goleak.IgnoreCurrent()} }

func (l goroutineCheck) check(t *testing.T) {
	t.Helper()
	require.NoError(t, goleak.Find(l.before, handleWait), "goroutines left behind")
}

// handleWait is the handle's goroutine in the system's WAIT.
var handleWait = goleak.IgnoreAnyFunction("github.com/go-zos/zconsole/zconsole.(*watch).run")

// startServer starts a server on h for the test. When the test ends it is closed and no
// goroutine of its may be left. Tests that close it themselves check the same with
// closeServer.
func startServer(t *testing.T, h *zconsole.Handle, opts ...serve.Option) *serve.Server {
	t.Helper()
	lc := goroutinesNow()
	parent, cancel := context.WithCancel(context.Background())
	srv, err := serve.New(parent, h, opts...)
	require.NoError(t, err)
	t.Cleanup(func() {
		if t.Failed() {
			cancel() // force handlers that honour their context to return
		}
		_ = srv.Close()
		cancel()
		lc.check(t)
	})
	return srv
}

// closeServer closes srv and checks that nothing it started is left, returning Close's
// error.
func closeServer(t *testing.T, srv *serve.Server, lc goroutineCheck) error {
	t.Helper()
	err := srv.Close()
	lc.check(t)
	require.Error(t, srv.Context().Err(), "Context is done after Close")
	require.Error(t, srv.ForceContext().Err(), "ForceContext is done after Close")
	return err
}

// waitDone waits until ctx is done, or fails the test after simtest.Hang.
func waitDone(t *testing.T, ctx context.Context, what string) time.Time {
	t.Helper()
	select {
	case <-ctx.Done():
		return time.Now()
	case <-time.After(simtest.Hang):
		t.Fatalf("%s: not done within %v", what, simtest.Hang)
		return time.Time{}
	}
}

// stopCause is the cause of ctx as a *StopError.
func stopCause(t *testing.T, ctx context.Context) *serve.StopError {
	t.Helper()
	var se *serve.StopError
	require.True(t, errors.As(context.Cause(ctx), &se), "cause %v is not a *StopError", context.Cause(ctx))
	return se
}

// blockingHandler is a handler that blocks on demand: it reports each command it begins
// and waits for release (or for its context) before it returns.
type blockingHandler struct {
	began    chan zconsole.Command
	release  chan struct{}
	once     sync.Once
	mu       sync.Mutex
	finished int
}

func newBlockingHandler() *blockingHandler {
	return &blockingHandler{began: make(chan zconsole.Command, 16), release: make(chan struct{})}
}

func (g *blockingHandler) ServeCommand(ctx context.Context, req *serve.Request) error {
	g.began <- req.Command
	defer func() {
		g.mu.Lock()
		g.finished++
		g.mu.Unlock()
	}()
	select {
	case <-g.release:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g *blockingHandler) open() { g.once.Do(func() { close(g.release) }) }

func (g *blockingHandler) returned() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.finished
}

// begun waits until the blockingHandler's handler has begun a command, and returns it.
func (g *blockingHandler) begun(t *testing.T) zconsole.Command {
	t.Helper()
	return simtest.Within(t, g.began, "a handler's beginning")
}

// openChild begins a test that a parent test runs as a program of its own
// (simtest.RunChild): skipped unless env is set, it opens a handle on a fresh system.
func openChild(t *testing.T, env, parent string) *zconsole.Handle {
	t.Helper()
	if os.Getenv(env) != "1" {
		t.Skip("run by " + parent)
	}
	require.NoError(t, sim.Reset("DEMO"))
	h, err := zconsole.Init()
	require.NoError(t, err)
	return h
}
