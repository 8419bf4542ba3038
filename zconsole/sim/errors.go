package sim

import "github.com/go-zos/zconsole/zconsole/internal/console"

// Errors for [errors.Is].
var (
	// ErrRejected: the system refused the command: the program's queue limit is reached,
	// or a STOP is already queued (IEE342I REJECTED-TASK BUSY); or a START, which needs
	// an address space the simulated system does not have (IEA602I).
	ErrRejected = console.ErrRejected

	// ErrNotActive: the command names a job that is not this one (IEE341I).
	ErrNotActive = console.ErrNotActive

	// ErrInvalid: the text is not a command a console would take: too long, characters
	// a console cannot type, or syntax MVS refuses (IEE305I).
	ErrInvalid = console.ErrInvalid

	// ErrNoStorage: the system had no storage for the command's CIB (storage faults
	// armed with FailStorage).
	ErrNoStorage = console.ErrNoStorage

	// ErrOpen: the system cannot be reset while the program uses it: a zconsole handle
	// is open, or a WTOR awaits its reply. An [Operator] cannot open while another is at
	// the console.
	ErrOpen = console.ErrOpen

	// ErrNotOutstanding: the operator's reply names a reply id no WTOR has. It comes
	// wrapped with [ErrInvalid], as the console refuses the command (IEE305I).
	ErrNotOutstanding = console.ErrNotOutstanding
)
