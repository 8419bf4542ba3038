package console

import (
	"encoding/binary"
	"fmt"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/zc"
)

// Origin is where a command comes from, as the CIB extension tells the program: the
// console's name (1 to 8 characters), its id and command authority (CIBXAUTH's byte,
// zconsole.Authority), and the command's CART (zero: none).
type Origin struct {
	Console string
	ID      uint32
	Auth    byte
	CART    [8]byte
}

// Master is where a command comes from unless the caller says otherwise: the master
// console OPER1, console id 1, master authority (4, zconsole.AuthMaster).
var Master = Origin{Console: "OPER1", ID: 1, Auth: 4}

// cibVersion is the level the simulated system puts in the CIB's version byte (+13).
const cibVersion = 3

// cibImage lays out a CIB with its extension as z/OS keeps them (zc.CIB_*, zc.CIBX_*):
// the 16-byte header, CIBDATA, padding to a doubleword, then the 48-byte CIBX at
// CIBXOFF. CIBLEN counts the doublewords of header and data. Fields are big-endian, text
// in code page p; the CIB carries the simulated job's ASID.
func cibImage(verb byte, text string, o Origin, p *ebcdic.CodePage) ([]byte, error) {
	data, err := p.Encode(text)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	name, err := p.Field(o.Console, 8)
	if err != nil || o.Console == "" {
		return nil, fmt.Errorf("%w: console name %q", ErrInvalid, o.Console)
	}
	xoff := (zc.CIB_HDR + len(data) + 7) &^ 7
	b := make([]byte, xoff+zc.CIBX_SIZE)
	b[zc.CIB_VERB] = verb
	b[zc.CIB_LEN] = byte(xoff / 8)
	binary.BigEndian.PutUint16(b[zc.CIB_XOFF:], uint16(xoff))
	binary.BigEndian.PutUint16(b[zc.CIB_ASID:], zc.SIM_ASID)
	b[zc.CIB_VERSION] = cibVersion
	binary.BigEndian.PutUint16(b[zc.CIB_DATLN:], uint16(len(data)))
	copy(b[zc.CIB_DATA:], data)

	x := b[xoff:]
	x[zc.CIBX_AUTHLV] = o.Auth
	copy(x[zc.CIBX_CNNM:zc.CIBX_CNNM+8], name)
	copy(x[zc.CIBX_CART:zc.CIBX_CART+8], o.CART[:])
	binary.BigEndian.PutUint32(x[zc.CIBX_CNID:], o.ID)
	binary.BigEndian.PutUint32(x[zc.CIBX_OCID:], o.ID)
	return b, nil
}
