package sim

import (
	"encoding/binary"
	"fmt"

	"github.com/go-zos/zconsole/internal/ebcdic"
)

// CIB verb codes (IEZCIB).
const (
	verbStart  = 0x04
	verbStop   = 0x40
	verbModify = 0x44
)

// jobASID is the address-space id the simulated job has.
const jobASID = 0x0021

// cibVersion is the level the simulated system puts in the CIB's version byte (+13).
const cibVersion = 3

// cibImage lays out a CIB with its extension as z/OS keeps them: a 16-byte header,
// CIBDATA, padding to a doubleword, then the 48-byte CIBX at CIBXOFF. CIBLEN counts the
// doublewords of header and data. Fields are big-endian, text in code page p.
func cibImage(verb byte, text string, o origin, p *ebcdic.CodePage) ([]byte, error) {
	data, err := p.Encode(text)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	name, err := p.Field(o.console.Name, 8)
	if err != nil || o.console.Name == "" {
		return nil, fmt.Errorf("%w: console name %q", ErrInvalid, o.console.Name)
	}
	xoff := (16 + len(data) + 7) &^ 7
	b := make([]byte, xoff+48)
	b[4] = verb
	b[5] = byte(xoff / 8)
	binary.BigEndian.PutUint16(b[6:], uint16(xoff))
	binary.BigEndian.PutUint16(b[10:], jobASID)
	b[13] = cibVersion
	binary.BigEndian.PutUint16(b[14:], uint16(len(data)))
	copy(b[16:], data)

	x := b[xoff:]
	x[6] = byte(o.console.Auth)
	copy(x[8:16], name)
	copy(x[16:24], o.cart[:])
	binary.BigEndian.PutUint32(x[24:], o.console.ID)
	binary.BigEndian.PutUint32(x[32:], o.console.ID)
	return b, nil
}
