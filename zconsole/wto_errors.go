package zconsole

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Sentinel errors of console output ([Put], [Command.Reply], [Ask], [Delete]), for
// [errors.Is].
var (
	// ErrInvalidCode: a routing code outside 1-128, a descriptor code outside 1-13, or
	// descriptor codes that may not be combined. It is a case of [ErrOption]: an error
	// that matches it matches ErrOption too.
	ErrInvalidCode error = &subError{"zconsole: invalid routing or descriptor code", ErrOption}

	// ErrTooLong: the text does not fit the message: more than 10 lines of 71
	// characters, a WTOR question over 122 characters or of more than one line, or a
	// reply length outside 1-119. Nothing is ever cut to make it fit.
	ErrTooLong = errors.New("zconsole: message too long")

	// ErrNoText: the message has no text.
	ErrNoText = errors.New("zconsole: empty message")

	// ErrUnencodable: a character a console cannot show: one the console code page
	// ([SetCodePage]) lacks, a control character, or invalid UTF-8. The error is a
	// [*CharError] naming it.
	ErrUnencodable = errors.New("zconsole: character a console cannot show")

	// ErrNoConsole: [Command.Reply] on a command that names no console to answer.
	ErrNoConsole = errors.New("zconsole: no console to reply to")

	// ErrOption: an option that is out of range or conflicts with another.
	ErrOption = errors.New("zconsole: invalid option")
)

// subError is a sentinel that is a special case of another, its parent: [errors.Is]
// matches both.
type subError struct {
	msg    string
	parent error
}

func (e *subError) Error() string { return e.msg }
func (e *subError) Unwrap() error { return e.parent }

// CharError reports a character of a message that a console cannot show. It wraps
// [ErrUnencodable]. [Substitute] writes '?' for such characters instead.
type CharError struct {
	Rune     rune     // the character (utf8.RuneError for invalid UTF-8)
	Pos      int      // its position in the text, counted in characters from 0
	CodePage CodePage // the code page the text was being written in
}

func (e *CharError) Error() string {
	switch {
	case e.Rune == utf8.RuneError:
		return fmt.Sprintf("zconsole: invalid UTF-8 or U+FFFD at position %d", e.Pos)
	case isControl(e.Rune):
		return fmt.Sprintf("zconsole: control character %U at position %d cannot be shown on a console", e.Rune, e.Pos)
	}
	return fmt.Sprintf("zconsole: character %q (%U) at position %d has no %s encoding", e.Rune, e.Rune, e.Pos, e.CodePage)
}

func (e *CharError) Unwrap() error { return ErrUnencodable }
