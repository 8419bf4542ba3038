package console

import (
	"strings"
	"time"
)

// Kind says what a log message is (package sim's Kind, with the same values).
type Kind int

// Kinds of log message.
const (
	KindCommand Kind = iota + 1 // an operator command, as the console took it
	KindSystem                  // a system message (IEE342I, IEE341I, …)
	KindAbend                   // a program error the simulator caught
	KindWTO                     // a message the program wrote: WTO or WTOR
)

// Message is one line (or group of lines) of the console log: package sim's Message,
// with the CART as bytes.
type Message struct {
	Seq        uint64
	Time       time.Time
	Kind       Kind
	Text       string
	Job        string
	MsgID      uint32
	Lines      []string
	Routing    []int
	Descriptor []int
	Console    string
	ConsoleID  uint32
	ToConsole  bool
	CART       [8]byte
	Response   bool
	NoTime     bool
	WTOR       bool
	ReplyID    int
	ReplyLen   int
	Deleted    bool
}

// Source is who a message comes from, as a transcript shows it: the job for a message
// the program wrote, OPER for a command typed at a console, SYSTEM for the system's own
// messages and the abends the simulator caught.
func Source(k Kind, job string) string {
	switch k {
	case KindCommand:
		return "OPER"
	case KindWTO:
		return job
	}
	return "SYSTEM"
}

// WriteEntry writes one entry of a transcript: the time (hh:mm:ss.mmm, blanks for a
// message without one), who it came from (8 wide) and the text; further lines of the
// text follow under the first, indented, under the question's text for a WTOR (past its
// "@nn ").
func WriteEntry(b *strings.Builder, at time.Time, src, text string, wtor bool) {
	lines := strings.Split(text, "\n")
	if at.IsZero() {
		b.WriteString(strings.Repeat(" ", len("15:04:05.000")))
	} else {
		b.WriteString(at.Format("15:04:05.000"))
	}
	b.WriteByte(' ')
	b.WriteString(pad8(src))
	b.WriteByte(' ')
	b.WriteString(lines[0])
	b.WriteByte('\n')
	for _, l := range lines[1:] {
		b.WriteString(strings.Repeat(" ", len("15:04:05.000 ")+9))
		if wtor {
			b.WriteString("    ")
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
}

// Transcript renders log as package sim's Transcript does.
func Transcript(log []Message) string {
	var b strings.Builder
	for _, m := range log {
		WriteEntry(&b, m.Time, Source(m.Kind, m.Job), m.Text, m.WTOR)
	}
	return b.String()
}

func pad8(s string) string {
	if len(s) >= 8 {
		return s[:8]
	}
	return s + strings.Repeat(" ", 8-len(s))
}
