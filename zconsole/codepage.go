package zconsole

import (
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/go-zos/zconsole/internal/ebcdic"
)

// CodePage is an EBCDIC code page, named by its CCSID: the code page the system's
// consoles use for the text of commands and messages. [SetCodePage] chooses it.
//
// The three differ in seven codes only: '[', ']', '¬', '^', 'Ý' and '¨' have other codes
// in IBM-1047 than in IBM-037 and IBM-1140, and X'9F' is '¤' in IBM-1047 and IBM-037 but
// '€' in IBM-1140. Every other character has the same code in all three: letters,
// digits, the blank, '@', '#' and '$' (so job, console and system names read the same
// whichever is chosen) and '?', which [Substitute] writes as X'6F'.
type CodePage uint16

// The code pages the package supports.
const (
	IBM1047 CodePage = 1047 // Latin-1/Open Systems, z/OS UNIX's code page; the default
	IBM037  CodePage = 37   // USA/Canada: '[' is X'BA' here, X'AD' in IBM-1047
	IBM1140 CodePage = 1140 // IBM-037 with '€' at X'9F', where IBM-037 has '¤'
)

// String returns the code page's IBM name: IBM-1047, IBM-037 or IBM-1140.
func (p CodePage) String() string {
	if t := ebcdic.ByCCSID(int(p)); t != nil {
		return t.String()
	}
	return fmt.Sprintf("CodePage(%d)", uint16(p))
}

// consolePage is the code page SetCodePage chose; nil until then, which is IBM-1047.
var consolePage atomic.Pointer[ebcdic.CodePage]

// SetCodePage says which code page the system's consoles use: [IBM1047] unless it is
// called, or [IBM037] or [IBM1140]. From when it returns, [Put], [Command.Reply] and
// [Ask] encode their text in p, [Wait] and [WaitContext] decode in p each command they
// return (its text and its console's name, the START command's too), and [Task] decodes
// the job and system names in p. [Ask] decodes the operator's reply in the code page its
// question was written in. A character p has no code for is an error ([*CharError]), or
// '?' with [Substitute].
//
// The code page is the process's, not a [Handle]'s: it is the system's, shared by
// every console the program's commands come from and its messages go to, and Put needs
// no handle. SetCodePage is safe to call at any time from any goroutine: each message
// and each command is encoded or decoded whole in one code page, the one in effect when
// its Put, Ask or Reply began or when Wait returns it.
//
// Whether a console lets '[', ']', '¬' and '^' into a command's text at all is
// UNCONFIRMED (IBM changes characters not valid in commands to X'00'; docs/wto.md).
//
// For any other code page SetCodePage returns an error wrapping
// [errors.ErrUnsupported] and changes nothing.
func SetCodePage(p CodePage) error {
	t := ebcdic.ByCCSID(int(p))
	if t == nil {
		return fmt.Errorf("zconsole: code page %d: %w: the consoles' code page is IBM-1047, IBM-037 or IBM-1140", uint16(p), errors.ErrUnsupported)
	}
	consolePage.Store(t)
	return nil
}

// currentPage is the code page in effect: the one SetCodePage chose, or IBM-1047.
func currentPage() *ebcdic.CodePage {
	if t := consolePage.Load(); t != nil {
		return t
	}
	return ebcdic.IBM1047
}
