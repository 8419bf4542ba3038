//go:build cgo && zconsolesim

package zconsole_test

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Four operators each send 500 MODIFY commands while one consumer takes them: every
// command is either delivered or rejected, none twice, and each sender's commands
// arrive in the order sent.
func TestNoLostCommands(t *testing.T) {
	fresh(t)
	h := open(t, zconsole.WithQueueLimit(8))
	const senders, each = 4, 500

	got := make(chan zconsole.Command, senders*each)
	done := make(chan error, 1)
	go func() {
		for {
			cmd, err := zconsole.Wait(h)
			if err != nil {
				done <- err
				return
			}
			got <- cmd
		}
	}()

	var wg sync.WaitGroup
	rejected := make([]int, senders)
	for s := 0; s < senders; s++ {
		wg.Add(1)
		go func(s int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				err := sim.Command(fmt.Sprintf("F DEMO,S%d %d", s, i))
				switch {
				case err == nil:
				case errors.Is(err, sim.ErrRejected):
					rejected[s]++
					runtime.Gosched()
				default:
					t.Errorf("sender %d: %v", s, err)
				}
			}
		}(s)
	}
	wg.Wait()
	totalRejected := 0
	for _, r := range rejected {
		totalRejected += r
	}
	want := senders*each - totalRejected

	last := make([]int, senders)
	for s := range last {
		last[s] = -1
	}
	seen := map[string]bool{}
	deadline := time.After(hang)
	for n := 0; n < want; n++ {
		select {
		case cmd := <-got:
			require.False(t, seen[cmd.Text], "delivered twice: %q", cmd.Text)
			seen[cmd.Text] = true
			var s, i int
			_, err := fmt.Sscanf(cmd.Text, "S%d %d", &s, &i)
			require.NoError(t, err, "%q", cmd.Text)
			require.Greater(t, i, last[s], "sender %d out of order", s)
			last[s] = i
		case <-deadline:
			t.Fatalf("delivered %d of %d", n, want)
		}
	}
	require.NoError(t, zconsole.Kill(h))
	assert.ErrorIs(t, <-done, zconsole.ErrKilled)
	assert.Empty(t, got, "nothing beyond what was accepted")
	assert.Equal(t, senders*each, len(seen)+totalRejected, "delivered + rejected = sent")
	assert.Len(t, sim.Grep(sim.Log(), "IEE342I"), totalRejected, "every rejection visible")
	t.Logf("sent %d, delivered %d, rejected %d", senders*each, len(seen), totalRejected)
}

// Init, a command, Wait, Kill, Close, 2,000 times: goroutines and simulated storage end
// where they began.
func TestCyclesLeakNothing(t *testing.T) {
	fresh(t)
	cycles := 2000
	if testing.Short() {
		cycles = 200
	}
	before := sim.Stats()
	goroutines := runtime.NumGoroutine()
	for i := 0; i < cycles; i++ {
		h, err := zconsole.Init()
		require.NoError(t, err, "cycle %d", i)
		command(t, "F DEMO,C")
		cmd, err := zconsole.Wait(h)
		require.NoError(t, err, "cycle %d", i)
		require.Equal(t, "C", cmd.Text)
		require.NoError(t, zconsole.Kill(h))
		_, err = zconsole.Wait(h)
		require.ErrorIs(t, err, zconsole.ErrKilled)
		require.NoError(t, h.Close())
	}
	after := sim.Stats()
	assert.Equal(t, before.ProgramBlocks, after.ProgramBlocks, "program storage")
	assert.Equal(t, before.ProgramBytes, after.ProgramBytes, "program storage bytes")
	assert.Equal(t, before.SystemBlocks, after.SystemBlocks, "system storage (COM area, ECB; no CIB left)")
	assert.Equal(t, uint64(cycles), after.SVCs[sim.SVCExtract], "one EXTRACT per Init")
	settled(t, goroutines)
}

// settled waits until the goroutine count is back to n (goroutines that are ending may
// take a moment to go), and fails after hang.
func settled(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(hang)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			t.Fatalf("goroutines: %d before, %d after", n, runtime.NumGoroutine())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
