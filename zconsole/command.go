package zconsole

import (
	"encoding/hex"
	"fmt"

	"github.com/go-zos/zconsole/internal/zc"
)

// Verb says what the operator asked for: the CIB's verb code (CIBVERB).
type Verb uint8

// Verbs, with the CIB codes they stand for.
const (
	Unknown Verb = 0x00           // a code this module does not know; Command.Code holds it
	Start   Verb = zc.VERB_START  // CIBSTART (X'04'): S job,,,parm
	Stop    Verb = zc.VERB_STOP   // CIBSTOP (X'40'): P job
	Modify  Verb = zc.VERB_MODIFY // CIBMODFY (X'44'): F job,text
)

func (v Verb) String() string {
	switch v {
	case Start:
		return "Start"
	case Stop:
		return "Stop"
	case Modify:
		return "Modify"
	}
	return "Unknown"
}

// verbOf maps a CIB verb code to a Verb by equality: X'44' holds the X'04' bit, so a
// bit test would take every MODIFY for a START.
func verbOf(code byte) Verb {
	switch Verb(code) {
	case Start, Stop, Modify:
		return Verb(code)
	}
	return Unknown
}

// CART is a command and response token: 8 bytes an automation product or console sets
// on a command so that it can match the responses. Consoles typing commands leave it 0.
type CART [8]byte

// IsZero reports whether the CART is all zeros (no token).
func (c CART) IsZero() bool { return c == CART{} }

func (c CART) String() string { return "X'" + hex.EncodeToString(c[:]) + "'" }

// Authority is the command authority of the console a command came from.
//
// The CIB extension carries 4 bytes of authority information at offset 4, whose layout
// IBM's public material does not give (UNCONFIRMED). This module reads the third of
// them (CIBX+6) as the level below, following the one published reading (4 for master
// authority); the 4 bytes as found are in [Command.AuthBytes]. Check on your system
// before relying on levels other than master.
type Authority uint8

// Console authority levels, as on the CONSOLE statement's AUTH= (INFO is the least).
const (
	AuthInfo   Authority = 0
	AuthSys    Authority = 1
	AuthIO     Authority = 2
	AuthCons   Authority = 3
	AuthMaster Authority = 4
)

func (a Authority) String() string {
	switch a {
	case AuthInfo:
		return "INFO"
	case AuthSys:
		return "SYS"
	case AuthIO:
		return "IO"
	case AuthCons:
		return "CONS"
	case AuthMaster:
		return "MASTER"
	}
	return fmt.Sprintf("AUTH(%d)", uint8(a))
}

// Permits reports whether a console with authority a may issue a command that needs
// need: INFO is needed by nothing, MASTER permits everything, and SYS, IO and CONS each
// permit only themselves (they are separate groups, not steps).
func (a Authority) Permits(need Authority) bool {
	return need == AuthInfo || a == AuthMaster || a == need
}

// Command is one operator command, read from its CIB and CIB extension.
type Command struct {
	Verb Verb   // what was asked
	Code byte   // CIBVERB as found (the Verb's code, or the unknown one)
	Text string // CIBDATA in the console code page (SetCodePage), trailing blanks removed

	// From the CIB extension (zero when the CIB has none).
	Console   string    // CIBXCNNM, the console name, blanks trimmed
	ConsoleID uint32    // CIBXCNID, the 4-byte console id
	OriginID  uint32    // CIBXOCID, the original console id
	CART      CART      // CIBXCART
	Auth      Authority // see Authority: UNCONFIRMED layout
	AuthBytes [4]byte   // CIBX+4..7 as found

	ASID uint16 // CIBASID (historic)
}

func (c Command) String() string {
	if c.Console != "" {
		return fmt.Sprintf("%s %q from %s", c.Verb, c.Text, c.Console)
	}
	return fmt.Sprintf("%s %q", c.Verb, c.Text)
}
