package sim

import (
	"io"
	"time"

	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/zconsole/internal/console"
)

// An Operator is the operator of the simulated system at a console: a person typing
// commands, or an operator script (see "Operator scripts" in the package
// documentation). It types what it is given at the console with [Command], as at a real
// one, and shows the console on a writer as it grows, in the layout of [Transcript]:
// the operator's commands, the system's answers and the program's messages, each
// message the program writes shown before its zconsole call returns. It is the
// simulator's counterpart of golang.org/x/sys/windows/svc/debug: with it, a program
// built with -tags zconsolesim has an operator on any machine.
//
// A program offers one with [NewOperator] or [ScriptOperator] and [Operator.Open]
// before its first zconsole.Init; any program, unmodified, gets one from the
// environment variable ZCONSOLE_OPERATOR (see "The operator's console" in the package
// documentation). One operator is at the console at a time, from Open to Close.
type Operator struct{ c *console.Operator }

// NewOperator returns an operator who types the lines read from in (a person at a
// terminal, with os.Stdin; or any text) and sees the console on out. The lines are
// console commands, and the directives of a script, which a person may type too. The
// end of in is the operator leaving: the console says so, and stops the job with
// P job, unless a STOP was entered already.
func NewOperator(in io.Reader, out io.Writer) *Operator {
	return &Operator{console.NewTerminal(in, out)}
}

// ScriptOperator returns an operator who plays the operator script read in full from
// script, named name in its errors (its path), and shows the console on out. A script
// that does not parse is an error naming the line. When a step of the script fails
// while the job runs (a .wait that sees nothing in time, a command after the job
// ended), the console says so on out and stops the job with P job, unless a STOP was
// entered already or [Operator.OnFail] says otherwise.
func ScriptOperator(script io.Reader, name string, out io.Writer) (*Operator, error) {
	c, err := console.NewScript(script, name, out)
	if err != nil {
		return nil, errwrap.Op("sim", "script", err)
	}
	return &Operator{c}, nil
}

// SetWaitLimit sets how long a .wait waits for its message: 30 seconds unless it is
// called. Call it before Open.
func (o *Operator) SetWaitLimit(d time.Duration) { o.c.SetWaitLimit(d) }

// OnFail makes f what happens when a step of the script fails while the job runs,
// instead of the STOP: f gets the step's error. Call it before Open.
func (o *Operator) OnFail(f func(error)) { o.c.OnFail(f) }

// Open brings the operator to the console: it waits until the operator has started the
// job, then plays the rest of the lines or the script on a goroutine of its own, until
// they end or Close. The first line typed, or the script's first step, must be S job or
// S job,,,parameters: the job starts as with [Start], so that the program's first Wait
// returns the START. A person who types something else is told, and types again.
//
// Open fails when the job was never started (the end of in, a script whose first step
// starts nothing), with an error wrapping [ErrOpen] while another operator is at the
// console, and like [Start] (a zconsole handle open, a name that is no job name).
func (o *Operator) Open() error { return errwrap.Op("sim", "operator", o.c.Open()) }

// Show writes to out what the console shows and out does not show yet. A program
// that writes lines of its own to out calls it first, or writes them with Note.
func (o *Operator) Show() { o.c.Show() }

// Note writes a line of text from src (a name of up to 8 characters: "EVENT", for the
// program's own log) to out in the layout of [Transcript], after what the console shows
// until now, so that the two never interleave.
func (o *Operator) Note(src, text string) { o.c.Note(src, text) }

// Stopped returns the time at which the console took the first STOP the operator
// entered (P job or STOP job), and whether it has taken one.
func (o *Operator) Stopped() (time.Time, bool) { return o.c.Stopped() }

// Close ends the operator: when it returns, the operator types nothing more, and no
// goroutine of the operator's waits for the script. It returns the error of a script
// that failed, or nil; a person's input is not waited for (a line half typed at a
// terminal stays unread). Close may be called more than once; it returns the same
// error each time.
func (o *Operator) Close() error { return o.c.Close() }
