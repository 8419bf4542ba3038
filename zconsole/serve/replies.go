package serve

import (
	"errors"
	"log"
	"strconv"
	"strings"

	"github.com/go-zos/zconsole/internal/hook"
	"github.com/go-zos/zconsole/zconsole"
)

// A ReplyFunc answers the operator command cmd with lines of text. Every reply a
// [Server] or its handlers give goes through the one ReplyFunc given to
// [WithReplies]. It is called from the server's goroutines, possibly from several at
// once, and should not block for long.
type ReplyFunc func(cmd zconsole.Command, lines []string) error

// consoleReplies is the default ReplyFunc: the lines go back to the console that
// issued the command, with its CART ([zconsole.Command.Reply]), as one multi-line
// message when they fit one (hook.MaxLines lines of 71 characters) and as several
// otherwise. A character a console cannot show becomes '?' rather than cost the
// operator the answer. A command that names no console (a START from JCL, say) is
// answered in the standard logger.
func consoleReplies(cmd zconsole.Command, lines []string) error {
	if cmd.Console == "" && cmd.ConsoleID == 0 {
		return logReplies(cmd, lines)
	}
	for len(lines) > 0 {
		n := min(len(lines), hook.MaxLines)
		_, err := cmd.Reply(strings.Join(lines[:n], "\n"), zconsole.Substitute())
		for errors.Is(err, zconsole.ErrTooLong) && n > 1 { // long lines wrap: send fewer at once
			n /= 2
			_, err = cmd.Reply(strings.Join(lines[:n], "\n"), zconsole.Substitute())
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
func logReplies(cmd zconsole.Command, lines []string) error {
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
