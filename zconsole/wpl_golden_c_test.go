//go:build cgo && zconsolesim

package zconsole

import (
	"encoding/hex"
	"testing"

	"github.com/go-zos/zconsole/internal/testfiles"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The WPLs the module builds (Go's preparation, then the C layout) are byte for byte
// the images in testdata/wpl, which are annotated by hand from the documented layout.
func TestWPLImagesMatchTestdata(t *testing.T) {
	issuer := Command{Verb: Modify, ConsoleID: 0x0300000A, Console: "IBMUSER"}
	copy(issuer.CART[:], []byte{0xC1, 0xE4, 0xE3, 0xD6, 0xF0, 0xF0, 0xF0, 0xF1}) // AUTO0001
	cases := []struct {
		file       string
		text       string
		wtor       bool
		opts       []PutOption
		base       []PutOption
		wbuf, wecb uint32
	}{
		{file: "wpl/single.hex", text: "DEMO001I HELLO", opts: []PutOption{Routing(2, 11), Descriptor(12)}},
		{file: "wpl/multiline.hex", text: "DEMO003I STATUS\nQUEUE DEPTH 5\nALL QUIET"},
		{file: "wpl/reply.hex", text: "STATUS OK", base: []PutOption{replyTo(issuer)}},
		{file: "wpl/wtor.hex", text: "DEMO002A CONTINUE? REPLY YES OR NO", wtor: true,
			opts: []PutOption{ReplyLength(3)}, wbuf: 0x1000, wecb: 0x2000},
		{file: "wpl/console.hex", text: "DEMO004I TO MASTER", opts: []PutOption{ToConsole("master"), Routing(1)}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			want, err := testfiles.Hex(tc.file)
			require.NoError(t, err)
			m, err := prepare(tc.text, tc.wtor, tc.opts, tc.base...)
			require.NoError(t, err)
			cm := messageOf(&m)
			cm.ReplyBuf, cm.ReplyECB = tc.wbuf, tc.wecb
			got, r := c.LayoutWPL(cm, 0)
			require.Equal(t, c.OK, r)
			assert.Equal(t, hex.EncodeToString(want), hex.EncodeToString(got))
		})
	}
}

// Laid out at another address, every address field moves with it and nothing else does.
func TestWPLLayoutRelocates(t *testing.T) {
	m, err := prepare("DEMO003I STATUS\nQUEUE DEPTH 5\nALL QUIET", false, nil)
	require.NoError(t, err)
	at0, r := c.LayoutWPL(messageOf(&m), 0)
	require.Equal(t, c.OK, r)
	at1, r := c.LayoutWPL(messageOf(&m), 0x10000000)
	require.Equal(t, c.OK, r)
	require.Equal(t, len(at0), len(at1))
	addrs := map[int]bool{4: true, 120: true, 128: true} // A(text) of lines 1, 2, 3
	for i := range at0 {
		if at0[i] != at1[i] {
			assert.True(t, addrs[i&^3] && i&3 == 0, "byte %d differs outside an address field", i)
		}
	}
}

// Every offset the C code is compiled with is the documented one.
func TestWPLOffsetsMatchLayoutTable(t *testing.T) {
	table, err := testfiles.Layout("wpl/layout.txt")
	require.NoError(t, err)
	layout := c.WTOLayout()
	require.NotEmpty(t, layout)
	for name, off := range layout {
		f, ok := table[name]
		if assert.True(t, ok, "%s (used by the C code) missing from layout.txt", name) {
			assert.Equal(t, f.Offset, off, "%s", name)
		}
	}
	assert.Equal(t, table["WPX2LEN"].Offset, table["WPX"].Length, "the WPX is 104 bytes")
}

// The C code refuses a message Go would never prepare, rather than lay out a bad WPL.
func TestWPLLayoutRefusesWhatGoNeverPrepares(t *testing.T) {
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
			m.Types = []uint16{c.LineData, c.LineData | c.LineEnd}
		},
		"a 36-byte C line": func(m *c.Message) {
			m.Lines = [][]byte{make([]byte, 36), {1}}
			m.Types = []uint16{c.LineControl, c.LineData | c.LineEnd}
		},
		"reply length 120": func(m *c.Message) { m.ReplyLen = 120 },
		"a 123-char WTOR":  func(m *c.Message) { m.ReplyLen = 10; m.Lines = [][]byte{make([]byte, 123)} },
		"two-line WTOR": func(m *c.Message) {
			m.ReplyLen = 10
			m.Lines = [][]byte{{1}, {2}}
			m.Types = []uint16{c.LineData, c.LineData | c.LineEnd}
		},
		"console id + name": func(m *c.Message) { m.HasConsID, m.HasConsName = true, true },
	}
	_, r := c.LayoutWPL(ok(), 0)
	require.Equal(t, c.OK, r, "the control case is accepted")
	for name, spoil := range cases {
		m := ok()
		spoil(m)
		_, r := c.LayoutWPL(m, 0)
		assert.Equal(t, c.Invalid, r, name)
	}
}
