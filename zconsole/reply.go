package zconsole

import "fmt"

// Reply answers the command on the console that issued it: a WTO with that console's
// id (or, when the command carries no id, its name), the command's CART, descriptor
// code 5 (immediate command response) unless [Descriptor] says otherwise, and the
// command-response flag, as IBM's programs answer a MODIFY (CONSID=CIBXCNID,
// CART=CIBXCART). Text and options are as for [Put]; [ToConsole], [ToConsoleID] and
// [WithCART] may not be given (an error wrapping [ErrOption]). A command that names no console (no CIB extension) gets an error
// wrapping [ErrNoConsole].
func (c Command) Reply(text string, opts ...PutOption) (MsgID, error) {
	return write("reply", text, opts, replyTo(c))
}

// replyTo directs a message to the console that issued c, with its CART. It comes after
// the caller's options, and refuses those that would send the reply elsewhere.
func replyTo(c Command) PutOption {
	return func(p *putConfig) error {
		if p.hasConsID || p.hasConsName || p.hasCART {
			return fmt.Errorf("%w: a reply goes to the issuing console with its CART: ToConsole, ToConsoleID and WithCART may not be given", ErrOption)
		}
		switch {
		case c.ConsoleID != 0:
			p.consID, p.hasConsID = c.ConsoleID, true
		case c.Console != "" && consoleNameOK(c.Console):
			p.consName, p.hasConsName = c.Console, true
		default:
			return fmt.Errorf("%w: the %s command carries no console id or name", ErrNoConsole, c.Verb)
		}
		p.cart, p.hasCART = c.CART, true
		p.resp = true
		return nil
	}
}
