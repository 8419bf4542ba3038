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
		{file: "wpl/notime.hex", text: "DEMO001I HELLO", opts: []PutOption{Routing(2, 11), Descriptor(12), NoTime()}},
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
			m, _, err := prepare(tc.text, tc.wtor, tc.opts, tc.base...)
			require.NoError(t, err)
			got, err := c.LayoutWPL(&m, 0, tc.wbuf, tc.wecb)
			require.NoError(t, err)
			assert.Equal(t, hex.EncodeToString(want), hex.EncodeToString(got))
		})
	}
}

// Laid out at another address, every address field moves with it and nothing else does.
func TestWPLLayoutRelocates(t *testing.T) {
	m, _, err := prepare("DEMO003I STATUS\nQUEUE DEPTH 5\nALL QUIET", false, nil)
	require.NoError(t, err)
	at0, err := c.LayoutWPL(&m, 0, 0, 0)
	require.NoError(t, err)
	at1, err := c.LayoutWPL(&m, 0x10000000, 0, 0)
	require.NoError(t, err)
	require.Equal(t, len(at0), len(at1))
	addrs := map[int]bool{4: true, 120: true, 128: true} // A(text) of lines 1, 2, 3
	for i := range at0 {
		if at0[i] != at1[i] {
			assert.True(t, addrs[i&^3] && i&3 == 0, "byte %d differs outside an address field", i)
		}
	}
}
