package sim

import "errors"

// Errors for [errors.Is].
var (
	// ErrRejected: the system refused the command (IEE342I REJECTED-TASK BUSY): the
	// program's queue limit is reached, or a STOP is already queued.
	ErrRejected = errors.New("sim: command rejected")

	// ErrNotActive: the command names a job that is not this one (IEE341I).
	ErrNotActive = errors.New("sim: job not active")

	// ErrInvalid: the text is not a command a console would take: too long, characters
	// a console cannot type, or syntax MVS refuses (IEE305I).
	ErrInvalid = errors.New("sim: invalid command")

	// ErrOpen: the system cannot be reset while a zconsole handle is open.
	ErrOpen = errors.New("sim: a zconsole handle is open")
)
