//go:build cgo && zconsolesim

package zconsole

import (
	"testing"

	"github.com/go-zos/zconsole/internal/testfiles"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every offset and code the C code is compiled with is the documented one.
func TestCOffsetsMatchLayoutTable(t *testing.T) {
	table, err := testfiles.Layout("cib/layout.txt")
	require.NoError(t, err)
	layout := c.Layout()
	require.NotEmpty(t, layout)
	for name, off := range layout {
		f, ok := table[name]
		if assert.True(t, ok, "%s (used by the C code) missing from layout.txt", name) {
			assert.Equal(t, f.Offset, off, "%s", name)
		}
	}
}
