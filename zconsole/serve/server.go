package serve

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/internal/hook"
	"github.com/go-zos/zconsole/timer"
	"github.com/go-zos/zconsole/zconsole"
)

// A Server serves a [zconsole.Handle]: it owns the handle's one [zconsole.Wait], gives
// START and MODIFY commands to a [Handler], and turns the operator's STOP into the
// cancellation of a context, in two stages as operators of MQ, CICS and Liberty expect
// (quiesce, then force):
//
//   - [Server.Context] is done when the server begins to stop: the first STOP, a
//     signal ([WithSignals]), an idle period ([WithIdle]), [Server.Close], a failed
//     wait, or the parent context. The program stops taking new work and drains.
//   - [Server.ForceContext] is done when the stop is forced: a second STOP (the
//     system accepts it once the server has taken the first), a second signal, the
//     end of the grace period ([WithGrace]), or the parent context. Running handlers
//     and the drain give up. [WithForceExit] ends the process instead.
//
// The cause of each ([context.Cause]) is a [*StopError] that says what happened
// ("zconsole: operator STOP from console OPER1", "zconsole: idle for 20s") and
// matches both [context.Canceled] and a reason such as [ErrStopCommand] with
// [errors.Is]. A cancelled parent gives both contexts the parent's cause.
//
// One goroutine waits for the operator and one loop owns all the server's state, as
// in a single select; handlers run on goroutines of their own ([WithWorkers]), so a
// handler that blocks never delays a STOP. [Server.Close] ends the wait and joins every
// goroutine the server started.
//
// While a Server serves a handle, nothing else may Wait on it. When Close returns, the
// handle is open and can be served again or waited on; its queue limit for MODIFY is 0
// (see [WithDrainQueueLimit]), and no START or MODIFY command is left queued on it.
type Server struct {
	h      *zconsole.Handle
	cfg    config
	parent context.Context

	ctx       context.Context
	stop      context.CancelCauseFunc
	force     context.Context
	forceStop context.CancelCauseFunc
	waitCtx   context.Context    // ends the waiter's WaitContext
	endWait   context.CancelFunc //

	sigc      chan os.Signal     // the signals of WithSignals; nil without
	idleC     chan time.Duration // an idle timer fired, with its period
	closing   chan struct{}      // closed by Close
	closeOnce sync.Once
	done      chan struct{} // closed when the loop has returned and joined everything
	err       error         // what Close returns; written before done is closed

	idleMu  sync.Mutex
	idle    atomic.Pointer[timer.Idle] // the pending idle timer, or nil
	idleOff bool                       // the server is stopping: no more idle timers

	replyMu  sync.Mutex
	replyErr error // the first reply that failed
}

// served holds the handles a Server is serving: one Server per handle, because a
// handle takes one Wait at a time. (A process has at most one handle open.)
var served sync.Map

// New starts serving h and returns the running Server: when it returns, the
// server is waiting for the operator, its signals ([WithSignals]) are caught and its
// idle timer ([WithIdle]) runs. Commands go to the [Handler] of [WithHandler].
//
// New fails with an error wrapping [zconsole.ErrClosed] or [zconsole.ErrKilled] for a
// handle that is closed or killed, [zconsole.ErrBusy] if another Server serves h, and
// the error of an option that is out of range.
//
// New panics if parent is nil. The program calls [Server.Close] when it has
// stopped. Cancelling parent stops and
// forces the server at once, and it ends by itself, as Close would end it, once its
// handlers have returned; Close then only reports how it went.
func New(parent context.Context, h *zconsole.Handle, opts ...Option) (*Server, error) {
	if parent == nil {
		panic("zconsole: serve.New with nil Context")
	}
	cfg := defaultConfig()
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if h == nil {
		return nil, errwrap.Op("zconsole", "serve", zconsole.ErrClosed)
	}
	if err := hook.HandleErr(h); err != nil {
		return nil, errwrap.Op("zconsole", "serve", err)
	}
	if _, busy := served.LoadOrStore(h, true); busy {
		return nil, errwrap.Op("zconsole", "serve", fmt.Errorf("%w: a server is already serving this handle", zconsole.ErrBusy))
	}

	s := &Server{
		h: h, cfg: cfg, parent: parent,
		idleC:   make(chan time.Duration, 1),
		closing: make(chan struct{}),
		done:    make(chan struct{}),
	}
	s.ctx, s.stop = context.WithCancelCause(parent)
	s.force, s.forceStop = context.WithCancelCause(parent)
	s.waitCtx, s.endWait = context.WithCancel(context.Background())
	if len(cfg.signals) > 0 {
		s.sigc = make(chan os.Signal, 2)
		signal.Notify(s.sigc, cfg.signals...)
	}
	if cfg.idle > 0 {
		s.SetIdleTimeout(cfg.idle)
	}
	go s.run()
	return s, nil
}

