package sim

import (
	"encoding/binary"
	"fmt"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/zc"
)

// cibVersion is the level the simulated system puts in the CIB's version byte (+13).
const cibVersion = 3

// cibImage lays out a CIB with its extension as z/OS keeps them (zc.CIB_*, zc.CIBX_*):
// the 16-byte header, CIBDATA, padding to a doubleword, then the 48-byte CIBX at
// CIBXOFF. CIBLEN counts the doublewords of header and data. Fields are big-endian, text
// in code page p; the CIB carries the simulated job's ASID.
func cibImage(verb byte, text string, o origin, p *ebcdic.CodePage) ([]byte, error) {
	data, err := p.Encode(text)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	name, err := p.Field(o.console.Name, 8)
	if err != nil || o.console.Name == "" {
		return nil, fmt.Errorf("%w: console name %q", ErrInvalid, o.console.Name)
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
	x[zc.CIBX_AUTHLV] = byte(o.console.Auth)
	copy(x[zc.CIBX_CNNM:zc.CIBX_CNNM+8], name)
	copy(x[zc.CIBX_CART:zc.CIBX_CART+8], o.cart[:])
	binary.BigEndian.PutUint32(x[zc.CIBX_CNID:], o.console.ID)
	binary.BigEndian.PutUint32(x[zc.CIBX_OCID:], o.console.ID)
	return b, nil
}
