package serve

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/go-zos/zconsole/zconsole"
)

// Reasons a [Server] stops, for [errors.Is] on the cause of its contexts
// ([context.Cause] of [Server.Context] or [Server.ForceContext]).
var (
	// ErrStopCommand: the operator entered STOP (P job).
	ErrStopCommand = errors.New("zconsole: operator STOP")

	// ErrSignal: the process received one of the signals given to [WithSignals].
	ErrSignal = errors.New("zconsole: signal")

	// ErrIdle: no activity for the period given to [WithIdle] or
	// [Server.SetIdleTimeout].
	ErrIdle = errors.New("zconsole: idle")

	// ErrGraceExpired: the grace period given to [WithGrace] ended before the server
	// had stopped.
	ErrGraceExpired = errors.New("zconsole: grace period ended")

	// ErrForced: the stop was escalated. Every cause of [Server.ForceContext] that the
	// server sets matches it: a second STOP or signal, or the end of the grace period.
	ErrForced = errors.New("zconsole: stop forced")

	// ErrServerClosed: [Server.Close] was called.
	ErrServerClosed = errors.New("zconsole: server closed")
)

// StopError is why a [Server] is stopping: the [context.Cause] of [Server.Context] when
// the server itself cancelled it, and of [Server.ForceContext] when it escalated. Like
// the cause os/signal's NotifyContext sets, it matches [context.Canceled] with
// [errors.Is], so code that checks for cancellation keeps working; it also matches its
// Reason ([ErrStopCommand], [ErrSignal], [ErrIdle], [ErrGraceExpired],
// [ErrServerClosed], or an error wrapping the one that ended the wait for commands,
// such as [zconsole.ErrKilled]), and [ErrForced] when Forced is set.
type StopError struct {
	Reason  error            // what happened; see above
	Forced  bool             // the escalation to a forced stop (a second STOP or signal, or the grace period)
	Command zconsole.Command // the STOP command, for ErrStopCommand
	Signal  os.Signal        // the signal, for ErrSignal
	Period  time.Duration    // the idle period (ErrIdle) or the grace period (ErrGraceExpired)
}

func (e *StopError) Error() string {
	var what string
	switch e.Reason {
	case ErrStopCommand:
		what = "operator STOP"
		if e.Command.Console != "" {
			what += " from console " + e.Command.Console
		}
	case ErrSignal:
		what = "signal"
		if e.Signal != nil {
			what += ": " + e.Signal.String()
		}
	case ErrIdle:
		what = fmt.Sprintf("idle for %v", e.Period)
	case ErrGraceExpired:
		what = fmt.Sprintf("grace period of %v ended", e.Period)
	case ErrServerClosed:
		what = "server closed"
	case nil:
		what = "stopped"
	default:
		return e.Reason.Error()
	}
	if e.Forced {
		if e.Reason != ErrGraceExpired {
			what = "second " + what
		}
		return "zconsole: stop forced: " + what
	}
	return "zconsole: " + what
}

// Is reports whether target is [context.Canceled], or [ErrForced] for an escalation.
func (e *StopError) Is(target error) bool {
	return target == context.Canceled || (e.Forced && target == ErrForced)
}

// Unwrap returns the Reason.
func (e *StopError) Unwrap() error { return e.Reason }
