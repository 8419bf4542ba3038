//go:build cgo && zconsolesim

package zconsole

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/go-zos/zconsole/internal/testfiles"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A START whose CIB does not hold together comes from the first Wait as any CIB does:
// the command as far as it reads, and an error wrapping ErrMalformed.
func TestMalformedStartIsReportedAsAnyCIB(t *testing.T) {
	img, err := testfiles.Hex("cib/start.hex")
	require.NoError(t, err)
	binary.BigEndian.PutUint16(img[zc.CIB_DATLN:], 500) // CIBDATA past the end
	require.Equal(t, zc.SIM_QUEUED, mvs.Reset("DEMO", img), "the START queued")
	h, err := Init()
	require.NoError(t, err)
	defer h.Close()
	cmd, err := Wait(h)
	assert.True(t, errors.Is(err, ErrMalformed), "Wait: %v", err)
	assert.Equal(t, Start, cmd.Verb, "what could be read is returned")
}
