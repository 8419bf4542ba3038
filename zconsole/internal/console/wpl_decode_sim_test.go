//go:build cgo && zconsolesim

package console

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/testfiles"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// image reads a hand-annotated WPL from testdata/wpl (laid out at address 0) and moves
// it to base: the address fields the annotations name get base added.
func image(t testing.TB, file string, base uint32, addrs ...int) []byte {
	t.Helper()
	img, err := testfiles.Hex(file)
	require.NoError(t, err)
	for _, off := range addrs {
		binary.BigEndian.PutUint32(img[off:], binary.BigEndian.Uint32(img[off:])+base)
	}
	return img
}

// decode runs the simulator's decoder on img and reads the record it makes.
func decode(t testing.TB, img []byte) (uint32, Message) {
	t.Helper()
	reason, rec := mvs.DecodeWPL(img)
	var m Message
	if reason == 0 {
		require.NoError(t, wtoMessage(&m, rec, ebcdic.IBM1047))
	}
	return reason, m
}

// The supervisor side reads the hand-made images of testdata/wpl (independent of the
// module's builder) back into what they say.
func TestDecodeTestdataImages(t *testing.T) {
	require.NoError(t, Reset("DEMO"))
	base := mvs.DecodeBase()

	_, m := decode(t, image(t, "wpl/single.hex", base, 4))
	assert.Equal(t, []string{"DEMO001I HELLO"}, m.Lines)
	assert.Equal(t, []int{2, 11}, m.Routing)
	assert.Equal(t, []int{12}, m.Descriptor)
	assert.Equal(t, "DEMO", m.Job)
	assert.False(t, m.NoTime)

	_, m = decode(t, image(t, "wpl/notime.hex", base, 4))
	assert.Equal(t, []string{"DEMO001I HELLO"}, m.Lines)
	assert.Equal(t, []int{2, 11}, m.Routing)
	assert.True(t, m.NoTime, "MCS flags 2, X'80': no time stamp")

	_, m = decode(t, image(t, "wpl/multiline.hex", base, 4, 120, 128))
	assert.Equal(t, []string{"DEMO003I STATUS", "QUEUE DEPTH 5", "ALL QUIET"}, m.Lines)
	assert.Empty(t, m.Routing)
	assert.Empty(t, m.Descriptor, "no codes: the problem-program default is for single lines")

	_, m = decode(t, image(t, "wpl/reply.hex", base, 4, 104))
	assert.Equal(t, "STATUS OK", m.Text)
	assert.Equal(t, uint32(0x0300000A), m.ConsoleID)
	assert.Equal(t, CARTOf("AUTO0001"), m.CART)
	assert.True(t, m.Response)
	assert.Equal(t, []int{5}, m.Descriptor)

	_, m = decode(t, image(t, "wpl/wtor.hex", base, 4, 16, 20))
	assert.True(t, m.WTOR)
	assert.Equal(t, 3, m.ReplyLen)
	assert.Equal(t, "@00 DEMO002A CONTINUE? REPLY YES OR NO", m.Text, "no reply id given when only decoded")

	_, m = decode(t, image(t, "wpl/console.hex", base, 4))
	assert.Equal(t, "MASTER", m.Console)
	assert.Equal(t, []int{1}, m.Routing)
	assert.Empty(t, m.Descriptor, "routing codes and no descriptor: left as given (docs/wto.md)")
	assert.Zero(t, mvs.Stats().Abends)
}

// A WPL that does not hold together is refused with the D23 reason code z/OS documents
// for the fault, never a crash or a read outside the program's storage.
func TestDecodeRefusesMalformedWPLs(t *testing.T) {
	require.NoError(t, Reset("DEMO"))
	base := mvs.DecodeBase()
	single := func() []byte { return image(t, "wpl/single.hex", base, 4) }
	multi := func() []byte { return image(t, "wpl/multiline.hex", base, 4, 120, 128) }
	wtor := func() []byte { return image(t, "wpl/wtor.hex", base, 4, 16, 20) }
	put32 := func(b []byte, off int, v uint32) []byte { binary.BigEndian.PutUint32(b[off:], v); return b }
	set := func(b []byte, off int, v ...byte) []byte { copy(b[off:], v); return b }
	cases := []struct {
		name    string
		img     []byte
		wreason uint32
	}{
		{"too short to be a WPL", []byte{0, 8}, 0x0008}, // the zeros after it read as no WPX
		{"no WPX", set(single(), 3, 0x00), 0x0008},
		{"a WTOR prefix with a WPX", set(single(), 0, 0x05), 0x0007},
		{"inline text", set(single(), 1, 0x12), 0x0008},
		{"WPX version 1", set(single(), 8, 0x01), 0x0008},
		{"WPX length 100", set(single(), 11, 100), 0x0008},
		{"no text address flag", set(single(), 13, 0x00), 0x0008},
		{"CONNECT", set(single(), 12, 0x10), 0x0006},
		{"console id and name", set(single(), 12, 0x42), 0x0007},
		{"text address zero", put32(single(), 4, 0), 0x0009},
		{"text outside storage", put32(single(), 4, 0x7FFF0000), 0x0003},
		{"text straddles the block", put32(single(), 4, base+65535), 0x0003},
		{"text length zero", set(single(), 112, 0, 0), 0x0004},
		{"text of 127", set(single(), 112, 0, 127), 0x0005},
		{"CART outside storage", put32(single(), 104, 0x00000010), 0x0003},
		{"no lines", set(multi(), 115, 0), 0x0002},
		{"eleven lines", set(multi(), 115, 11), 0x0006},
		{"entry length 4", set(multi(), 116, 0, 4), 0x0008},
		{"DE before the end", set(multi(), 118, 0x30), 0x0007},
		{"no end line", set(multi(), 126, 0x20), 0x0007},
		{"C line second", set(multi(), 118, 0x80), 0x0007},
		{"L after D", set(multi(), 118, 0x40), 0x0007},
		{"unknown line type", set(multi(), 112, 0x08), 0x0007},
		{"a D line of 72", set(multi(), 132, 0, 72), 0x0005},
		{"reply length 0", set(wtor(), 10, 0), 0x0008},
		{"reply length 120", set(wtor(), 10, 120), 0x0008},
		{"reply buffer outside", put32(wtor(), 16, 0x10), 0x0003},
		{"reply ECB unaligned", put32(wtor(), 20, base+0x2001), 0x0003},
		{"a WTOR of two lines", set(wtor(), 3, 0x50), 0x0002},
		{"a WTOR question of 123", set(wtor(), 112, 0, 123), 0x0005},
	}
	for _, tc := range cases {
		reason, _ := decode(t, tc.img)
		assert.Equal(t, tc.wreason, reason, "%s: reason %04X", tc.name, reason)
	}
	assert.Zero(t, mvs.Stats().Abends, "decoding alone records nothing")
}

