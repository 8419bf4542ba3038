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

// The C code reads and writes fullwords in z/OS (big-endian) byte order whatever the
// host's order: both readers and the writer. The simulator shares the atomic ones with
// the protocol, so the s390x run alone could not tell if both were wrong the same way.
func TestCFullwordsAreBigEndian(t *testing.T) {
	get, load, stored := c.Fullword([4]byte{0x12, 0x34, 0x56, 0x78})
	assert.Equal(t, uint32(0x12345678), get, "zc_get32")
	assert.Equal(t, uint32(0x12345678), load, "zc_load32")
	assert.Equal(t, [4]byte{0x12, 0x34, 0x56, 0x78}, stored, "zc_store32")
}
