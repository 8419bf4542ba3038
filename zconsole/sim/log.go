package sim

import (
	"strings"

	"github.com/go-zos/zconsole/zconsole/internal/console"
)

// Log returns the console log since the last Reset (or Start), oldest first: the
// commands as the console took them, the system's messages, abends the simulator
// caught, and every message the program wrote (KindWTO) with its job name, codes,
// console, CART and lines, marked Deleted once a DOM deleted it. The program's messages
// and the operator's replies are kept as the EBCDIC the system holds and shown in the
// system's code page ([SetCodePage]) as it is when Log is called, as a console shows
// them. Without the simulator the log is empty.
func Log() []Message {
	log := console.Log()
	out := make([]Message, len(log))
	for i, m := range log {
		out[i] = messageOf(m)
	}
	return out
}

// Transcript renders a console log the way an operator reads a console's hardcopy:
// one line per line shown, the time (hh:mm:ss.mmm; blanks for a message written without
// a time stamp, [zconsole.NoTime]), who it came from (the job for a
// message the program wrote, OPER for a command typed at a console, SYSTEM for the
// system's own messages and the abends the simulator caught) and the text. A WTOR
// shows its reply id (@nn) before the question; the further lines of a multi-line
// message follow under the first, indented.
//
//	14:03:07.114 OPER     S DEMO,,,'IDLE=20'
//	14:03:07.120 DEMO     DEMO001I STARTED
//	14:03:07.121 DEMO     @01 DEMO002A CONTINUE? REPLY YES OR NO
//	14:03:09.010 OPER     R 01,YES
//	14:03:09.010 SYSTEM   IEE600I REPLY TO 01 IS;YES
func Transcript(log []Message) string {
	var b strings.Builder
	for _, m := range log {
		console.WriteEntry(&b, m.Time, console.Source(console.Kind(m.Kind), m.Job), m.Text, m.WTOR)
	}
	return b.String()
}
