//go:build cgo && (zos || zconsolesim)

package c

/*
#cgo CFLAGS: -O2 -g -Wall -Wextra
#include "zc.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"
)

// The calls into protocol.c, and the one place a C result becomes a Go error.

// takeOut is what a Take hands the C for its results.
type takeOut struct {
	cp C.zc_copy
	f  C.zc_fault
}

func bufPtr(b []byte) *C.uchar { return (*C.uchar)(unsafe.Pointer(unsafe.SliceData(b))) }

func copyOf(c *C.zc_copy) Copy {
	return Copy{Len: int(c.len), Extent: int(c.ext), Addr: uint32(c.addr), Verb: uint8(c.verb)}
}

// opNames names each use of an SVC (zc_fault.op) as the macro would be coded.
var opNames = map[C.uint32_t]string{
	C.ZC_OP_EXTRACT:     "EXTRACT FIELDS=COMM",
	C.ZC_OP_QEDIT_FREE:  "QEDIT BLOCK=",
	C.ZC_OP_QEDIT_LIMIT: "QEDIT CIBCTR=",
	C.ZC_OP_WAIT:        "WAIT",
	C.ZC_OP_POST:        "POST",
	C.ZC_OP_WTO:         "WTO",
	C.ZC_OP_DOM:         "DOM",
	C.ZC_OP_WTOR:        "WTOR",
	C.ZC_OP_WTOR_WAIT:   "WAIT (WTOR)",
	C.ZC_OP_WTOR_CANCEL: "POST (WTOR cancel)",
}

// errOf is the error a C call's result r means, with its fault f: nil for a result that
// is no failure.
func errOf(r C.int, f *C.zc_fault) error {
	if r >= C.ZC_OK {
		return nil
	}
	switch r {
	case C.ZC_ESVC:
		op, ok := opNames[f.op]
		if !ok {
			op = "SVC"
		}
		e := &SVCError{Op: op, SVC: int(f.svc), RC: int(f.rc)}
		if f.rc&C.ZC_RC_ABEND != 0 {
			e.RC, e.Abend = 0, int(f.rc&^C.ZC_RC_ABEND)
		}
		return e
	case C.ZC_EABOVEBAR:
		return fmt.Errorf("%s (SVC %d) needs AMODE 31, and this program's code runs above the 2 GiB bar (bound RMODE 64): bind it RMODE 31 or ANY: %w",
			opNames[f.op], f.svc, errors.ErrUnsupported)
	case C.ZC_ENOMEM:
		return ErrNoStorage
	case C.ZC_ENOCOM:
		return ErrNoCOM
	case C.ZC_EBADAREA:
		return ErrClosed
	case C.ZC_EINVAL:
		return ErrInvalid
	}
	return fmt.Errorf("result %d of the C code", int(r))
}

func zcInit(limit int, buf []byte) (Area, int, error) {
	var area C.uint32_t
	var cp C.zc_copy
	var f C.zc_fault
	r := C.zc_init(C.uint32_t(limit), &area, bufPtr(buf), C.uint32_t(len(buf)), &cp, &f)
	return Area(area), int(cp.len), errOf(r, &f)
}

func zcTake(o *takeOut, a Area, buf []byte) (Copy, bool, error) {
	r := C.zc_take(C.uint32_t(a), bufPtr(buf), C.uint32_t(len(buf)), &o.cp, &o.f)
	switch r {
	case C.ZC_COMMAND:
		return copyOf(&o.cp), true, nil
	case C.ZC_OK:
		return Copy{}, false, nil
	}
	if err := errOf(r, &o.f); err != nil {
		return Copy{}, false, err
	}
	return Copy{}, false, fmt.Errorf("result %d of zc_take", int(r))
}

func zcWatch(a Area) (Wake, error) {
	var f C.zc_fault
	r := C.zc_watch(C.uint32_t(a), &f)
	switch r {
	case C.ZC_QUEUED:
		return WokeQueued, nil
	case C.ZC_KILLED:
		return WokeKill, nil
	}
	if err := errOf(r, &f); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("result %d of zc_watch", int(r))
}

func zcKill(a Area) error {
	var f C.zc_fault
	return errOf(C.zc_kill(C.uint32_t(a), &f), &f)
}

func zcSetLimit(a Area, n int) error {
	var f C.zc_fault
	return errOf(C.zc_set_limit(C.uint32_t(a), C.uint32_t(n), &f), &f)
}

func zcTerm(a Area) error {
	var f C.zc_fault
	return errOf(C.zc_term(C.uint32_t(a), &f), &f)
}
