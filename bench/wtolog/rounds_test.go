//go:build cgo && zconsolesim

package wtolog

import (
	"testing"

	"github.com/go-zos/zconsole/bench/internal/simtest"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The benchmarks' rounds, once each, so that every test run checks that they measure
// what they say: both paths write the same message, and the suppressing logger writes
// only its first record.

func TestBenchConsoleRound(t *testing.T) {
	simtest.Fresh(t)
	s, err := issueThroughWtolog(flushEvery + 1)
	require.NoError(t, err)
	assert.Equal(t, uint64(flushEvery+1), s.Written)
	log := sim.Log()
	require.Len(t, log, flushEvery+1)
	for _, m := range log {
		require.Equal(t, consoleText, m.Text, "wtolog writes what the Put side writes")
		require.Equal(t, []int{2, 11}, m.Routing)
		require.Equal(t, []int{12}, m.Descriptor)
	}
}

func TestBenchSuppressedRound(t *testing.T) {
	simtest.Fresh(t)
	l, h := suppressingLogger()
	for range 3 {
		consoleRecord(l)
	}
	require.NoError(t, h.Close())
	assert.Equal(t, uint64(1), h.Stats().Written)
	assert.Equal(t, uint64(2), h.Stats().Suppressed)
}