// Context returns the server's context: done when the server begins to stop. Its
// cause is a [*StopError] (or the parent's cause). It is the context a program hands
// to its work, so that the operator's STOP reaches it.
func (s *Server) Context() context.Context { return s.ctx }

// ForceContext returns the context that is done when the stop is forced: a second
// STOP or signal, the end of the grace period, or the parent context; also when
// [Server.Close] has returned. It is the context handlers run with, and the one to
// give a drain ("shut down, but not longer than the operator lets you"). When it is
// done, so is [Server.Context].
func (s *Server) ForceContext() context.Context { return s.force }

// Touch reports activity: it postpones the idle timeout ([WithIdle]) to its full
// period from now. Operator commands and finished handlers count as activity by
// themselves; a program calls Touch for its own work (a request served, a message
// read). Touch is cheap and safe from any goroutine; it does nothing without an idle
// timeout, or once the server is stopping.
func (s *Server) Touch() {
	if i := s.idle.Load(); i != nil {
		i.Touch()
	}
}

// Close stops the server if it is not stopping already (the cause matches
// [ErrServerClosed]) and waits until every running handler has returned (commands
// waiting in the backlog still run, unless the stop is forced). While Close waits, the
// server still takes commands: a second STOP forces the stop, so handlers that honour
// their context return; other commands are answered as not run (ZCN003I).
//
// Then the server is done with the handle. It sets the queue limit for MODIFY to 0, so
// that from then on the system refuses MODIFY visibly (IEE342I) rather than queue it
// for no one; it ends the wait for the operator and takes every command still queued,
// answering each START and MODIFY as not run (ZCN009I) and taking a STOP as done; it
// joins its goroutines and stops catching signals, and it runs the function of
// [WithFlush], if any, and waits for it to return.
//
// When Close returns, every START and MODIFY command the system accepted for the
// program, before or while the server ran, has been run once or answered once, and
// none is left queued: with the limit at 0 the system accepts no more. The function of
// WithFlush has returned. No goroutine of the server is left, both contexts are done,
// and h is open and usable; a program that takes commands again sets its queue limit
// with [zconsole.Handle.SetQueueLimit]. A STOP the operator enters after that is
// accepted (the system takes STOP at any limit) and waits for the program's next Wait.
//
// Two things can leave commands unanswered, and Close reports both: a handle that was
// killed ([zconsole.Kill]), on which no Wait takes anything, so that what is queued
// stays on the job's chain; and a supervisor call that keeps failing. After a failed
// wait the server tries once more to take what is queued; if that fails too, Close
// returns an error that says the commands still queued were not answered, and if the
// limit cannot be set to 0, the error of that.
//
// Close returns the errors the server met on the way (a wait for commands that failed,
// a queue limit that could not be set, the first reply that could not be given, the
// error of the WithFlush function), or nil; a second Close returns the same.
//
// Close waits for handlers: a handler that calls Close never returns.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { close(s.closing) })
	<-s.done
	return s.err
}

// reply answers cmd through the reply function, keeping the first error.
func (s *Server) reply(cmd zconsole.Command, lines ...string) {
	if err := s.cfg.replies(cmd, lines); err != nil {
		s.replyMu.Lock()
		if s.replyErr == nil {
			s.replyErr = errwrap.Op("zconsole", "reply", err)
		}
		s.replyMu.Unlock()
	}
}
