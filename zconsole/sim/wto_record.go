package sim

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/go-zos/zconsole/internal/ebcdic"
)

// The console-log record the simulated system makes of a WTO (zconsole/c/sim_wto.c):
// a 52-byte header, big-endian, then each line as type (2), length (1), EBCDIC text.
const (
	recWTOR     = 0x80
	recMLWTO    = 0x40
	recResp     = 0x20
	recConsID   = 0x10
	recConsName = 0x08
	recCART     = 0x04
	recHdr      = 52
)

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
	if len(data) < recHdr {
		return fmt.Errorf("%w: %d bytes, less than the %d-byte header", errRecord, len(data), recHdr)
	}
	flags := data[0]
	m.Kind = KindWTO
	m.WTOR = flags&recWTOR != 0
	m.Response = flags&recResp != 0
	if m.WTOR {
		m.ReplyID = int(data[1])
		m.ReplyLen = int(data[2])
	}
	n := int(data[3])
	m.Descriptor = codesOf(data[4:6])
	m.Routing = codesOf(data[6:22])
	if flags&recConsID != 0 {
		m.ConsoleID = binary.BigEndian.Uint32(data[22:])
		m.ToConsole = true
	}
	if flags&recConsName != 0 {
		m.Console = p.DecodeTrim(data[26:34])
		m.ToConsole = true
	}
	if flags&recCART != 0 {
		copy(m.CART[:], data[34:42])
	}
	m.Job = strings.TrimRight(string(data[42:50]), " ")
	rest := data[recHdr:]
	for i := 0; i < n; i++ {
		if len(rest) < 3 || len(rest) < 3+int(rest[2]) {
			return fmt.Errorf("%w: line %d of %d reaches past the record", errRecord, i+1, n)
		}
		l := int(rest[2])
		m.Lines = append(m.Lines, p.Decode(rest[3:3+l]))
		rest = rest[3+l:]
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
// id, the length, and the text in code page p.
func replyText(data []byte, p *ebcdic.CodePage) string {
	if len(data) < 2 || len(data) < 2+int(data[1]) {
		return "IEE600I REPLY (malformed record)"
	}
	return fmt.Sprintf("IEE600I REPLY TO %02d IS;%s", data[0], p.Decode(data[2:2+int(data[1])]))
}
