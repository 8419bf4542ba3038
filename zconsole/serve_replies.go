package zconsole

import (
	"errors"
	"log"
	"strconv"
	"strings"
)

// A ReplyFunc answers the operator command cmd with lines of text. Every reply a
// [Server] or its handlers give goes through the one ReplyFunc given to
// [WithReplies]. It is called from the server's goroutines, possibly from several at
// once, and should not block for long.
type ReplyFunc func(cmd Command, lines []string) error

// consoleReplies is the default ReplyFunc: the lines go back to the console that issued
// the command, with its CART ([Command.Reply]), as one multi-line message when they fit
// one (10 lines of 71 characters) and as several otherwise. A character a console
// cannot show becomes '?' rather than cost the operator the answer. A command that
// names no console (a START from JCL, say) is answered in the standard logger.
func consoleReplies(cmd Command, lines []string) error {
	if cmd.Console == "" && cmd.ConsoleID == 0 {
		return logReplies(cmd, lines)
	}
	for len(lines) > 0 {
		n := min(len(lines), maxLines)
		_, err := cmd.Reply(strings.Join(lines[:n], "\n"), Substitute())
		for errors.Is(err, ErrTooLong) && n > 1 { // long lines wrap: send fewer at once
			n /= 2
			_, err = cmd.Reply(strings.Join(lines[:n], "\n"), Substitute())
		}
		if err != nil {
			return err
		}
		lines = lines[n:]
	}
	return nil
}

// logReplies writes each line to the standard logger, naming the console (and the
// CART, when the command has one).
func logReplies(cmd Command, lines []string) error {
	to := "the operator"
	switch {
	case cmd.Console != "":
		to = "console " + cmd.Console
	case cmd.ConsoleID != 0:
		to = "console id " + strconv.FormatUint(uint64(cmd.ConsoleID), 10)
	}
	if !cmd.CART.IsZero() {
		to += " (CART " + cmd.CART.String() + ")"
	}
	for _, l := range lines {
		log.Printf("zconsole: reply to %s: %s", to, l)
	}
	return nil
}

// Message ids of the answers a [Server] and its [Router] give by themselves, in the
// z/OS form: the prefix ZCN, a number, and the type code of MVS messages (I
// information, E eventual action: the operator should correct the command). Each answer
// begins with its id; docs/messages.md lists them all.
const (
	msgBusy       = "ZCN001I" // not run: the backlog is full
	msgForced     = "ZCN002I" // not run: the stop was forced
	msgClosing    = "ZCN003I" // not run: the server is closing
	msgMalformed  = "ZCN004E" // not run: the CIB did not hold together
	msgNotVerb    = "ZCN005E" // a CIB verb the module does not know
	msgFailed     = "ZCN006E" // the handler returned an error
	msgNoCommands = "ZCN007E" // a MODIFY to a program that takes none
	msgStartIgn   = "ZCN008I" // START parameters and no handler for them
	msgHelp       = "ZCN100I" // HELP
	msgUnknown    = "ZCN101E" // no handler for the command word
	msgNoCommand  = "ZCN102E" // MODIFY with no command word
	msgKeyword    = "ZCN103E" // KEY=value where the command word belongs
	msgSyntax     = "ZCN104E" // the text does not parse
	msgAuthority  = "ZCN105E" // the console lacks the authority the command needs
	msgStartBad   = "ZCN106E" // START parameters that do not parse
)
