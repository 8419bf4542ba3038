//go:build cgo && (zos || zconsolesim)

package zconsole

import (
	"errors"
	"fmt"

	"github.com/go-zos/zconsole/zconsole/c"
)

// The platform seam over package c: z/OS, or the simulated MVS.

const copyMax = c.CopyMax

func sysErr(r c.Result, f c.Fault) error {
	switch r {
	case c.OK, c.Command, c.Killed, c.Interrupted:
		return nil
	case c.FailSVC:
		e := &ServiceError{Op: f.OpName(), SVC: int(f.SVC), RC: int(f.RC)}
		if f.RC&c.RCAbend != 0 {
			e.RC = 0
			e.Abend = int(f.RC &^ c.RCAbend)
		}
		return e
	case c.NoStorage:
		return ErrNoStorage
	case c.NoCOM:
		return ErrNoCOM
	case c.InUse:
		return fmt.Errorf("%w: the process already has an open handle", ErrBusy)
	case c.BadArea:
		return ErrClosed
	case c.AboveBar:
		return fmt.Errorf("%s (SVC %d) needs AMODE 31, and this program's code runs above the 2 GiB bar (bound RMODE 64): bind it RMODE 31 or ANY: %w",
			f.OpName(), f.SVC, errors.ErrUnsupported)
	}
	return fmt.Errorf("zconsole: internal error: result %d", int(r))
}

func sysInit(limit int, buf []byte) (area, int, error) {
	a, cp, r, f := c.Init(limit, buf)
	return area(a), int(cp.Len), sysErr(r, f)
}

// waitOut is the storage a Wait hands C for its results, kept in the Handle so that a
// Wait does not allocate it each time.
type waitOut = c.WaitOut

func sysWait(a area, buf []byte, o *waitOut) (int, outcome, error) {
	cp, r, f := o.Wait(c.Area(a), buf)
	switch r {
	case c.Command:
		return int(cp.Len), gotCommand, nil
	case c.Killed:
		return 0, gotKill, nil
	case c.Interrupted:
		return 0, gotInterrupt, nil
	}
	return 0, gotError, sysErr(r, f)
}

func sysKill(a area) error      { return sysErr(c.Kill(c.Area(a))) }
func sysInterrupt(a area) error { return sysErr(c.Interrupt(c.Area(a))) }
func sysClearInterrupt(a area)  { c.ClearInterrupt(c.Area(a)) }
func sysSetLimit(a area, n int) error {
	return sysErr(c.SetLimit(c.Area(a), n))
}
func sysTerm(a area) error { return sysErr(c.Term(c.Area(a))) }
