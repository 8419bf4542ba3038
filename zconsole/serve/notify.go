package serve

import (
	"context"

	"github.com/go-zos/zconsole/zconsole"
)

// NotifyContext returns a copy of parent that is done when the operator stops the job
// (P job), like [os/signal.NotifyContext] for signals: also when the returned stop
// function is called, when parent is done, or for what the options add (a signal with
// [WithSignals], an idle period with [WithIdle]). If STOP (or an option) ended it,
// [context.Cause] returns a [*StopError] that names it ("zconsole: operator STOP from
// console OPER1") and matches [ErrStopCommand] and [context.Canceled].
//
// NotifyContext is [New] with only its first stage in view; every option of New
// applies. Commands go to the [Handler] of [WithHandler]; without one, MODIFY
// commands are answered as not run. A second STOP forces the stop, which only
// [WithForceExit] makes visible here: use New for [Server.ForceContext].
//
// The stop function ends serving as [Server.Close] does: it waits for running handlers,
// answers the commands still queued and joins every goroutine; when it returns, every
// START and MODIFY command the system accepted has been run or answered once, the
// queue limit is 0, and h is open and usable. Call it as soon as the work that uses the
// context is done.
//
// If h cannot be served (closed, killed, served already, an option out of range), the
// returned context is already done, with that error as its cause, and stop does
// nothing.
func NotifyContext(parent context.Context, h *zconsole.Handle, opts ...Option) (ctx context.Context, stop context.CancelFunc) {
	s, err := New(parent, h, opts...)
	if err != nil {
		ctx, cancel := context.WithCancelCause(parent)
		cancel(&StopError{Reason: err})
		return ctx, func() {}
	}
	return s.ctx, func() { _ = s.Close() }
}
