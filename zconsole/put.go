package zconsole

import (
	"errors"
	"fmt"

	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/zconsole/c"
)

// Put writes text to the operator (WTO) and returns the message's id for [Delete].
//
// Text of up to 126 characters with no newline is one line. Longer text, or text with
// newlines, becomes a multi-line message: each newline starts a line, and a line over
// 71 characters is broken at its last blank within 71 (or at 71 if it has none), up to
// the 10 lines a program without APF authorization may write. Text that does not fit
// is refused with an error wrapping [ErrTooLong]; nothing is cut. Trailing newlines are
// dropped and an empty line is written as one blank.
//
// The text is written in the console code page ([SetCodePage]; IBM-1047 by default). A
// character a console cannot show, one the code page lacks among them, is an error
// ([*CharError], wrapping [ErrUnencodable]) that names it and its position, unless
// [Substitute] is given. Options give routing and descriptor codes, a console and a
// CART; bad ones are errors wrapping [ErrInvalidCode] or [ErrOption].
//
// When Put returns a nil error, the system has the message. Put needs no [Handle] and
// is safe for concurrent use.
func Put(text string, opts ...PutOption) (MsgID, error) {
	return write("put", text, opts)
}

// write prepares text with opts, then the caller's own settings (base), and writes it
// (WTO): Put and Command.Reply, named op in the errors.
func write(op, text string, opts []PutOption, base ...PutOption) (MsgID, error) {
	m, _, err := prepare(text, false, opts, base...)
	if err != nil {
		return 0, err
	}
	id, err := c.WTO(&m)
	if err != nil {
		return 0, errwrap.Op("zconsole", op, fault(err))
	}
	shown()
	return MsgID(id), nil
}

// Delete deletes messages this program wrote (DOM, one id at a time): they leave the
// consoles' screens, or never reach them, and stop being retained. A zero MsgID is
// skipped. An id that names no message is not an error: z/OS ignores it. When Delete
// returns, every id it could delete is deleted; the error joins those it could not.
func Delete(ids ...MsgID) error {
	var errs []error
	for _, id := range ids {
		if id == 0 {
			continue
		}
		if err := c.DOM(uint32(id)); err != nil {
			errs = append(errs, errwrap.Op("zconsole", fmt.Sprintf("delete message %d", uint32(id)), fault(err)))
		}
	}
	return errors.Join(errs...)
}
