//go:build !cgo || !(zos || zconsolesim)

package zconsole_test

import (
	"context"
	"errors"
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
)

// Without a console, messages are still checked, and then refused as unsupported.
func TestStubConsoleOutput(t *testing.T) {
	_, err := zconsole.Put("DEMO001I HELLO", zconsole.Routing(2))
	assert.ErrorIs(t, err, errors.ErrUnsupported)
	_, err = zconsole.Put("X", zconsole.Routing(200))
	assert.ErrorIs(t, err, zconsole.ErrInvalidCode, "checked before anything else")
	_, err = zconsole.Command{Verb: zconsole.Modify, ConsoleID: 1}.Reply("OK")
	assert.ErrorIs(t, err, errors.ErrUnsupported)
	_, err = zconsole.Ask(context.Background(), nil, "WELL?")
	assert.ErrorIs(t, err, errors.ErrUnsupported)
	assert.ErrorIs(t, zconsole.Delete(1), errors.ErrUnsupported)
	assert.NoError(t, zconsole.Delete(0), "nothing to delete")
	_, err = zconsole.Task()
	assert.ErrorIs(t, err, errors.ErrUnsupported)
	assert.Empty(t, sim.Outstanding())
	_, err = sim.Asked(context.Background())
	assert.ErrorIs(t, err, errors.ErrUnsupported)
}
