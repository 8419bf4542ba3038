package zconsole

import (
	"errors"
	"fmt"
)

// Sentinel errors, for [errors.Is].
var (
	// ErrKilled: the handle was killed. Every Wait after Kill returns it, at once,
	// until Close.
	ErrKilled = errors.New("zconsole: killed")

	// ErrClosed: the handle is closed (or nil).
	ErrClosed = errors.New("zconsole: handle closed")

	// ErrBusy: the resource is held. A Wait while another Wait on the same handle
	// is blocked, and an Init while the process already has an open handle.
	ErrBusy = errors.New("zconsole: busy")

	// ErrNoCOM: EXTRACT FIELDS=COMM found no communications area for the job.
	ErrNoCOM = errors.New("zconsole: no communications area")

	// ErrNoStorage: no 31-bit storage could be obtained.
	ErrNoStorage = errors.New("zconsole: no 31-bit storage")

	// ErrMalformed: a CIB did not hold together (a length or offset out of range).
	// The command is returned as far as it could be read.
	ErrMalformed = errors.New("zconsole: malformed CIB")
)

// ServiceError reports a z/OS service that failed: which one, used how, and its return
// code. Use [errors.As] to read it.
type ServiceError struct {
	Op    string // the service as coded: "QEDIT CIBCTR=", "WAIT", "EXTRACT FIELDS=COMM", …
	SVC   int    // the supervisor call number
	RC    int    // the return code from R15
	Abend int    // the completion code of an abend the simulator caught, else 0
}

func (e *ServiceError) Error() string {
	if e.Abend != 0 {
		return fmt.Sprintf("zconsole: %s (SVC %d): abend S%03X", e.Op, e.SVC, e.Abend)
	}
	return fmt.Sprintf("zconsole: %s (SVC %d): RC=%d", e.Op, e.SVC, e.RC)
}
