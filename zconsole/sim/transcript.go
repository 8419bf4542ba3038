package sim

import (
	"strings"
)

// Transcript renders a console log the way an operator reads a console's hardcopy:
// one line per line shown, the time (hh:mm:ss.mmm), who it came from (the job for a
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
		src := "SYSTEM"
		switch m.Kind {
		case KindCommand:
			src = "OPER"
		case KindWTO:
			src = m.Job
		}
		lines := strings.Split(m.Text, "\n")
		b.WriteString(m.Time.Format("15:04:05.000"))
		b.WriteByte(' ')
		b.WriteString(pad8(src))
		b.WriteByte(' ')
		b.WriteString(lines[0])
		b.WriteByte('\n')
		for _, l := range lines[1:] {
			b.WriteString(strings.Repeat(" ", len("15:04:05.000 ")+9))
			if m.WTOR {
				b.WriteString("    ") // under the text, not under the @nn
			}
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func pad8(s string) string {
	if len(s) >= 8 {
		return s[:8]
	}
	return s + strings.Repeat(" ", 8-len(s))
}
