//go:build cgo && zconsolesim

package zconsole_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func waitCtxAsync(ctx context.Context, h *zconsole.Handle) <-chan result {
	ch := make(chan result, 1)
	go func() {
		cmd, err := zconsole.WaitContext(ctx, h)
		ch <- result{cmd, err, time.Now()}
	}()
	return ch
}

func TestWaitContextCancelLeavesHandleUsable(t *testing.T) {
	fresh(t)
	h := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	ch := waitCtxAsync(ctx, h)
	blocked(t, 1)
	cancel()
	r := recv(t, ch)
	assert.ErrorIs(t, r.err, context.Canceled)
	assert.NotErrorIs(t, r.err, zconsole.ErrKilled)

	command(t, "F DEMO,AFTER")
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err, "the handle is usable")
	assert.Equal(t, "AFTER", cmd.Text)

	// and a new WaitContext blocks again rather than returning what ended the last one
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	ch2 := waitCtxAsync(ctx2, h)
	blocked(t, 2) // AFTER was on the chain: that Wait issued no WAIT
	command(t, "F DEMO,NEXT")
	r2 := recv(t, ch2)
	require.NoError(t, r2.err)
	assert.Equal(t, "NEXT", r2.cmd.Text)
}

func TestWaitContextCauseAndDeadline(t *testing.T) {
	fresh(t)
	h := open(t)
	why := errors.New("idle for 20 seconds")
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := waitCtxAsync(ctx, h)
	blocked(t, 1)
	cancel(why)
	err := recv(t, ch).err
	assert.ErrorIs(t, err, context.Canceled)
	assert.ErrorIs(t, err, why)

	dctx, dcancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer dcancel()
	_, err = zconsole.WaitContext(dctx, h)
	assert.ErrorIs(t, err, context.DeadlineExceeded)

	_, err = zconsole.WaitContext(dctx, h) // already done: returns at once
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestKillDuringWaitContext(t *testing.T) {
	fresh(t)
	h := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := waitCtxAsync(ctx, h)
	blocked(t, 1)
	require.NoError(t, zconsole.Kill(h))
	assert.ErrorIs(t, recv(t, ch).err, zconsole.ErrKilled)
}

// A command and a cancellation racing: whichever wins, the command is delivered exactly
// once, by this WaitContext or the next Wait.
func TestWaitContextRaceLosesNothing(t *testing.T) {
	fresh(t)
	h := open(t, zconsole.WithQueueLimit(1))
	rounds := 300
	if testing.Short() {
		rounds = 50
	}
	for i := 0; i < rounds; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		ch := waitCtxAsync(ctx, h)
		text := fmt.Sprintf("N%d", i)
		go cancel()
		command(t, "F DEMO,"+text)
		r := recv(t, ch)
		if r.err != nil {
			require.ErrorIs(t, r.err, context.Canceled, "round %d", i)
			cmd, err := zconsole.Wait(h)
			require.NoError(t, err, "round %d", i)
			r.cmd = cmd
		}
		require.Equal(t, text, r.cmd.Text, "round %d", i)
		assert.Zero(t, sim.Stats().Queued, "round %d: nothing left behind", i)
	}
}

// WaitContext looks at the queue before its context: on a done context it still takes
// each queued command, in order, and returns the context's error once none is left.
func TestWaitContextDoneTakesQueued(t *testing.T) {
	fresh(t)
	h := open(t)
	for _, c := range []string{"F DEMO,ONE", "F DEMO,TWO", "F DEMO,THREE"} {
		command(t, c)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var got []string
	for {
		cmd, err := zconsole.WaitContext(ctx, h)
		if err != nil {
			require.ErrorIs(t, err, context.Canceled)
			break
		}
		got = append(got, cmd.Text)
		require.Less(t, len(got), 4, "more commands than were queued: %q", got)
	}
	assert.Equal(t, []string{"ONE", "TWO", "THREE"}, got)
	assert.Zero(t, sim.Stats().Queued, "nothing left on the chain")

	command(t, "F DEMO,AFTER") // the handle goes on as before
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, "AFTER", cmd.Text)
}
