package sim

import (
	"strings"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/internal/console"
)

// Kind says what a log message is.
type Kind int

// Kinds of log message.
const (
	KindCommand Kind = iota + 1 // an operator command, as the console took it
	KindSystem                  // a system message (IEE342I, IEE341I, …)
	KindAbend                   // a program error the simulator caught
	KindWTO                     // a message the program wrote: WTO or WTOR
)

func (k Kind) String() string {
	switch k {
	case KindCommand:
		return "command"
	case KindSystem:
		return "system"
	case KindAbend:
		return "abend"
	case KindWTO:
		return "wto"
	}
	return "unknown"
}

// Message is one line (or group of lines) of the console log.
type Message struct {
	Seq  uint64    // position in the log, from 1 at Reset
	Time time.Time // when it was logged; zero for a message without a time stamp (zconsole.NoTime)
	Kind Kind
	Text string // the text as the operator sees it: a WTOR with its "@nn " before it,
	// the lines of a multi-line message joined by newlines

	// What a message the program wrote carries (KindWTO), as the system decoded its WPL.
	Job        string        // the job that wrote it
	MsgID      uint32        // the message id the system gave it, which DOM takes
	Lines      []string      // its lines, as written
	Routing    []int         // its routing codes
	Descriptor []int         // its descriptor codes, as the system assigned them
	Console    string        // the console it was sent to by name (CONSNAME=), if any
	ConsoleID  uint32        // the console it was sent to by id (CONSID=), if any
	ToConsole  bool          // Console or ConsoleID was given
	CART       zconsole.CART // its command and response token (zero: none)
	Response   bool          // an immediate command response (MCSFLAG=RESP)
	WTOR       bool          // a question awaiting the operator's reply
	ReplyID    int           // a WTOR's reply id: the nn of R nn,text
	ReplyLen   int           // a WTOR: the most characters of reply it takes
	Deleted    bool          // deleted since it was written (DOM; a WTOR when answered)
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

// messageOf is the console's message m as package sim shows it.
func messageOf(m console.Message) Message {
	return Message{
		Seq: m.Seq, Time: m.Time, Kind: Kind(m.Kind), Text: m.Text,
		Job: m.Job, MsgID: m.MsgID, Lines: m.Lines, Routing: m.Routing, Descriptor: m.Descriptor,
		Console: m.Console, ConsoleID: m.ConsoleID, ToConsole: m.ToConsole, CART: zconsole.CART(m.CART),
		Response: m.Response, WTOR: m.WTOR, ReplyID: m.ReplyID, ReplyLen: m.ReplyLen, Deleted: m.Deleted,
	}
}
