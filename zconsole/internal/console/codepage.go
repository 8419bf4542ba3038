package console

import (
	"fmt"
	"sync/atomic"

	"github.com/go-zos/zconsole/internal/ebcdic"
)

// systemPage is the code page of the simulated system's consoles; nil until SetPage,
// which is IBM-1047.
var systemPage atomic.Pointer[ebcdic.CodePage]

// page is the simulated system's code page.
func page() *ebcdic.CodePage {
	if p := systemPage.Load(); p != nil {
		return p
	}
	return ebcdic.IBM1047
}

// SetPage makes the code page with CCSID ccsid the simulated system's: IBM-1047, IBM-037
// or IBM-1140. For another it returns an error wrapping ErrInvalid and changes nothing.
func SetPage(ccsid int) error {
	t := ebcdic.ByCCSID(ccsid)
	if t == nil {
		return fmt.Errorf("%w: code page %d: a console runs in IBM-1047, IBM-037 or IBM-1140", ErrInvalid, uint16(ccsid))
	}
	systemPage.Store(t)
	return nil
}

// CARTOf returns a CART holding s in the simulated system's code page, blank-padded:
// the form automation products usually give it. s is cut to 8 characters, and a
// character the code page lacks is '?'.
func CARTOf(s string) [8]byte {
	var c [8]byte
	for i := range c {
		c[i] = ebcdic.Blank
	}
	copy(c[:], page().EncodeSubst(s))
	return c
}
