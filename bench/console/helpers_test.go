//go:build cgo && zconsolesim && linux

package console

import (
	"testing"
	"time"

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
	t.Cleanup(func() {
		s := sim.Stats()
		assert.Zero(t, s.Abends, "abends caught: %v", sim.Grep(sim.Log(), "ABEND"))
		assert.Zero(t, s.ProgramBlocks, "program storage left: %d blocks", s.ProgramBlocks)
	})
}
