package sim

import (
	"strings"
	"time"
)

// Kind says what a log message is.
type Kind int

// Kinds of log message.
const (
	KindCommand Kind = iota + 1 // an operator command, as the console took it
	KindSystem                  // a system message (IEE342I, IEE341I, …)
	KindAbend                   // a program error the simulator caught
)

func (k Kind) String() string {
	switch k {
	case KindCommand:
		return "command"
	case KindSystem:
		return "system"
	case KindAbend:
		return "abend"
	}
	return "unknown"
}

// Message is one line (or group of lines) of the console log.
type Message struct {
	Seq  uint64    // position in the log, from 1 at Reset
	Time time.Time // when it was logged
	Kind Kind
	Text string // the text as the operator sees it
}

func (m Message) String() string { return m.Text }

// Grep returns the messages whose text contains s, for tests.
func Grep(log []Message, s string) []Message {
	var out []Message
	for _, m := range log {
		if strings.Contains(m.Text, s) {
			out = append(out, m)
		}
	}
	return out
}
