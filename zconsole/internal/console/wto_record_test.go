package console

import (
	"testing"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// record builds a WTO log record as zconsole/c/sim_wto.c lays it out, at the offsets
// sim_api.h documents, written out here so that the decoder's are checked against them.
func record(flags, replyID, replyLen byte, desc [2]byte, route [16]byte, consID uint32,
	consName, cart [8]byte, job string, lines ...[]byte) []byte {
	b := make([]byte, zc.SIM_REC_HDR)
	b[0], b[1], b[2], b[3] = flags, replyID, replyLen, byte(len(lines))
	copy(b[4:], desc[:])
	copy(b[6:], route[:])
	b[22], b[23], b[24], b[25] = byte(consID>>24), byte(consID>>16), byte(consID>>8), byte(consID)
	copy(b[26:], consName[:])
	copy(b[34:], cart[:])
	copy(b[42:50], job+"        ")
	for _, l := range lines {
		b = append(b, 0x20, 0x00, byte(len(l)))
		b = append(b, l...)
	}
	return b
}

func TestWTORecord(t *testing.T) {
	hello := []byte{0xC8, 0xC5, 0xD3, 0xD3, 0xD6} // HELLO
	var m Message
	rec := record(zc.SIM_RF_WTOR|zc.SIM_RF_CART|zc.SIM_RF_CONSNAME, 7, 3, [2]byte{0x02, 0x10}, [16]byte{0x40, 0x20, 15: 1},
		0, [8]byte{0xD4, 0xC1, 0xE2, 0xE3, 0xC5, 0xD9, 0x40, 0x40}, [8]byte{1, 2}, "DEMO", hello)
	require.NoError(t, wtoMessage(&m, rec, ebcdic.IBM1047))
	assert.Equal(t, KindWTO, m.Kind)
	assert.Equal(t, "@07 HELLO", m.Text)
	assert.Equal(t, []string{"HELLO"}, m.Lines)
	assert.True(t, m.WTOR)
	assert.Equal(t, 7, m.ReplyID)
	assert.Equal(t, 3, m.ReplyLen)
	assert.Equal(t, []int{7, 12}, m.Descriptor)
	assert.Equal(t, []int{2, 11, 128}, m.Routing)
	assert.Equal(t, "MASTER", m.Console)
	assert.True(t, m.ToConsole)
	assert.Equal(t, [8]byte{1, 2}, m.CART)
	assert.Equal(t, "DEMO", m.Job)

	m = Message{}
	rec = record(zc.SIM_RF_MLWTO|zc.SIM_RF_CONSID|zc.SIM_RF_RESP, 0, 0, [2]byte{}, [16]byte{}, 0x0300000A, [8]byte{}, [8]byte{}, "JOB", hello, hello)
	require.NoError(t, wtoMessage(&m, rec, ebcdic.IBM1047))
	assert.Equal(t, "HELLO\nHELLO", m.Text)
	assert.Equal(t, uint32(0x0300000A), m.ConsoleID)
	assert.True(t, m.Response)
	assert.False(t, m.WTOR)
	assert.Zero(t, m.CART, "no CART flag: no CART")

	for name, bad := range map[string][]byte{
		"short header":     rec[:zc.SIM_REC_HDR-1],
		"line past end":    rec[:len(rec)-1],
		"bytes after last": append(append([]byte(nil), rec...), 0),
	} {
		assert.ErrorIs(t, wtoMessage(&Message{}, bad, ebcdic.IBM1047), errRecord, name)
	}
	assert.Equal(t, "IEE600I REPLY TO 05 IS;HELLO", replyText(append([]byte{5, 5}, hello...), ebcdic.IBM1047))
}

func TestReplySyntax(t *testing.T) {
	for s, want := range map[string]int{"1": 1, "01": 1, "00": 0, "0": 0, "9999": 9999, "0042": 42} {
		n, ok := replyID(s)
		assert.True(t, ok, s)
		assert.Equal(t, want, n, s)
	}
	for _, s := range []string{"", "12345", "1A", "-1", " 1"} {
		_, ok := replyID(s)
		assert.False(t, ok, s)
	}
	assert.Equal(t, "Yes", unquote("'Yes'"))
	assert.Equal(t, "it's", unquote("'it''s'"))
	assert.Equal(t, "YES", unquote("YES"))
	assert.Equal(t, "'", unquote("'"))
	assert.Equal(t, "", unquote("''"))
}
