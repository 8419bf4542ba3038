package zconsole

import (
	"fmt"
	"strings"

	"github.com/go-zos/zconsole/internal/ebcdic"
)

// A PutOption configures a message written by [Put], [Command.Reply] or [Ask].
type PutOption func(*putConfig) error

type putConfig struct {
	routes   [16]byte // routing code k = bit k-1 from the left
	descs    [2]byte  // descriptor codes, the same way
	hasRoute bool
	hasDesc  bool

	consName    string
	hasConsName bool
	consID      uint32
	hasConsID   bool
	cart        CART
	hasCART     bool

	subst    bool
	page     *ebcdic.CodePage // the console code page, as configure found it
	replyLen int              // Ask only; 0 until ReplyLength
	resp     bool             // an immediate command response (Command.Reply)
	noTime   bool             // no time stamp (NoTime)
}

// Routing gives the message routing codes: each from 1 to 128. The codes decide which
// consoles show it (1 master console action, 2 master console information, 11
// programmer information, ...). Codes 30-41 are reserved and codes 42-128 (41-128 by
// one IBM page) are for authorized programs; z/OS ignores or refuses them for others.
// Several Routing options add up.
func Routing(codes ...int) PutOption {
	return func(c *putConfig) error {
		if len(codes) == 0 {
			return fmt.Errorf("%w: Routing with no codes", ErrInvalidCode)
		}
		for _, k := range codes {
			if k < 1 || k > 128 {
				return fmt.Errorf("%w: routing code %d is outside 1-128", ErrInvalidCode, k)
			}
			c.routes[(k-1)/8] |= 0x80 >> ((k - 1) % 8)
		}
		c.hasRoute = true
		return nil
	}
}

// Descriptor gives the message descriptor codes, each from 1 to 13: 1 system failure,
// 2 immediate action, 3 eventual action, 4 system status, 5 immediate command response,
// 6 job status, 7 task-related, 8 out-of-line, 9 operator's request, 11 critical
// eventual action, 12 important information, 13 automation. Of 1-6, 11 and 12 at most
// one may be given; 9 only with 8. z/OS gives a problem program's single-line WTO 7
// instead of 1 or 2. Several Descriptor options add up.
func Descriptor(codes ...int) PutOption {
	return func(c *putConfig) error {
		if len(codes) == 0 {
			return fmt.Errorf("%w: Descriptor with no codes", ErrInvalidCode)
		}
		for _, k := range codes {
			if k < 1 || k > 13 {
				return fmt.Errorf("%w: descriptor code %d is outside 1-13", ErrInvalidCode, k)
			}
			c.descs[(k-1)/8] |= 0x80 >> ((k - 1) % 8)
		}
		c.hasDesc = true
		return nil
	}
}

// ToConsole sends the message to the console named name (1 to 8 of A-Z, 0-9, @, #,
// $; lower case is folded), besides any consoles its routing codes reach (CONSNAME=).
// It may not be combined with [ToConsoleID].
func ToConsole(name string) PutOption {
	return func(c *putConfig) error {
		n := strings.ToUpper(name)
		if !consoleNameOK(n) {
			return fmt.Errorf("%w: console name %q is not 1 to 8 of A-Z 0-9 @ # $", ErrOption, name)
		}
		c.consName, c.hasConsName = n, true
		return nil
	}
}

// ToConsoleID sends the message to the console with the 4-byte console id id, as a
// [Command] carries it in ConsoleID (CONSID=). It may not be combined with
// [ToConsole].
func ToConsoleID(id uint32) PutOption {
	return func(c *putConfig) error {
		c.consID, c.hasConsID = id, true
		return nil
	}
}

// WithCART gives the message a command and response token, so that automation can
// match it to the command it answers (CART=). [Command.Reply] sets the command's.
func WithCART(cart CART) PutOption {
	return func(c *putConfig) error {
		c.cart, c.hasCART = cart, true
		return nil
	}
}

// Substitute writes '?' for each character a console cannot show (one the console code
// page lacks, a control character, invalid UTF-8) instead of failing with a
// [*CharError].
func Substitute() PutOption {
	return func(c *putConfig) error {
		c.subst = true
		return nil
	}
}

// NoTime writes the message without a time stamp (MCSFLAG=NOTIME: the WPL's MCS flags
// 2, X'80'), for a message whose time is unknown or already in its text. The simulated
// system logs it with no time; how z/OS shows it on a console and in SYSLOG or OPERLOG
// is UNCONFIRMED here (IBM documents the bit as "do not timestamp this message").
func NoTime() PutOption {
	return func(c *putConfig) error {
		c.noTime = true
		return nil
	}
}

// ReplyLength sets the most characters of the operator's reply that [Ask] takes, 1 to
// 119 (the default). It is for Ask only.
func ReplyLength(n int) PutOption {
	return func(c *putConfig) error {
		if n < 1 || n > maxReply {
			return fmt.Errorf("%w: reply length %d is outside 1-%d", ErrTooLong, n, maxReply)
		}
		c.replyLen = n
		return nil
	}
}

// consoleNameOK reports whether s is a console name: 1 to 8 of A-Z, 0-9, @, #, $.
func consoleNameOK(s string) bool {
	if len(s) < 1 || len(s) > 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if !(ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '@' || ch == '#' || ch == '$') {
			return false
		}
	}
	return true
}

// checkDescriptors applies the rules for combining descriptor codes.
func checkDescriptors(d [2]byte) error {
	has := func(k int) bool { return d[(k-1)/8]&(0x80>>((k-1)%8)) != 0 }
	var excl []int
	for _, k := range []int{1, 2, 3, 4, 5, 6, 11, 12} {
		if has(k) {
			excl = append(excl, k)
		}
	}
	if len(excl) > 1 {
		return fmt.Errorf("%w: descriptor codes %v may not be combined: at most one of 1-6, 11 and 12", ErrInvalidCode, excl)
	}
	if has(9) && !has(8) {
		return fmt.Errorf("%w: descriptor code 9 needs code 8", ErrInvalidCode)
	}
	return nil
}

// configure takes the console code page in effect, applies opts in order, then the
// caller's own settings (base, which may refuse what opts set), and checks how they
// combine.
func configure(opts []PutOption, base ...PutOption) (putConfig, error) {
	c := putConfig{page: currentPage()}
	for _, o := range append(opts, base...) {
		if o == nil {
			continue
		}
		if err := o(&c); err != nil {
			return c, err
		}
	}
	if c.hasConsName && c.hasConsID {
		return c, fmt.Errorf("%w: a console name and a console id may not both be given", ErrOption)
	}
	if c.resp && !c.hasDesc {
		c.descs[0] |= 0x80 >> 4 // code 5: an immediate command response
		c.hasDesc = true
	}
	if err := checkDescriptors(c.descs); err != nil {
		return c, err
	}
	return c, nil
}
