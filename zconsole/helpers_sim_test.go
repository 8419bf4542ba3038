//go:build cgo && zconsolesim

package zconsole_test

import (
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// hang is how long a test waits for something that should happen promptly before it
// calls it a hang. It is a deadline, not a measurement.
const hang = simtest.Hang

// fresh resets the simulated system for job DEMO and, when the test ends, checks that
// the simulator caught no program error (an abend), that no WTOR is left outstanding
// and that the program holds no storage but the retired questions'.
func fresh(t *testing.T) {
	t.Helper()
	simtest.Fresh(t, retiredBlocks)
}

// started is fresh for a job started with S DEMO,,,parm.
func started(t *testing.T, parm string) {
	t.Helper()
	simtest.Started(t, parm, retiredBlocks)
}

// clean is the check fresh makes when the test ends.
func clean(t *testing.T) {
	t.Helper()
	simtest.Clean(t, retiredBlocks)
}

// retiredBlocks is the program storage a test may find left over, and no more: the
// blocks of the questions (Ask) deleted unanswered, which the process keeps because the
// system may still post a reply into them. The simulated system, which deletes a WTOR
// at once, never does, unless a test holds a reply back (mvs.DeferReply).
func retiredBlocks() uint64 { return uint64(zconsole.RetiredAsks()) }

// open inits a handle that is closed when the test ends (before the checks of fresh).
func open(t *testing.T, opts ...zconsole.Option) *zconsole.Handle {
	t.Helper()
	return simtest.Open(t, opts...)
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
	return simtest.Within(t, ch, what)
}

// blocked returns once n WAITs have been issued since Reset.
func blocked(t *testing.T, n uint64) {
	t.Helper()
	simtest.Blocked(t, n)
}

// eventually returns once cond holds, or fails the test after hang.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	simtest.Eventually(t, what, cond)
}

// command enters an operator command that must be accepted.
func command(t *testing.T, text string, opts ...sim.CommandOption) {
	t.Helper()
	simtest.Command(t, text, opts...)
}
