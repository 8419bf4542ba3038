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

	// ErrNoStorage: the system had no storage for the command's CIB (storage faults
	// armed with FailStorage).
	ErrNoStorage = errors.New("sim: no system storage")

	// ErrOpen: the system cannot be reset while the program uses it: a zconsole handle
	// is open, or a WTOR awaits its reply.
	ErrOpen = errors.New("sim: the system is in use")
)
