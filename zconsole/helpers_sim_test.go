//go:build cgo && zconsolesim

package zconsole_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/testexec"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hang is how long a test waits for something that should happen promptly before it
// calls it a hang. It is a deadline, not a measurement.
const hang = 10 * time.Second

// fresh resets the simulated system for job DEMO and, when the test ends, checks that
// the simulator caught no program error (an abend) and that the program holds no
// storage.
func fresh(t *testing.T) {
	t.Helper()
	require.NoError(t, sim.Reset("DEMO"))
	t.Cleanup(func() { clean(t) })
}

// started is fresh for a job started with S DEMO,,,parm.
func started(t *testing.T, parm string) {
	t.Helper()
	require.NoError(t, sim.Start("DEMO", parm))
	t.Cleanup(func() { clean(t) })
}

func clean(t *testing.T) {
	t.Helper()
	s := sim.Stats()
	assert.Zero(t, s.Abends, "abends caught: %v", sim.Grep(sim.Log(), "ABEND"))
	assert.Equal(t, retiredBlocks(), s.ProgramBlocks, "program storage left beyond the retired questions'")
	assert.Empty(t, sim.Outstanding(), "WTORs left outstanding")
}

// retiredBlocks is the program storage a test may find left over, and no more: the
// blocks of the questions (Ask) deleted unanswered, which the process keeps because the
// system may still post a reply into them. The simulated system, which deletes a WTOR
// at once, never does, unless a test holds a reply back (mvs.DeferReply).
func retiredBlocks() uint64 { return uint64(zconsole.RetiredAsks()) }

// open inits a handle that is closed when the test ends (before clean runs).
func open(t *testing.T, opts ...zconsole.Option) *zconsole.Handle {
	t.Helper()
	h, err := zconsole.Init(opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = h.Close() })
	return h
}

type result struct {
	cmd zconsole.Command
	err error
	at  time.Time
}

// waitAsync runs Wait in a goroutine and hands back its result.
func waitAsync(h *zconsole.Handle) <-chan result {
	ch := make(chan result, 1)
	go func() {
		cmd, err := zconsole.Wait(h)
		ch <- result{cmd, err, time.Now()}
	}()
	return ch
}

// recv takes a result or fails the test after hang.
func recv(t *testing.T, ch <-chan result) result {
	t.Helper()
	return within(t, ch, "Wait")
}

// within receives from ch, or fails the test after hang, saying that what did not
// return.
func within[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(hang):
		t.Fatalf("%s did not return within %v", what, hang)
		var zero T
		return zero
	}
}

// blocked returns once n WAITs have been issued since Reset: the waiter is inside the
// supervisor, not merely about to call it.
func blocked(t *testing.T, n uint64) {
	t.Helper()
	eventually(t, fmt.Sprintf("WAIT #%d", n), func() bool { return sim.Stats().SVCs[sim.SVCWait] >= n })
}

// eventually returns once cond holds, looking every 100 µs, or fails the test after
// hang, naming what it waited for.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(hang); !cond(); time.Sleep(100 * time.Microsecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %v", what, hang)
		}
	}
}

// command enters an operator command that must be accepted.
func command(t *testing.T, text string, opts ...sim.CommandOption) {
	t.Helper()
	require.NoError(t, sim.Command(text, opts...))
}

// runChild runs this test binary again with only test child and env=1 set, to its
// end, and returns how it ended and its output. The child's ending must be an exit
// other than 0 or a signal: a child that passes failed to end as it should.
func runChild(t *testing.T, child, env string) (*exec.ExitError, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the test binary again")
	}
	cmd, err := testexec.Self("-test.run=^"+child+"$", "-test.count=1")
	require.NoError(t, err)
	cmd.Env = append(os.Environ(), env+"=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "%v\n%s", err, out)
	return exit, string(out)
}
