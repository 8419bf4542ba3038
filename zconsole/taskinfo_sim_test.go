//go:build cgo && zconsolesim

package zconsole_test

import (
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A job that was not started by START finds its name behind ASCBJBNI.
func TestTaskOfAJob(t *testing.T) {
	require.NoError(t, sim.Reset("BATCH1"))
	t.Cleanup(func() { clean(t) })
	ti, err := zconsole.Task()
	require.NoError(t, err)
	assert.Equal(t, "BATCH1", ti.JobName)
	assert.False(t, ti.Started)
	assert.Equal(t, uint16(0x21), ti.ASID)
	assert.Equal(t, "ZSIM", ti.System)
	assert.NotZero(t, ti.ASCB)
	assert.NotZero(t, ti.TCB)
}

// A started task finds its name behind ASCBJBNS.
func TestTaskOfAStartedTask(t *testing.T) {
	started(t, "")
	ti, err := zconsole.Task()
	require.NoError(t, err)
	assert.Equal(t, "DEMO", ti.JobName)
	assert.True(t, ti.Started)
	assert.Equal(t, "DEMO", sim.Job())
}
