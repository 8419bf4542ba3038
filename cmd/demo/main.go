// Command demo is the origin story's started task, in Go: a server that answers its
// operator and stops at once, when the operator stops it or after an idle period, with
// no thread left sleeping.
//
// It reads its START parameters (S DEMO,,,'IDLE=20,GRACE=10,WORK=5', or the same
// operands as program arguments from PARM), writes DMO001I when it is ready (its
// messages that answer no command are its log, written through zconsole/wtolog:
// log.go), and answers MODIFY commands: F DEMO,STATUS, HELP, SET IDLE=30, WORK 5 (simulated work:
// a timer, not a sleep), CANCEL (which asks first, with a WTOR: R nn,YES) and
// ECHO 'text' (answered on the console that typed it). P DEMO stops it: running work
// may finish for the grace period, a second P DEMO cuts it short at once. With no
// command and no work for the idle period it stops by itself: the idle timer is
// cancelled by a STOP, never waited out. Each event is a timestamped line on standard
// output, the last one the demo's measurement of how long its stop took:
//
//	shutdown: cause=stop rc=0 stop_to_exit_ms=0.512 drain_ms=0.004 close_ms=0.398
//
// Return codes: 0 stopped; 4 stopped, but work was cut short; 8 could not start;
// 12 the simulated operator's script failed.
//
// Built with -tags zconsolesim it runs anywhere, against the simulated MVS, and brings
// package sim's operator to the console itself: commands typed on standard input as at
// an MVS console (the end of input stops the demo), or a script (-script
// testdata/operator/stop.txt; make demo runs two), shown on standard output between the
// demo's own EVENT lines. On z/OS it runs as
// a started task under BPXBATSL: docs/zos.md has the PROC, the build, and a test
// procedure; docs/messages.md the messages.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/go-zos/zconsole/zconsole/serve"
)

// errScript is the cause of a stop that the simulated operator's failed script made.
var errScript = errors.New("the operator's script failed")

// operator is who types the commands. On z/OS it is a person at a console
// (operator_real.go); built with zconsolesim, it is the program itself, playing a
// script or taking commands from standard input (operator_sim.go).
type operator interface {
	// view shows on standard output what the console shows.
	view() view

	// begin readies the console before the demo opens it (with the simulator: the
	// operator starts the job, S DEMO). From then on the operator may end the demo
	// with cancel, if its script fails.
	begin(out *output, cancel context.CancelCauseFunc) error

	// typedStop returns when the console took the operator's first STOP, if known.
	typedStop() (time.Time, bool)

	// end is called when the demo has stopped. It returns the error of a script that
	// failed or did not run to its end.
	end() error
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the demo from its arguments to its return code.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	op := newOperator(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: demo [flags] [IDLE=seconds] [GRACE=seconds] [WORK=seconds]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return rcOK
		}
		return rcUsage
	}
	out := newOutput(stdout, op.view())
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	if err := op.begin(out, cancel); err != nil {
		out.closeLog()
		fmt.Fprintf(stderr, "demo: %v\n", err) // the simulated operator's script
		return rcScript
	}
	set, err := parameters(fs.Args())
	if err != nil {
		return notStarted(out, op, stderr, fmt.Sprintf("%s DEMO not started: PARM %v", msgBadParm, err), true)
	}
	d, err := open(ctx, set, out)
	if err != nil {
		// Without a console at all (not z/OS, not the simulator) there is none to tell.
		console := !errors.Is(err, errors.ErrUnsupported)
		return notStarted(out, op, stderr, fmt.Sprintf("%s DEMO not started: %v", msgNoConsole, err), console)
	}
	rc := d.serve(op.typedStop)
	if err := op.end(); err != nil {
		out.event("operator script: %v", err)
		rc = max(rc, rcScript)
	}
	return rc
}

// notStarted tells standard error, and the operator if console is true, why the demo
// cannot start, and returns its return code.
func notStarted(out *output, op operator, stderr io.Writer, msg string, console bool) int {
	fmt.Fprintln(stderr, msg)
	if console {
		out.put(msg)
	}
	out.closeLog()
	_ = op.end() // a script has nothing to do without the demo
	return rcError
}

// parameters reads the program's arguments (PARM='PGM /path/demo IDLE=30') as
// operands, in the syntax of the START parameters.
func parameters(args []string) (settings, error) {
	ops, err := serve.ParseArgs(strings.Join(args, " "))
	if err != nil {
		return defaultSettings, fmt.Errorf("%s", syntaxProblem(err))
	}
	return defaultSettings.with(ops)
}
