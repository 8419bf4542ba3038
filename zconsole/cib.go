package zconsole

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/go-zos/zconsole/internal/ebcdic"
)

// CIB and CIB extension offsets (IEZCIB). A test holds them against the C code and
// against testdata/cib/layout.txt.
const (
	cibVerb  = 4
	cibLen   = 5
	cibXOff  = 6
	cibASID  = 10
	cibDatLn = 14
	cibData  = 16
	cibHdr   = 16

	cibxAuth = 4
	cibxCnNm = 8
	cibxCART = 16
	cibxCnID = 24
	cibxOcID = 32
	cibxSize = 48
)

// decodeCIB reads a CIB copied out of system storage: header, CIBDATA, and the extension
// at CIBXOFF when the copy holds it. Fields are big-endian, text in code page p. When a
// length or offset points outside the copy, it returns what it could read and an error
// wrapping ErrMalformed.
func decodeCIB(b []byte, p *ebcdic.CodePage) (Command, error) {
	if len(b) < cibHdr {
		return Command{}, fmt.Errorf("%w: %d bytes, less than the 16-byte header", ErrMalformed, len(b))
	}
	var cmd Command
	var problem error
	cmd.Code = b[cibVerb]
	cmd.Verb = verbOf(cmd.Code)
	cmd.ASID = binary.BigEndian.Uint16(b[cibASID:])

	n := int(binary.BigEndian.Uint16(b[cibDatLn:]))
	if cibData+n > len(b) {
		problem = fmt.Errorf("%w: CIBDATLN %d reaches past the %d bytes of the CIB", ErrMalformed, n, len(b))
		n = len(b) - cibData
	}
	cmd.Text = strings.TrimRight(p.Decode(b[cibData:cibData+n]), " \x00")

	if xoff := int(binary.BigEndian.Uint16(b[cibXOff:])); xoff != 0 {
		if xoff < cibHdr || xoff+cibxSize > len(b) {
			if problem == nil {
				problem = fmt.Errorf("%w: CIBXOFF %d puts the extension outside the %d bytes of the CIB", ErrMalformed, xoff, len(b))
			}
		} else {
			x := b[xoff : xoff+cibxSize]
			copy(cmd.AuthBytes[:], x[cibxAuth:cibxAuth+4])
			cmd.Auth = Authority(x[cibxAuth+2])
			cmd.Console = p.DecodeTrim(x[cibxCnNm : cibxCnNm+8])
			copy(cmd.CART[:], x[cibxCART:cibxCART+8])
			cmd.ConsoleID = binary.BigEndian.Uint32(x[cibxCnID:])
			cmd.OriginID = binary.BigEndian.Uint32(x[cibxOcID:])
		}
	}
	return cmd, problem
}
