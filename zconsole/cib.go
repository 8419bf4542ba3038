package zconsole

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/zc"
)

// The CIB and CIB extension offsets (IEZCIB) are zc.CIB_* and zc.CIBX_*: those zc.h
// defines, which internal/zc's tests hold against the C compiler and
// testdata/cib/layout.txt.

// decodeCIB reads a CIB copied out of system storage: header, CIBDATA, and the extension
// at CIBXOFF when the copy holds it. Fields are big-endian, text in code page p. When a
// length or offset points outside the copy, it returns what it could read and an error
// wrapping ErrMalformed.
func decodeCIB(b []byte, p *ebcdic.CodePage) (Command, error) {
	if len(b) < zc.CIB_HDR {
		return Command{}, fmt.Errorf("%w: %d bytes, less than the %d-byte header", ErrMalformed, len(b), zc.CIB_HDR)
	}
	var cmd Command
	var problem error
	cmd.Code = b[zc.CIB_VERB]
	cmd.Verb = verbOf(cmd.Code)
	cmd.ASID = binary.BigEndian.Uint16(b[zc.CIB_ASID:])

	n := int(binary.BigEndian.Uint16(b[zc.CIB_DATLN:]))
	if zc.CIB_DATA+n > len(b) {
		problem = fmt.Errorf("%w: CIBDATLN %d reaches past the %d bytes of the CIB", ErrMalformed, n, len(b))
		n = len(b) - zc.CIB_DATA
	}
	cmd.Text = strings.TrimRight(p.Decode(b[zc.CIB_DATA:zc.CIB_DATA+n]), " \x00")

	if xoff := int(binary.BigEndian.Uint16(b[zc.CIB_XOFF:])); xoff != 0 {
		if xoff < zc.CIB_HDR || xoff+zc.CIBX_SIZE > len(b) {
			if problem == nil {
				problem = fmt.Errorf("%w: CIBXOFF %d puts the extension outside the %d bytes of the CIB", ErrMalformed, xoff, len(b))
			}
		} else {
			x := b[xoff : xoff+zc.CIBX_SIZE]
			copy(cmd.AuthBytes[:], x[zc.CIBX_AUTH:])
			cmd.Auth = Authority(x[zc.CIBX_AUTHLV])
			cmd.Console = p.DecodeTrim(x[zc.CIBX_CNNM : zc.CIBX_CNNM+8])
			copy(cmd.CART[:], x[zc.CIBX_CART:])
			cmd.ConsoleID = binary.BigEndian.Uint32(x[zc.CIBX_CNID:])
			cmd.OriginID = binary.BigEndian.Uint32(x[zc.CIBX_OCID:])
		}
	}
	return cmd, problem
}
