//go:build cgo && (zos || zconsolesim)

package c

/*
#cgo CFLAGS: -O2 -g -Wall -Wextra
#include "zc.h"
*/
import "C"

import (
	"sync/atomic"
	"unsafe"
)

// Result is what a protocol call reports.
type Result int

// Results of the protocol calls; the negative ones are failures.
const (
	OK          Result = C.ZC_OK
	Command     Result = C.ZC_COMMAND     // Wait: a command was copied out
	Killed      Result = C.ZC_KILLED      // Wait: the kill ECB is posted
	Interrupted Result = C.ZC_INTERRUPTED // Wait: the interrupt ECB is posted
	FailSVC     Result = C.ZC_ESVC        // an SVC failed; the Fault says which
	NoStorage   Result = C.ZC_ENOMEM      // no 31-bit storage
	NoCOM       Result = C.ZC_ENOCOM      // EXTRACT gave no communications area
	BadArea     Result = C.ZC_EBADAREA    // not a live work area
	Invalid     Result = C.ZC_EINVAL      // an argument out of range
	AboveBar    Result = C.ZC_EABOVEBAR   // an SVC needs AMODE 31, and the code is above the bar
	InUse       Result = -100             // Init: the address space already has a handle
)

// Which use of an SVC failed, in a [Fault].
const (
	OpExtract    = C.ZC_OP_EXTRACT
	OpQeditFree  = C.ZC_OP_QEDIT_FREE
	OpQeditLimit = C.ZC_OP_QEDIT_LIMIT
	OpWait       = C.ZC_OP_WAIT
	OpPost       = C.ZC_OP_POST
	OpWTO        = C.ZC_OP_WTO
)

// RCAbend marks a return code the simulator made from an abend it detected: the
// completion code is in the low 12 bits. z/OS never returns it.
const RCAbend = C.ZC_RC_ABEND

// RCAboveBar is the R15 the z/OS side of the SVC seam gives, without issuing the SVC,
// for a service that needs AMODE 31 (EXTRACT) when the code runs above the 2 GiB bar;
// the call then reports AboveBar. No service returns it.
const RCAboveBar = C.ZC_RC_ABOVE_BAR

// CopyMax is the buffer Init and Wait need to hold any CIB with its extension.
const CopyMax = C.ZC_COPY_MAX

// Fault says which SVC failed, in which use, with which return code.
type Fault struct {
	SVC uint32
	Op  uint32
	RC  uint32
}

// OpName names a Fault's operation as the macro would be coded.
func (f Fault) OpName() string {
	switch f.Op {
	case OpExtract:
		return "EXTRACT FIELDS=COMM"
	case OpQeditFree:
		return "QEDIT BLOCK="
	case OpQeditLimit:
		return "QEDIT CIBCTR="
	case OpWait:
		return "WAIT"
	case OpPost:
		return "POST"
	case OpWTO:
		return "WTO"
	case OpDOM:
		return "DOM"
	case OpWTOR:
		return "WTOR"
	case OpWTORWait:
		return "WAIT (WTOR)"
	case OpWTORCancel:
		return "POST (WTOR cancel)"
	}
	return "SVC"
}

// Copy describes a CIB copied out of system storage.
type Copy struct {
	Len    uint32 // bytes copied into the buffer
	Extent uint32 // bytes the CIB declares it reaches: max(CIBLEN*8, CIBXOFF+48)
	Addr   uint32 // the CIB's own address
	Verb   uint8  // CIBVERB
}

// Area is the 31-bit address of a handle's work area.
type Area uint32

// open is set while the address space has a handle: the communications area belongs
// to the job, so there is one per process.
var open atomic.Bool

// Opened reports whether a handle is open.
func Opened() bool { return open.Load() }

func bufPtr(b []byte) *C.uchar { return (*C.uchar)(unsafe.Pointer(unsafe.SliceData(b))) }

func copyOf(c *C.zc_copy) Copy {
	return Copy{Len: uint32(c.len), Extent: uint32(c.ext), Addr: uint32(c.addr), Verb: uint8(c.verb)}
}

func faultOf(f *C.zc_fault) Fault {
	return Fault{SVC: uint32(f.svc), Op: uint32(f.op), RC: uint32(f.rc)}
}

// Init builds a work area, extracts the communications area, takes the START CIB if
// one is queued (copied into buf, reported in the Copy), and sets the MODIFY limit.
// Even when Init fails, a Copy with Len > 0 holds a START that has left the chain.
func Init(limit int, buf []byte) (Area, Copy, Result, Fault) {
	if limit < 0 || limit > 255 {
		return 0, Copy{}, Invalid, Fault{}
	}
	if !open.CompareAndSwap(false, true) {
		return 0, Copy{}, InUse, Fault{}
	}
	var area C.uint32_t
	var cp C.zc_copy
	var f C.zc_fault
	r := Result(C.zc_init(C.uint32_t(limit), &area, bufPtr(buf), C.uint32_t(len(buf)), &cp, &f))
	if r != OK {
		open.Store(false)
	}
	return Area(area), copyOf(&cp), r, faultOf(&f)
}

// Wait blocks until a command is queued (copied into buf), the kill ECB is posted, or
// the interrupt ECB is posted.
func Wait(a Area, buf []byte) (Copy, Result, Fault) {
	var o WaitOut
	return o.Wait(a, buf)
}

// WaitOut is the storage [Wait] hands C for its results. Memory passed to C is on the
// heap, so each Wait allocates one; a caller that waits again and again can keep a
// WaitOut (one goroutine at a time) and call its Wait instead.
type WaitOut struct {
	cp C.zc_copy
	f  C.zc_fault
}

// Wait is [Wait], with its results in o.
func (o *WaitOut) Wait(a Area, buf []byte) (Copy, Result, Fault) {
	r := Result(C.zc_wait(C.uint32_t(a), bufPtr(buf), C.uint32_t(len(buf)), &o.cp, &o.f))
	return copyOf(&o.cp), r, faultOf(&o.f)
}

// Kill posts the kill ECB. It stays posted until Term.
func Kill(a Area) (Result, Fault) {
	var f C.zc_fault
	r := Result(C.zc_kill(C.uint32_t(a), &f))
	return r, faultOf(&f)
}

// Interrupt posts the interrupt ECB, which ends one Wait.
func Interrupt(a Area) (Result, Fault) {
	var f C.zc_fault
	r := Result(C.zc_interrupt(C.uint32_t(a), &f))
	return r, faultOf(&f)
}

// ClearInterrupt clears the interrupt ECB. Call it only when no Wait is running and no
// Interrupt can come.
func ClearInterrupt(a Area) Result {
	return Result(C.zc_clear_interrupt(C.uint32_t(a)))
}

// SetLimit sets the number of MODIFY commands the system queues (QEDIT CIBCTR=).
func SetLimit(a Area, n int) (Result, Fault) {
	if n < 0 || n > 255 {
		return Invalid, Fault{}
	}
	var f C.zc_fault
	r := Result(C.zc_set_limit(C.uint32_t(a), C.uint32_t(n), &f))
	return r, faultOf(&f)
}

// Term sets the limit to 0 and frees the work area. The area is gone whatever the result.
func Term(a Area) (Result, Fault) {
	var f C.zc_fault
	r := Result(C.zc_term(C.uint32_t(a), &f))
	if r != BadArea {
		open.Store(false)
	}
	return r, faultOf(&f)
}
