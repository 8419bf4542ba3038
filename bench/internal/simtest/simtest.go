// Package simtest holds what the benchmark module's tests share on the simulated
// system: how long to wait before calling something a hang, and a fresh system checked
// when the test ends.
package simtest

import (
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hang is how long a test waits for something that should happen promptly before it
// calls it a hang. It is a deadline, not a measurement.
const Hang = 10 * time.Second

// Fresh resets the simulated system for job DEMO and, when the test ends, checks that
// the simulator caught no program error (an abend) and that the program holds no
// storage.
func Fresh(t testing.TB) {
	t.Helper()
	require.NoError(t, sim.Reset("DEMO"))
	t.Cleanup(func() {
		s := sim.Stats()
		assert.Zero(t, s.Abends, "abends caught: %v", sim.Grep(sim.Log(), "ABEND"))
		assert.Zero(t, s.ProgramBlocks, "program storage left: %d blocks", s.ProgramBlocks)
	})
}
