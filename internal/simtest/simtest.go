// Package simtest holds what the tests of package zconsole and of the packages built
// on it share on the simulated system: how long to wait before calling something a
// hang, a fresh system checked when the test ends, an open handle, operator commands,
// and the test binary run again as a child.
package simtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/testexec"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hang is how long a test waits for something that should happen promptly before it
// calls it a hang. It is a deadline, not a measurement.
const Hang = 10 * time.Second

// Fresh resets the simulated system for job DEMO and, when the test ends, checks it
// (see [Clean]).
func Fresh(t *testing.T, kept func() uint64) {
	t.Helper()
	require.NoError(t, sim.Reset("DEMO"))
	t.Cleanup(func() { Clean(t, kept) })
}

// Started is [Fresh] for a job started with S DEMO,,,parm.
func Started(t *testing.T, parm string, kept func() uint64) {
	t.Helper()
	require.NoError(t, sim.Start("DEMO", parm))
	t.Cleanup(func() { Clean(t, kept) })
}

// Clean checks that the simulator caught no program error (an abend), that no WTOR is
// left outstanding, and that the program holds no storage but the blocks kept says it
// may keep (nil: none).
func Clean(t *testing.T, kept func() uint64) {
	t.Helper()
	s := sim.Stats()
	assert.Zero(t, s.Abends, "abends caught: %v", sim.Grep(sim.Log(), "ABEND"))
	var may uint64
	if kept != nil {
		may = kept()
	}
	assert.Equal(t, may, s.ProgramBlocks, "program storage left beyond the retired questions'")
	assert.Empty(t, sim.Outstanding(), "WTORs left outstanding")
}

// Open inits a handle that is closed when the test ends (before the checks of Fresh
// run).
func Open(t *testing.T, opts ...zconsole.Option) *zconsole.Handle {
	t.Helper()
	h, err := zconsole.Init(opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = h.Close() })
	return h
}

// Within receives from ch, or fails the test after Hang, saying that what did not
// return.
func Within[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(Hang):
		t.Fatalf("%s did not return within %v", what, Hang)
		var zero T
		return zero
	}
}

// Blocked returns once n WAITs have been issued since Reset: the waiter is inside the
// supervisor, not merely about to call it.
func Blocked(t *testing.T, n uint64) {
	t.Helper()
	Eventually(t, fmt.Sprintf("WAIT #%d", n), func() bool { return sim.Stats().SVCs[sim.SVCWait] >= n })
}

// Eventually returns once cond holds, looking every 100 µs, or fails the test after
// Hang, naming what it waited for.
func Eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(Hang); !cond(); time.Sleep(100 * time.Microsecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %v", what, Hang)
		}
	}
}

// Command enters an operator command that must be accepted.
func Command(t *testing.T, text string, opts ...sim.CommandOption) {
	t.Helper()
	require.NoError(t, sim.Command(text, opts...))
}

// RunChild runs this test binary again with only test child and env=1 set, to its
// end, and returns how it ended and its output. The child's ending must be an exit
// other than 0 or a signal: a child that passes failed to end as it should.
func RunChild(t *testing.T, child, env string) (*exec.ExitError, string) {
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

// InOrder checks that transcript (a console's, a program's output) shows each of wants,
// in this order.
func InOrder(t testing.TB, transcript string, wants ...string) {
	t.Helper()
	rest := transcript
	for i, w := range wants {
		at := strings.Index(rest, w)
		if at < 0 {
			t.Fatalf("#%d: want %q after %q in the transcript; it is not there:\n%s", i, w, wants[max(i-1, 0)], transcript)
		}
		rest = rest[at+len(w):]
	}
}
