package sim

import (
	"fmt"
	"sync/atomic"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/zconsole"
)

// systemPage is the code page of the simulated system's consoles; nil until
// SetCodePage, which is IBM-1047.
var systemPage atomic.Pointer[ebcdic.CodePage]

// page is the simulated system's code page.
func page() *ebcdic.CodePage {
	if p := systemPage.Load(); p != nil {
		return p
	}
	return ebcdic.IBM1047
}

// pageOf is the table of code page p, or an error wrapping ErrInvalid.
func pageOf(p zconsole.CodePage) (*ebcdic.CodePage, error) {
	t := ebcdic.ByCCSID(int(p))
	if t == nil {
		return nil, fmt.Errorf("%w: code page %d: a console runs in IBM-1047, IBM-037 or IBM-1140", ErrInvalid, uint16(p))
	}
	return t, nil
}
