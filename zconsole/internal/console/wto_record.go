package console

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/zc"
)

// The console-log record the simulated system makes of a WTO (zconsole/c/sim_wto.c) is
// laid out as sim_api.h says (zc.SIM_REC_*, zc.SIM_RF_*, zc.SIM_LINE_*): a header,
// big-endian, then each line as type, length and EBCDIC text.

var errRecord = errors.New("sim: malformed WTO record")

// codesOf lists the codes whose bits are set in mask: code k is bit k-1 from the left.
func codesOf(mask []byte) []int {
	var out []int
	for i, b := range mask {
		for j := 0; j < 8; j++ {
			if b&(0x80>>j) != 0 {
				out = append(out, i*8+j+1)
			}
		}
	}
	return out
}

// wtoMessage fills m's WTO fields from the record data, its text in code page p. It
// fails on a record that does not hold together, naming what is wrong.
func wtoMessage(m *Message, data []byte, p *ebcdic.CodePage) error {
	if len(data) < zc.SIM_REC_HDR {
		return fmt.Errorf("%w: %d bytes, less than the %d-byte header", errRecord, len(data), zc.SIM_REC_HDR)
	}
	flags := data[zc.SIM_REC_FLAGS]
	m.Kind = KindWTO
	m.WTOR = flags&zc.SIM_RF_WTOR != 0
	m.Response = flags&zc.SIM_RF_RESP != 0
	if data[zc.SIM_REC_FLAGS2]&zc.SIM_RF2_NOTIME != 0 {
		m.NoTime, m.Time = true, time.Time{}
	}
	if m.WTOR {
		m.ReplyID = int(data[zc.SIM_REC_REPLYID])
		m.ReplyLen = int(data[zc.SIM_REC_REPLYLEN])
	}
	n := int(data[zc.SIM_REC_NLINES])
	m.Descriptor = codesOf(data[zc.SIM_REC_DESC : zc.SIM_REC_DESC+2])
	m.Routing = codesOf(data[zc.SIM_REC_ROUT : zc.SIM_REC_ROUT+16])
	if flags&zc.SIM_RF_CONSID != 0 {
		m.ConsoleID = binary.BigEndian.Uint32(data[zc.SIM_REC_CONSID:])
		m.ToConsole = true
	}
	if flags&zc.SIM_RF_CONSNAME != 0 {
		m.Console = p.DecodeTrim(data[zc.SIM_REC_CONSNAME : zc.SIM_REC_CONSNAME+8])
		m.ToConsole = true
	}
	if flags&zc.SIM_RF_CART != 0 {
		copy(m.CART[:], data[zc.SIM_REC_CART:])
	}
	m.Job = strings.TrimRight(string(data[zc.SIM_REC_JOB:zc.SIM_REC_JOB+8]), " ")
	rest := data[zc.SIM_REC_HDR:]
	for i := 0; i < n; i++ {
		if len(rest) < zc.SIM_LINE_TEXT || len(rest) < zc.SIM_LINE_TEXT+int(rest[zc.SIM_LINE_LEN]) {
			return fmt.Errorf("%w: line %d of %d reaches past the record", errRecord, i+1, n)
		}
		end := zc.SIM_LINE_TEXT + int(rest[zc.SIM_LINE_LEN])
		m.Lines = append(m.Lines, p.Decode(rest[zc.SIM_LINE_TEXT:end]))
		rest = rest[end:]
	}
	if len(rest) != 0 {
		return fmt.Errorf("%w: %d bytes after the last line", errRecord, len(rest))
	}
	m.Text = strings.Join(m.Lines, "\n")
	if m.WTOR {
		m.Text = fmt.Sprintf("@%02d %s", m.ReplyID, m.Text)
	}
	return nil
}

// replyText is the system's message for an accepted reply: record data is the reply
// id, the length, and the text in code page p (zc.SIM_RPL_*).
func replyText(data []byte, p *ebcdic.CodePage) string {
	if len(data) < zc.SIM_RPL_TEXT || len(data) < zc.SIM_RPL_TEXT+int(data[zc.SIM_RPL_LEN]) {
		return "IEE600I REPLY (malformed record)"
	}
	text := data[zc.SIM_RPL_TEXT : zc.SIM_RPL_TEXT+int(data[zc.SIM_RPL_LEN])]
	return fmt.Sprintf("IEE600I REPLY TO %02d IS;%s", data[zc.SIM_RPL_ID], p.Decode(text))
}
