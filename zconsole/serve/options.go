package serve

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/go-zos/zconsole/internal/hook"
	"github.com/go-zos/zconsole/zconsole"
)

// config is what [New] and [NotifyContext] are told by their options.
type config struct {
	handler    Handler
	replies    ReplyFunc
	idle       time.Duration
	grace      time.Duration
	signals    []os.Signal
	forceExit  bool
	exitCode   int
	workers    int
	backlog    int
	drainLimit int

	flush        func(context.Context) error // WithFlush
	flushTimeout time.Duration
}

func defaultConfig() config {
	return config{replies: consoleReplies, workers: 1, backlog: zconsole.DefaultQueueLimit}
}

// An Option configures [New] and [NotifyContext].
type Option func(*config) error

// WithHandler runs h for each START and MODIFY command. Without it, MODIFY commands
// are answered with ZCN007E (this program takes no commands) and a START with
// parameters is answered as ignored. A
// [*Router] is a Handler.
func WithHandler(h Handler) Option {
	return func(c *config) error {
		if h == nil {
			return fmt.Errorf("zconsole: WithHandler: nil handler")
		}
		c.handler = h
		return nil
	}
}

// WithReplies sends every reply the server and its handlers give (through
// [Request.Reply]) to fn: the answers of the [Router], refusals, and handler errors.
//
// Without it, replies go back to the console that issued the command, with its CART
// ([zconsole.Command.Reply]), a multi-line message for several lines; a command that
// names no console is answered in the standard logger ([log.Default]).
func WithReplies(fn ReplyFunc) Option {
	return func(c *config) error {
		if fn == nil {
			return fmt.Errorf("zconsole: WithReplies: nil function")
		}
		c.replies = fn
		return nil
	}
}

// WithIdle stops the server when nothing happened for d: no operator command arrived,
// no handler finished and the program did not call [Server.Touch]. The cause is a
// [*StopError] matching [ErrIdle]. [Server.SetIdleTimeout] changes d while the server
// runs. A d of 0 (the default) means no idle timeout.
func WithIdle(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("zconsole: WithIdle: negative duration %v", d)
		}
		c.idle = d
		return nil
	}
}

// WithGrace forces the stop when d has passed since the server began to stop (the
// first STOP, signal, idle timeout or Close) and it has not yet stopped: it cancels
// [Server.ForceContext] with a [*StopError] matching [ErrGraceExpired] and
// [ErrForced]. A d of 0 (the default) means no grace limit: only a second STOP or
// signal, or the parent context, forces the stop.
func WithGrace(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("zconsole: WithGrace: negative duration %v", d)
		}
		c.grace = d
		return nil
	}
}

// WithSignals treats the signals sig like STOP: the first stops the server (the
// cause matches [ErrSignal] and names the signal), the next forces the stop. Without
// arguments it means [os.Interrupt] and SIGTERM. While the server runs, these signals
// do not end the process (as with [os/signal.Notify]); when [Server.Close] returns,
// their handling is what it was before.
func WithSignals(sig ...os.Signal) Option {
	return func(c *config) error {
		if len(sig) == 0 {
			sig = defaultSignals()
		}
		c.signals = append([]os.Signal(nil), sig...)
		return nil
	}
}

// WithForceExit makes a forced stop end the process: when a second STOP or signal,
// or the end of the grace period, forces the stop, the server writes the cause to the
// standard logger and calls [os.Exit] with code. Deferred functions do not run, so the
// handle is not closed: the system frees a job's storage when its step ends.
//
// Before it exits, the server is done with the handle as [Server.Close] is: the queue
// limit goes to 0 and each START and MODIFY command still queued is answered as not
// run (ZCN009I); then it runs the function of [WithFlush], if any, up to its deadline.
// It does not wait for running handlers.
//
// Use it when the program cannot be sure its work ends when [Server.ForceContext] is
// done, so that the operator's second STOP (or a second Ctrl-C) always works. A
// cancelled parent context does not end the process.
func WithForceExit(code int) Option {
	return func(c *config) error {
		c.forceExit, c.exitCode = true, code
		return nil
	}
}

// WithWorkers runs at most n handlers at the same time (the default is 1: commands
// are handled one after another, in the order they arrived).
func WithWorkers(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("zconsole: WithWorkers: %d is not a positive count", n)
		}
		c.workers = n
		return nil
	}
}

// WithBacklog sets how many commands wait for a free worker (the default is
// [zconsole.DefaultQueueLimit]). A command that finds the backlog full is not run: the
// server answers that it is busy, as the system answers IEE342I when its own queue is
// full. The server takes commands off the system's queue at once, so that a STOP
// behind them is never delayed; the backlog is where they wait instead.
func WithBacklog(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("zconsole: WithBacklog: negative count %d", n)
		}
		c.backlog = n
		return nil
	}
}

// WithDrainQueueLimit sets the queue limit for MODIFY (as
// [zconsole.Handle.SetQueueLimit]) once the server begins to stop. The default, 0, is
// the system's own rule after a STOP: MODIFY commands are refused with IEE342I while
// the server stops (a second STOP is always accepted). A server that answers commands
// such as STATUS while it drains gives a limit above 0; its handlers go on running
// until [Server.ForceContext] is done.
//
// The drain limit lasts as long as the server takes commands: when the server is done
// with the handle ([Server.Close], the end of a cancelled parent, [WithForceExit]) the
// limit goes back to 0, so that the system refuses later MODIFY commands visibly
// rather than queue them for no one. The handle's own limit ([zconsole.WithQueueLimit])
// comes back only when the program sets it with [zconsole.Handle.SetQueueLimit].
func WithDrainQueueLimit(n int) Option {
	return func(c *config) error {
		if err := hook.CheckQueueLimit("WithDrainQueueLimit:", n); err != nil {
			return err
		}
		c.drainLimit = n
		return nil
	}
}
