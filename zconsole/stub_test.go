//go:build !cgo || !(zos || zconsolesim)

package zconsole_test

import (
	"errors"
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
)

// Without z/OS or the simulator the package still compiles, and says why it cannot work.
func TestStubInitIsUnsupported(t *testing.T) {
	h, err := zconsole.Init()
	assert.Nil(t, h)
	assert.ErrorIs(t, err, errors.ErrUnsupported)
	assert.Contains(t, err.Error(), "zconsolesim")
	assert.ErrorIs(t, sim.Reset("DEMO"), errors.ErrUnsupported)
	assert.ErrorIs(t, sim.Command("P DEMO"), errors.ErrUnsupported)
	_, err = zconsole.Wait(nil)
	assert.ErrorIs(t, err, zconsole.ErrClosed)
}
