package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/wtolog"
)

// output is where the demo says what happens, in the order it happens: the messages it
// writes to the operator (its log through wtolog, command responses, the WTOR of
// CANCEL) and its own log of events, one line each on standard output, laid out as the simulator's console
// transcript ([sim.Transcript]): the time to the millisecond, who, and the text.
//
//	14:03:07.120 DEMO     DMO001I DEMO ready: F DEMO,HELP lists the commands
//	14:03:09.010 EVENT    stopping: zconsole: operator STOP from console OPER1
//
// Every write to the console goes through output, so that the [view] can show it.
// output is safe for concurrent use.
type output struct {
	mu   sync.Mutex
	w    io.Writer
	view view
	job  string // the job name, once the console is open

	logs *wtolog.Handler // the demo's log on the console (log.go)
	log  *slog.Logger    // through logs
}

// view shows on standard output what the operator's console shows. With the simulated
// MVS (operator_sim.go) it is the console log itself: the operator's commands, the
// system's messages and the demo's, as the simulated system took them. On z/OS, where
// the console is the operator's own (operator_real.go), it is what the demo wrote (its
// log's records as logged, those the rate limit kept off the console among them) and
// the commands it received.
type view interface {
	// show writes what is new on the console: the lines of the message the demo just
	// wrote (none when it only needs the view brought up to date). It is called with
	// the output's lock held.
	show(w io.Writer, job string, wrote []string)

	// received shows a command the demo was given. It is called with the output's
	// lock held.
	received(w io.Writer, cmd zconsole.Command)

	// note writes a line from src that is not a message on the console (an event of the
	// demo's own), after what the console shows until now. It is called with the
	// output's lock held.
	note(w io.Writer, src, text string)

	// asking is called as the demo puts a question to the operator (WTOR): it calls
	// shown when the question is on the console, at once or from a goroutine of its
	// own. The function it returns is called once the question is answered or
	// withdrawn; when that function returns, shown is not running and will not be
	// called.
	asking(question string, shown func()) (done func())

	// replyID returns the reply id of the demo's outstanding question (the demo asks
	// one at a time), or -1 when none is outstanding or the demo cannot know it: a
	// program is not told its WTOR's reply id on z/OS.
	replyID() int
}

// eventSource is who an event line comes from: the demo's own log.
const eventSource = "EVENT"

// newOutput returns the demo's output to w, shown through v, with its log on the
// console (log.go) ready; closeLog ends it.
func newOutput(w io.Writer, v view) *output {
	o := &output{w: w, view: v}
	o.openLog()
	return o
}

// setJob names the job, for the lines of messages the demo writes.
func (o *output) setJob(job string) {
	o.mu.Lock()
	o.job = job
	o.mu.Unlock()
}

// event writes a line of the demo's own log, after what the console shows until now.
func (o *output) event(format string, args ...any) {
	o.note(eventSource, format, args...)
}

// note writes a line from src that is not a message on the console (an event of the
// demo's own), after what the console shows until now.
func (o *output) note(src, format string, args ...any) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.view.note(o.w, src, fmt.Sprintf(format, args...))
}

// wrote shows a message the demo has written.
func (o *output) wrote(text string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.view.show(o.w, o.job, strings.Split(text, "\n"))
}

// received shows a command the demo was given.
func (o *output) received(cmd zconsole.Command) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.view.received(o.w, cmd)
}

// reply is the demo's serve.ReplyFunc: every answer to a command, the demo's own
// and those of the server and its router (ZCN...), goes back to the console that
// issued it, with its CART, as one message (a command response). A command that names
// no console is answered by an ordinary WTO. The log records written before the
// answer are on the console before it, unless writing them takes longer than
// replyFlushWait (flushLog).
func (o *output) reply(cmd zconsole.Command, lines []string) error {
	o.flushLog(replyFlushWait)
	text := strings.Join(lines, "\n")
	var err error
	if cmd.Console == "" && cmd.ConsoleID == 0 {
		_, err = zconsole.Put(text, zconsole.Substitute())
	} else {
		_, err = cmd.Reply(text, zconsole.Substitute())
	}
	if err != nil {
		o.event("answer to %s not written: %v: %s", cmd.Verb, err, text)
		return err
	}
	o.wrote(text)
	return nil
}

// ask puts a question to the operator (WTOR) and waits for the reply, as
// [zconsole.Ask] does; the view shows the question once it is on the console.
func (o *output) ask(ctx context.Context, h *zconsole.Handle, question string) (string, error) {
	done := o.view.asking(question, func() { o.wrote(question) })
	defer done()
	return zconsole.Ask(ctx, h, question)
}

// replyID is the reply id of the demo's outstanding question, or -1 (see view).
func (o *output) replyID() int { return o.view.replyID() }

// writeLine writes one entry of the transcript: the time, who (8 wide) and the text;
// further lines of the text follow under the first, indented.
func writeLine(w io.Writer, t time.Time, src, text string) {
	lines := strings.Split(text, "\n")
	var b strings.Builder
	b.WriteString(t.Format("15:04:05.000"))
	b.WriteByte(' ')
	b.WriteString(src)
	if pad := 8 - len(src); pad > 0 {
		b.WriteString(strings.Repeat(" ", pad))
	}
	b.WriteByte(' ')
	b.WriteString(lines[0])
	b.WriteByte('\n')
	for _, l := range lines[1:] {
		b.WriteString(strings.Repeat(" ", len("15:04:05.000 ")+9))
		b.WriteString(l)
		b.WriteByte('\n')
	}
	_, _ = io.WriteString(w, b.String())
}
