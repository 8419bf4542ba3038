package serve

import (
	"context"
	"errors"

	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/zconsole"
)

// How a server ends its use of the handle so that every command the system accepted
// while it served is run or answered: the queue limit goes to 0 first, so the system
// accepts no MODIFY from then on; then the wait ends, and what the system queued before
// is taken off the chain and answered, not left behind for no one.

// waitEach waits on the handle, giving fn each command (or failure) it returns, until
// the server ends the wait; it returns after a failed wait too, reporting that. A
// WaitContext begun once the wait is ended still returns each command queued, and its
// context's error only when none is (one woken by the end while it slept returns the
// error at once: the next call looks): so when waitEach returns without a failure,
// nothing the system queued before the wait was ended is left.
func (s *Server) waitEach(fn func(waited)) (failed bool) {
	for {
		ended := s.waitCtx.Err() != nil // a WaitContext begun after the end looks at the queue first
		cmd, err := zconsole.WaitContext(s.waitCtx, s.h)
		if err != nil && s.waitCtx.Err() != nil && errors.Is(err, context.Canceled) {
			if !ended { // woken by the end while it slept: look once more
				continue
			}
			return false
		}
		fn(waited{cmd, err})
		if err != nil && !errors.Is(err, zconsole.ErrMalformed) {
			return true
		}
	}
}

// finish ends the server's use of the handle, answering every command still queued:
//
//  1. the queue limit goes to 0, whatever the drain limit or the program set, so that
//     the system refuses MODIFY visibly (IEE342I) rather than queue it for no one;
//  2. the wait ends, and the waiter takes what the system queued before: the loop
//     answers each command as not run, until the waiter returns;
//  3. if a supervisor call had failed and the waiter had given up, the loop tries once
//     more to take what is queued.
//
// After a Kill (or a Close of the handle) no Wait takes anything: what is queued stays
// on the job's chain, as package zconsole documents.
func (l *loop) finish() {
	s := l.s
	if err := s.h.SetQueueLimit(0); err != nil && !errors.Is(err, zconsole.ErrClosed) {
		l.errs = append(l.errs, err)
	}
	s.endWait()
	for w := range l.cmds {
		l.late(w)
	}
	var se *zconsole.ServiceError
	if !errors.As(l.waitErr, &se) { // a Kill, or nothing failed
		return
	}
	var again error
	if s.waitEach(func(w waited) {
		if w.err != nil && !errors.Is(w.err, zconsole.ErrMalformed) {
			again = w.err
			return
		}
		l.late(w)
	}) {
		l.errs = append(l.errs, errwrap.Op("zconsole", "commands still queued were not answered", again))
	}
}

// late answers what the waiter returned once the server stopped taking commands.
func (l *loop) late(w waited) {
	switch {
	case w.err != nil && !errors.Is(w.err, zconsole.ErrMalformed):
		l.waitFailed(w.err)
	case w.cmd.Verb == zconsole.Stop:
		// The server has stopped: what the STOP asks for is done.
	case l.unusable(w):
	default:
		l.refuse(&Request{Command: w.cmd}, msgStopped, "not run: the server has stopped")
	}
}

// waitFailed records that the wait for commands failed with err (the waiter has
// returned), and returns the error Close reports for it.
func (l *loop) waitFailed(err error) error {
	l.waitErr = err
	err = errwrap.Op("zconsole", "wait for commands ended", err)
	l.errs = append(l.errs, err)
	return err
}
