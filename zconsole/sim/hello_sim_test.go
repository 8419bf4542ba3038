//go:build cgo && zconsolesim

package sim_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/go-zos/zconsole/zconsole/sim/internal/hello"
)

// A program of the users' kind (hello.Serve: Init, a loop on Wait, an idle timer that kills
// the wait, Reply), tested as the package documentation shows: the helpers wait for
// what the program does, and nothing sleeps. It must pass run after run under the race
// detector (go test -race -count=50 -run TestHelloProgram): a MODIFY typed before the
// program listens would be refused (IEE342I), an answer looked for before it is written
// would be missed.
func TestHelloProgram(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // only to catch a hang
	defer cancel()

	t.Run("stop", func(t *testing.T) {
		require.NoError(t, sim.Start("HELLO", ""))
		done := make(chan error, 1)
		go func() { done <- hello.Serve(time.Hour) }()

		require.NoError(t, sim.Listening(ctx))
		require.NoError(t, sim.Command("F HELLO,PING"))
		m, err := sim.Written(ctx, `^HEL002I PONG$`)
		require.NoError(t, err)
		assert.Equal(t, sim.MasterConsole.ID, m.ConsoleID, "the answer goes to the console that asked")
		assert.True(t, m.Response)

		require.NoError(t, sim.Command("F HELLO,FROB"))
		_, err = sim.Written(ctx, `^HEL003E FROB: NOT A COMMAND$`)
		require.NoError(t, err)

		require.NoError(t, sim.Command("P HELLO"))
		require.NoError(t, <-done)
		assert.Empty(t, sim.Grep(sim.Log(), "IEE342I"), "a command was refused")
		assert.Empty(t, sim.Grep(sim.Log(), "HEL009I"), "the idle timer of an hour fired")
		assert.Zero(t, sim.Stats().QueueLimit, "closed")
		simtest.Clean(t, nil)
	})

	t.Run("idle", func(t *testing.T) {
		require.NoError(t, sim.Start("HELLO", ""))
		done := make(chan error, 1)
		go func() { done <- hello.Serve(10 * time.Millisecond) }()

		_, err := sim.Written(ctx, `^HEL009I HELLO IDLE: ENDING$`)
		require.NoError(t, err)
		require.NoError(t, <-done)
		assert.Empty(t, sim.Grep(sim.Log(), "HEL002I"))
		simtest.Clean(t, nil)
	})
}

// The helpers end with the context, saying what they waited for, and leave nothing
// behind: no goroutine, no program storage.
func TestHelpersEndWithTheirContext(t *testing.T) {
	require.NoError(t, sim.Reset("HELLO"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := sim.Listening(ctx)
	assert.ErrorIs(t, err, context.Canceled)
	assert.EqualError(t, err, "sim: listening: context canceled: the program's queue limit is 0")

	short, stop := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer stop()
	_, err = sim.Written(short, `PONG`)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.EqualError(t, err, `sim: written: context deadline exceeded: no message matches "PONG"`)

	why, stopWhy := context.WithCancelCause(context.Background())
	stopWhy(errTestOver)
	_, err = sim.Asked(why)
	assert.ErrorIs(t, err, context.Canceled)
	assert.ErrorIs(t, err, errTestOver)
	assert.EqualError(t, err, "sim: asked: context canceled: the test is over")

	_, err = sim.Written(context.Background(), `(`)
	assert.ErrorContains(t, err, "sim: written: error parsing regexp")

	buf := make([]byte, 1<<20)
	stacks := string(buf[:runtime.Stack(buf, true)])
	assert.NotContains(t, stacks, "zconsole/internal/mvs.", "a goroutine of a helper is left in the simulator")
	assert.NotContains(t, stacks, "zconsole/internal/console.", "a goroutine of a helper is left")
	simtest.Clean(t, nil)
}

var errTestOver = testError("the test is over")

type testError string

func (e testError) Error() string { return string(e) }

// A wait is woken by the change it waits for, however long it has slept: Written
// returns for a message written after it began to wait, Listening for a queue limit
// set after.
func TestHelpersWakeOnTheChange(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	require.NoError(t, sim.Start("HELLO", ""))
	listening := make(chan error, 1)
	written := make(chan error, 1)
	go func() { listening <- sim.Listening(ctx) }()
	go func() {
		_, err := sim.Written(ctx, `^HEL001I`)
		written <- err
	}()
	done := make(chan error, 1)
	go func() { done <- hello.Serve(time.Hour) }()
	require.NoError(t, <-listening)
	require.NoError(t, <-written)
	require.NoError(t, sim.Command("P HELLO"))
	require.NoError(t, <-done)
}
