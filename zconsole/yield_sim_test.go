//go:build cgo && zconsolesim

package zconsole_test

import (
	"runtime"
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A Wait that finds the chain empty yields its processor before it asks for a WAIT:
// with one processor, a goroutine the caller has just started runs first, and the
// command it types is taken without a WAIT. Without the yield the handle's goroutine,
// started after it, runs first and issues the WAIT, every round. The rule is "most
// rounds", not "every round": the runtime hands the one processor to the other goroutine
// when a cgo call lasts long (slow builds: the race detector, an emulated s390x).
func TestWaitYieldsBeforeItAsksForAWAIT(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	fresh(t)
	h := open(t)
	const rounds = 40
	without := 0 // rounds whose command was taken without a WAIT
	for i := range rounds {
		waits := sim.Stats().SVCs[sim.SVCWait]
		typed := make(chan error, 1)
		go func() { typed <- sim.Command("F DEMO,ROUND") }() // runnable, not running
		cmd, err := zconsole.Wait(h)
		require.NoError(t, err, "round %d", i)
		require.Equal(t, "ROUND", cmd.Text, "round %d", i)
		require.NoError(t, within(t, typed, "sim.Command"), "round %d", i)
		if sim.Stats().SVCs[sim.SVCWait] == waits {
			without++
		}
	}
	t.Logf("%d of %d commands taken without a WAIT", without, rounds)
	assert.GreaterOrEqual(t, without, rounds/2,
		"commands taken without a WAIT, of %d typed by a goroutine the Wait's caller had just started", rounds)
}
