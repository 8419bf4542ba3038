//go:build cgo && zconsolesim

package serve_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/go-zos/zconsole/zconsole/wtolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Close runs the WithFlush function once, after the handlers have returned and the
// commands still queued are answered, with a context that has its deadline; Close
// waits for it and returns its error.
func TestCloseRunsFlush(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	g := newBlockingHandler()
	errFlush := errors.New("flush failed")
	var runs atomic.Int32
	var deadline time.Time // written by the flush, read once Close has returned
	var handlersOut int
	flush := func(ctx context.Context) error {
		runs.Add(1)
		deadline, _ = ctx.Deadline()
		handlersOut = g.returned()
		return errFlush
	}
	start := time.Now()
	srv, err := serve.New(context.Background(), h, serve.WithHandler(g), serve.WithFlush(time.Minute, flush))
	require.NoError(t, err)
	simtest.Command(t, "F DEMO,WORK")
	g.begun(t)
	closed := make(chan error, 1)
	go func() { closed <- closeServer(t, srv, lc) }()
	time.Sleep(20 * time.Millisecond)
	assert.Zero(t, runs.Load(), "not while a handler runs")
	g.open()
	err = simtest.Within(t, closed, "Close")
	assert.ErrorIs(t, err, errFlush, "Close returns the flush's error")
	assert.Contains(t, err.Error(), "zconsole: flush: flush failed")
	assert.Equal(t, int32(1), runs.Load())
	assert.Equal(t, 1, handlersOut, "the handler had returned")
	assert.WithinDuration(t, start.Add(time.Minute), deadline, 10*time.Second, "the deadline is the timeout from then")
	require.ErrorIs(t, srv.Close(), errFlush, "a second Close returns the same")
	assert.Equal(t, int32(1), runs.Load(), "the flush runs once")
}

// A cancelled parent finishes the server and runs the flush, with a context of its
// own: not ended with the parent, ended only by its deadline.
func TestParentCancelRunsFlushWithItsOwnContext(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	parent, cancel := context.WithCancel(context.Background())
	defer cancel()
	ran := make(chan error, 1) // the flush context's error when the flush began
	srv, err := serve.New(parent, h, serve.WithFlush(time.Minute, func(ctx context.Context) error {
		if _, ok := ctx.Deadline(); !ok {
			ran <- errors.New("no deadline")
			return nil
		}
		ran <- ctx.Err()
		return nil
	}))
	require.NoError(t, err)
	cancel()
	assert.NoError(t, simtest.Within(t, ran, "the flush after the parent's cancel"),
		"the flush's context outlives the parent")
	require.NoError(t, closeServer(t, srv, lc))
}

// A flush that honours its context ends at the deadline, and Close says so.
func TestCloseFlushBoundedByDeadline(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	srv, err := serve.New(context.Background(), h, serve.WithFlush(50*time.Millisecond, func(ctx context.Context) error {
		<-ctx.Done()
		return ctx.Err()
	}))
	require.NoError(t, err)
	start := time.Now()
	err = closeServer(t, srv, lc)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)
}

func TestWithFlushRefusesBadArguments(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	_, err := serve.New(context.Background(), h, serve.WithFlush(0, func(context.Context) error { return nil }))
	assert.ErrorContains(t, err, "zconsole: WithFlush: timeout 0s is not positive")
	_, err = serve.New(context.Background(), h, serve.WithFlush(time.Second, nil))
	assert.ErrorContains(t, err, "zconsole: WithFlush: nil function")
}

const (
	forceFlushEnv   = "ZCONSOLE_TEST_FORCE_FLUSH"
	forceStuckEnv   = "ZCONSOLE_TEST_FORCE_FLUSH_STUCK"
	flushedRecords  = 100
	flushedIDPrefix = "DMO"
)

// TestForceExitFlushChild is the program TestServeForceExitFlushes runs: it logs
// records through a wtolog.Handler, long enough to take many WTOs each, and at once a
// second signal forces the stop, which ends the process; WithFlush flushes the handler
// first and says what reached the console.
func TestForceExitFlushChild(t *testing.T) {
	h := openChild(t, forceFlushEnv, "TestServeForceExitFlushes")
	wh := wtolog.NewHandler(&wtolog.Options{Prefix: flushedIDPrefix, PerID: wtolog.NoLimit, Total: wtolog.NoLimit,
		QueueSize: 2 * flushedRecords})
	flush := func(ctx context.Context) error {
		err := wh.Flush(ctx)
		ids := map[string]bool{}
		for _, m := range sim.Log() {
			if m.Kind == sim.KindWTO && strings.HasPrefix(m.Text, flushedIDPrefix) {
				ids[strings.Fields(m.Text)[0]] = true
			}
		}
		fmt.Printf("records on the console: %d\n", len(ids))
		return err
	}
	log := slog.New(wh)
	long := strings.Repeat("lorem ipsum ", 500) // 6,000 characters: 9 WTOs
	forceExit(t, h, serve.WithFlush(simtest.Hang, flush), func() {
		for i := range flushedRecords {
			log.Warn("record", "msgid", 100+i, "text", long)
		}
	})
}

// forceExit is the rest of a child program that ends by a forced stop: a server on h
// with WithForceExit(3), SIGUSR1 for its signal, and flush; a first signal begins the
// stop, between runs once the server has taken it, and a second forces the stop, which
// ends the process. A process still running after that says so.
func forceExit(t *testing.T, h *zconsole.Handle, flush serve.Option, between func()) {
	t.Helper()
	srv, err := serve.New(context.Background(), h, serve.WithForceExit(3), serve.WithSignals(syscall.SIGUSR1), flush)
	require.NoError(t, err)
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGUSR1))
	<-srv.Context().Done() // the first signal taken, so that the second forces the stop
	between()
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGUSR1))
	time.Sleep(simtest.Hang)
	fmt.Println("still running")
}

// With WithForceExit and WithFlush, a forced stop flushes what a wtolog.Handler has
// queued before the process ends: every record reaches the console.
func TestServeForceExitFlushes(t *testing.T) {
	exit, out := simtest.RunChild(t, "TestForceExitFlushChild", forceFlushEnv)
	assert.Equal(t, 3, exit.ExitCode(), "%s", out)
	simtest.InOrder(t, out, "zconsole: stop forced: second signal: user defined signal 1: exiting with code 3",
		fmt.Sprintf("records on the console: %d\n", flushedRecords))
	assert.NotContains(t, out, "zconsole: flush:")
	assert.NotContains(t, out, "still running")
}

// TestForceExitStuckFlushChild is the program TestServeForceExitFlushDeadline runs:
// its flush never returns, and the forced stop ends the process at the deadline.
func TestForceExitStuckFlushChild(t *testing.T) {
	h := openChild(t, forceStuckEnv, "TestServeForceExitFlushDeadline")
	forceExit(t, h, serve.WithFlush(100*time.Millisecond, func(context.Context) error {
		fmt.Println("flushing")
		select {} // a flush that ignores its context
	}), func() {})
}

// A flush that does not end holds the forced exit no longer than its deadline.
func TestServeForceExitFlushDeadline(t *testing.T) {
	exit, out := simtest.RunChild(t, "TestForceExitStuckFlushChild", forceStuckEnv)
	assert.Equal(t, 3, exit.ExitCode(), "%s", out)
	simtest.InOrder(t, out, "flushing", "zconsole: flush: not done in 100ms: context deadline exceeded")
	assert.NotContains(t, out, "still running")
}
