package zconsole

import (
	"errors"
	"fmt"

	"github.com/go-zos/zconsole/zconsole/c"
)

// errRefused is what the C code's own check of a prepared message failing means: a
// bug here, not the caller's mistake (Go checks every message and argument first).
var errRefused = errors.New("internal error: the C code refused what Go had checked")

// fault gives an error of package c the meaning this package documents: the sentinel
// or [*ServiceError] a caller tests for. An error no sentinel covers (no console in this
// build, EXTRACT above the bar, both wrapping errors.ErrUnsupported) says it all in c's
// words; the caller adds its prefix.
func fault(err error) error {
	var svc *c.SVCError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &svc):
		return &ServiceError{Op: svc.Op, SVC: svc.SVC, RC: svc.RC, Abend: svc.Abend}
	case errors.Is(err, c.ErrNoStorage):
		return ErrNoStorage
	case errors.Is(err, c.ErrNoCOM):
		return ErrNoCOM
	case errors.Is(err, c.ErrInUse):
		return fmt.Errorf("%w: the process already has an open handle", ErrBusy)
	case errors.Is(err, c.ErrClosed):
		return ErrClosed
	case errors.Is(err, c.ErrInvalid):
		return errRefused
	}
	return err
}
