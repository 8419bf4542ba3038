//go:build zconsolesim

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// simOperator is the operator of the simulated MVS, played by the demo itself with
// package sim's Operator: the lines of a script (-script file), or those a person types
// on standard input, typed at the simulated console, and the console's log on standard
// output as it grows.
type simOperator struct {
	scriptPath string
	waitFor    time.Duration
	op         *sim.Operator
}

func newOperator(fs *flag.FlagSet) operator {
	o := &simOperator{}
	fs.StringVar(&o.scriptPath, "script", "",
		"play the operator script `file` (testdata/operator/*.txt); without it, type console commands on standard input")
	fs.DurationVar(&o.waitFor, "wait", 30*time.Second,
		"how long a script's .wait waits for its message")
	return o
}

func (o *simOperator) view() view { return simView{o} }

// begin starts the job: the operator's first line, S DEMO or S DEMO,,,parameters. The
// rest of the script (or standard input) plays on the operator's goroutine; a script
// that fails while the demo runs stops it (errScript).
func (o *simOperator) begin(out *output, cancel context.CancelCauseFunc) error {
	if o.scriptPath != "" {
		f, err := os.Open(o.scriptPath)
		if err != nil {
			return err
		}
		o.op, err = sim.ScriptOperator(f, o.scriptPath, out.w)
		f.Close()
		if err != nil {
			return err
		}
	} else {
		o.op = sim.NewOperator(os.Stdin, out.w)
		o.op.Note(consoleSource, "the demo: S DEMO,,,'IDLE=60' starts it; F DEMO,HELP lists its commands")
	}
	o.op.SetWaitLimit(o.waitFor)
	o.op.OnFail(func(err error) { cancel(fmt.Errorf("%w: %w", errScript, err)) })
	return o.op.Open()
}

func (o *simOperator) typedStop() (time.Time, bool) {
	if o.op == nil {
		return time.Time{}, false
	}
	return o.op.Stopped()
}

// end ends the operator and returns the error of a script that failed.
func (o *simOperator) end() error {
	if o.op == nil {
		return nil
	}
	return o.op.Close()
}

// consoleSource is who the lines the console says of itself come from.
const consoleSource = "CONSOLE"

// simView is what the simulated console shows: its log, as the operator shows it.
type simView struct{ o *simOperator }

func (v simView) show(io.Writer, string, []string) {
	if v.o.op != nil {
		v.o.op.Show()
	}
}

// received does nothing: the console's log shows the command as typed.
func (simView) received(io.Writer, zconsole.Command) {}

func (v simView) note(w io.Writer, src, text string) {
	if v.o.op == nil {
		writeLine(w, time.Now(), src, text)
		return
	}
	v.o.op.Note(src, text)
}

// asking does nothing: the console shows the question as the demo writes it.
func (simView) asking(string, func()) func() { return func() {} }

// replyID is the reply id of the one WTOR outstanding, as the simulated system tells
// it.
func (simView) replyID() int {
	if ids := sim.Outstanding(); len(ids) == 1 {
		return ids[0]
	}
	return -1
}
