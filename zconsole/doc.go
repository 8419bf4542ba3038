// Package zconsole gives a Go program on z/OS its operator console: the parameters of
// START (S job,,,'parm'), the text of MODIFY (F job,text), and STOP (P job), through
// the documented EXTRACT / QEDIT protocol, with a wait that [Kill] ends at once.
//
// A program opens the console with [Init], takes commands with [Wait] or
// [WaitContext], and ends a blocked wait from any goroutine with [Kill] (or by
// cancelling the context):
//
//	h, err := zconsole.Init()
//	if err != nil { ... }
//	defer h.Close()
//	for {
//		cmd, err := zconsole.Wait(h)
//		if err != nil { ... } // zconsole.ErrKilled after Kill
//		switch cmd.Verb {
//		case zconsole.Start:  // the START parameters: cmd.Text
//		case zconsole.Modify: // F job,text: cmd.Text, cmd.Console, cmd.CART
//		case zconsole.Stop:   // P job
//		}
//	}
//
// # Serving
//
// This package is the binding: a program that calls [Wait] owns its loop. Package
// [github.com/go-zos/zconsole/zconsole/serve] is that loop written once on top of it:
// it owns a handle's Wait, runs MODIFY commands by their command word, and turns STOP,
// signals and idle periods into the cancellation of a context, in two stages. A program
// that only waits does not link it. The design is in docs/serving.md.
//
// # Writing to the operator
//
// [Put] writes a message (WTO) with routing and descriptor codes, one line or several,
// with the system's time stamp or without one ([NoTime]);
// [Command.Reply] answers a command on the console that issued it, with its CART; [Ask]
// puts a question (WTOR) and waits for the reply, until the context ends or [Kill];
// [Delete] removes messages (DOM); [Task] names the job. The layout of the parameter list
// and its sources are in docs/wto.md.
//
// # Code page
//
// Commands and messages are EBCDIC in the code page the system's consoles use:
// IBM-1047 unless [SetCodePage] says [IBM037] or [IBM1140]. The setting is the
// process's and covers both ways: the text of commands, the console names, messages and
// the operator's replies.
//
// # Build tags
//
// On z/OS with cgo, the package issues the supervisor calls itself. Built with the tag
// zconsolesim (on any platform, with cgo) it talks to a simulated MVS instead, which
// package [github.com/go-zos/zconsole/zconsole/sim] drives from the operator's side.
// Anywhere else it compiles, and [Init] returns an error wrapping
// [errors.ErrUnsupported].
//
// # Rules the package keeps
//
// Commands arrive in order, each once. A command is either delivered or refused
// visibly by the system (IEE342I to the operator). One handle per process; one Wait per
// handle at a time. Kill is idempotent and safe at any time; Close never frees storage
// under a blocked Wait, or under the system's WAIT.
//
// # How a Wait waits
//
// The caller of Wait sleeps in Go, not in the system. Wait takes a queued command
// itself (a short call into C: copy the command's CIB, free it with QEDIT); when none
// is queued it yields its processor and looks again, twice, and then sleeps on a
// channel, behind one goroutine per handle that sits in the system's WAIT and only
// reports that a command may have come. So a command leaves the system's queue only for
// a Wait that returns it, and Kill or a done context ends a Wait with a Go wake-up, a
// fraction of a thread's; the POST that ends the system's WAIT comes after, and Close
// waits for it.
package zconsole
