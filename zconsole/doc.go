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
// under a blocked Wait.
package zconsole
