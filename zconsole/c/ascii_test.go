package c

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCIsASCII holds the C to ASCII. On z/OS, IBM's C compiler reads a source file in
// the code page of its file tag; .gitattributes has git on z/OS convert the C to
// ISO8859-1 and tag it so, which changes no byte of ASCII text, and docs/zos.md tags a
// copied tree ISO8859-1 as a whole. A character outside ASCII would make git on z/OS
// refuse the checkout (or change its bytes) and the compiler read it otherwise.
func TestCIsASCII(t *testing.T) {
	var files []string
	for _, pattern := range []string{"*.c", "*.h"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files, "no C files in the test's folder")
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		line := 1
		for i, ch := range b {
			if ch == '\n' {
				line++
			}
			if ch >= 0x80 {
				assert.Failf(t, "not ASCII", "%s:%d: byte %#02x at offset %d", name, line, ch, i)
				break
			}
		}
	}
}
