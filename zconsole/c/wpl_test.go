//go:build cgo && zconsolesim

package c_test

import (
	"testing"

	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The C code refuses a message Go would never prepare, rather than lay out a bad WPL.
func TestLayoutRefusesWhatGoNeverPrepares(t *testing.T) {
	ok := func() *c.Message {
		return &c.Message{Lines: [][]byte{{0xC1}}}
	}
	cases := map[string]func(*c.Message){
		"no lines":       func(m *c.Message) { m.Lines = nil },
		"empty line":     func(m *c.Message) { m.Lines = [][]byte{{}} },
		"127 characters": func(m *c.Message) { m.Lines = [][]byte{make([]byte, 127)} },
		"11 lines":       func(m *c.Message) { m.Lines = make([][]byte, 11) },
		"a 72-byte D line": func(m *c.Message) {
			m.Lines = [][]byte{{1}, make([]byte, 72)}
			m.Types = []uint16{zc.LT_DATA, zc.LT_DATA | zc.LT_END}
		},
		"a 36-byte C line": func(m *c.Message) {
			m.Lines = [][]byte{make([]byte, 36), {1}}
			m.Types = []uint16{zc.LT_CONTROL, zc.LT_DATA | zc.LT_END}
		},
		"reply length 120": func(m *c.Message) { m.ReplyLen = 120 },
		"reply length -1":  func(m *c.Message) { m.ReplyLen = -1 },
		"a 123-char WTOR":  func(m *c.Message) { m.ReplyLen = 10; m.Lines = [][]byte{make([]byte, 123)} },
		"two-line WTOR": func(m *c.Message) {
			m.ReplyLen = 10
			m.Lines = [][]byte{{1}, {2}}
			m.Types = []uint16{zc.LT_DATA, zc.LT_DATA | zc.LT_END}
		},
		"console id + name": func(m *c.Message) { m.HasConsID, m.HasConsName = true, true },
	}
	_, err := c.LayoutWPL(ok(), 0, 0, 0)
	require.NoError(t, err, "the control case is accepted")
	for name, spoil := range cases {
		m := ok()
		spoil(m)
		_, err := c.LayoutWPL(m, 0, 0, 0)
		assert.ErrorIs(t, err, c.ErrInvalid, name)
	}
}

// NoTime sets MCS flags 2's X'80' (no time stamp) and nothing else: the WPL is the one
// without it but for that bit, single-line and multi-line.
func TestLayoutNoTime(t *testing.T) {
	for _, lines := range [][][]byte{{{0xC1}}, {{0xC1}, {0xC2}}} {
		m := &c.Message{Lines: lines}
		if len(lines) > 1 {
			m.Types = []uint16{zc.LT_DATA, zc.LT_DATA | zc.LT_END}
		}
		plain, err := c.LayoutWPL(m, 0, 0, 0)
		require.NoError(t, err)
		m.NoTime = true
		notime, err := c.LayoutWPL(m, 0, 0, 0)
		require.NoError(t, err)
		require.Len(t, notime, len(plain))
		assert.Zero(t, plain[zc.WPL_MCSF2]&zc.MCS2_NOTIME, "%d line(s): no NoTime, no bit", len(lines))
		assert.Equal(t, byte(zc.MCS2_NOTIME), notime[zc.WPL_MCSF2]&zc.MCS2_NOTIME, "%d line(s)", len(lines))
		notime[zc.WPL_MCSF2] &^= zc.MCS2_NOTIME
		assert.Equal(t, plain, notime, "%d line(s): nothing else differs", len(lines))
	}
}
