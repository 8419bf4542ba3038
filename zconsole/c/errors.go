package c

import (
	"errors"
	"fmt"
)

// Errors of the calls, for [errors.Is]. Their text has no prefix: a caller wraps them
// with its own.
var (
	// ErrNoStorage: no 31-bit storage could be obtained.
	ErrNoStorage = errors.New("no 31-bit storage")

	// ErrNoCOM: EXTRACT FIELDS=COMM found no communications area for the job.
	ErrNoCOM = errors.New("no communications area")

	// ErrInUse: Init while the process has a work area open: the communications area
	// belongs to the job, so a process has one.
	ErrInUse = errors.New("the process already has an open work area")

	// ErrClosed: the work area, or the WTOR's block, is not live (Term or Ask.End has
	// released it, or it never was one).
	ErrClosed = errors.New("the work area is not open")

	// ErrInvalid: an argument out of range, or a message the C code refuses to lay out
	// (Go checks every one before; the C checks again).
	ErrInvalid = errors.New("argument out of range")
)

// SVCError reports a supervisor call that failed: which one, used how, and its return
// code.
type SVCError struct {
	Op    string // the service as coded: "QEDIT CIBCTR=", "WAIT", "EXTRACT FIELDS=COMM", …
	SVC   int    // the supervisor call number
	RC    int    // the return code from R15 (0 for an abend)
	Abend int    // the completion code of an abend the simulator caught, else 0
}

func (e *SVCError) Error() string {
	if e.Abend != 0 {
		return fmt.Sprintf("%s (SVC %d): abend S%03X", e.Op, e.SVC, e.Abend)
	}
	return fmt.Sprintf("%s (SVC %d): RC=%d", e.Op, e.SVC, e.RC)
}