// Through SVC 35 itself, a malformed WPL is a D23 abend with its reason in the log, R15
// says so, and nothing is written; a good one gets a message id.
func TestSVC35RefusesMalformedWPL(t *testing.T) {
	require.NoError(t, Reset("DEMO"))
	base := mvs.DecodeBase()
	good := image(t, "wpl/single.hex", base, 4)
	mvs.DecodeWPL(good) // the text the WPL points to now lives in the decode block

	bad := append([]byte(nil), good...)
	bad[11] = 100
	r15, _ := mvs.IssueWPL(bad)
	assert.Equal(t, uint32(zc.RC_ABEND|0xD23), r15)
	s := mvs.Stats()
	assert.Equal(t, uint64(1), s.Abends)
	assert.Equal(t, uint32(0xD23), s.LastAbend)
	var abend []Message
	for _, m := range Log() {
		if strings.Contains(m.Text, "ABEND SD23") {
			abend = append(abend, m)
		}
	}
	require.Len(t, abend, 1)
	assert.Contains(t, abend[0].Text, "reason 0008")
	assert.Contains(t, abend[0].Text, "WPX length")

	r15, r1 := mvs.IssueWPL(good)
	assert.Zero(t, r15)
	assert.Equal(t, uint32(1), r1, "the first message id")
	var wtos []Message
	for _, m := range Log() {
		if m.Kind == KindWTO {
			wtos = append(wtos, m)
		}
	}
	require.Len(t, wtos, 1, "only the good one was written")
	assert.Equal(t, "DEMO001I HELLO", wtos[0].Text)
	assert.Zero(t, mvs.Stats().ProgramBlocks)
	require.NoError(t, Reset("DEMO"))
}

// FuzzDecodeWPL: any bytes as a WPL in simulated storage. The decoder never crashes
// and never reads outside storage the program or system holds; it refuses with one of
// the documented D23 reason codes, or makes a record the log reads back into a message
// within the limits.
func FuzzDecodeWPL(f *testing.F) {
	if err := Reset("DEMO"); err != nil {
		f.Fatal(err)
	}
	base := mvs.DecodeBase()
	seed := func(m *c.Message, replyBuf, replyECB uint32) {
		img, err := c.LayoutWPL(m, base, replyBuf, replyECB)
		if err != nil {
			f.Fatalf("seed: %v", err)
		}
		f.Add(img)
	}
	text := ebcdic.IBM1047.EncodeSubst
	seed(&c.Message{Lines: [][]byte{text("DEMO001I HELLO")}, Codes: true, Route: [16]byte{0x40}, Desc: [2]byte{0, 0x10}}, 0, 0)
	seed(&c.Message{Lines: [][]byte{text("A"), text("B"), text("C")},
		Types: []uint16{zc.LT_DATA, zc.LT_DATA, zc.LT_DATA | zc.LT_END}}, 0, 0)
	seed(&c.Message{Lines: [][]byte{text("REPLY?")}, ReplyLen: 3}, base+0x8000, base+0x9000)
	seed(&c.Message{Lines: [][]byte{text("TO YOU")}, HasConsID: true, ConsID: 7, HasCART: true, CART: CARTOf("X"), Response: true}, 0, 0)
	seed(&c.Message{Lines: [][]byte{text("NO TIME")}, NoTime: true}, 0, 0)
	f.Add([]byte{})
	f.Add([]byte{0, 8, 0x80, 0x10, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, img []byte) {
		reason, rec := mvs.DecodeWPL(img)
		if reason != 0 {
			switch reason {
			case 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007, 0x0008, 0x0009:
				return
			}
			t.Fatalf("reason %04X is not a documented D23 reason", reason)
		}
		var m Message
		if err := wtoMessage(&m, rec, ebcdic.IBM1047); err != nil {
			t.Fatalf("the record does not read back: %v", err)
		}
		n := len(m.Lines)
		if n < 1 || n > 10 {
			t.Fatalf("%d lines", n)
		}
		for i, l := range m.Lines {
			k := utf8.RuneCountInString(l)
			if k > 126 || (n > 1 && k > 71) {
				t.Fatalf("line %d of %d has %d characters", i, n, k)
			}
		}
		if m.WTOR && (n != 1 || m.ReplyLen < 1 || m.ReplyLen > 119 || utf8.RuneCountInString(m.Lines[0]) > 122) {
			t.Fatalf("a WTOR of %d lines, reply length %d", n, m.ReplyLen)
		}
		if m.WTOR && !strings.HasPrefix(m.Text, "@00 ") {
			t.Fatalf("a WTOR shows as %q", m.Text)
		}
	})
}
