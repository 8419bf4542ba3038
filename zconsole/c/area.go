package c

import (
	"sync/atomic"

	"github.com/go-zos/zconsole/internal/zc"
)

// The console protocol: a work area in 31-bit storage holding the ECBs a wait ends on,
// built by Init (EXTRACT, the START CIB, QEDIT CIBCTR=) and freed by Term; Wait, Kill
// and Interrupt on it (WAIT and POST; QEDIT to take each CIB off the chain). The C is
// protocol.c; the calls into it are in protocol.go, or stub.go where there is none.

// CopyMax is the buffer Init and Wait need to hold any CIB with its extension.
const CopyMax = zc.COPY_MAX

// Area is the 31-bit address of a handle's work area.
type Area uint32

// Copy describes a CIB copied out of system storage.
type Copy struct {
	Len    int    // bytes copied into the buffer
	Extent int    // bytes the CIB declares it reaches: max(CIBLEN*8, CIBXOFF+48)
	Addr   uint32 // the CIB's own address
	Verb   uint8  // CIBVERB
}

// Wake says why a Wait returned.
type Wake int

// Why a Wait returned.
const (
	WokeCommand   Wake = iota + 1 // a command was copied out and taken off the chain
	WokeKill                      // the kill ECB is posted
	WokeInterrupt                 // the interrupt ECB is posted
)

// open is set while the address space has a work area: the communications area
// belongs to the job, so there is one per process.
var open atomic.Bool

// Opened reports whether a work area is open.
func Opened() bool { return open.Load() }

// Init builds a work area, extracts the communications area, takes the START CIB if
// one is queued (copied into buf; n is its length), and sets the MODIFY limit (QEDIT
// CIBCTR=, 0 to 255) in the same step. Even when Init fails, n > 0 means a START has
// left the chain and is in buf. Init fails with [ErrInUse] while a work area is open.
func Init(limit int, buf []byte) (a Area, n int, err error) {
	if limit < 0 || limit > zc.CIBCTR_MAX {
		return 0, 0, ErrInvalid
	}
	if !open.CompareAndSwap(false, true) {
		return 0, 0, ErrInUse
	}
	a, n, err = zcInit(limit, buf)
	if err != nil {
		open.Store(false)
	}
	return a, n, err
}

// Waiter is the storage [Waiter.Wait] hands the C for its results. Memory passed to C
// lives on the heap, so a Waiter kept and used again and again (by one goroutine at a
// time) spares each Wait an allocation.
type Waiter struct {
	out waitOut
}

// Wait blocks until a command is queued, the kill ECB is posted or the interrupt ECB
// is posted, and says which. A command is copied into buf (cut to its length) and taken
// off the chain before Wait returns WokeCommand; when its QEDIT fails, the error says
// so and the command stays queued.
func (w *Waiter) Wait(a Area, buf []byte) (Wake, Copy, error) {
	return zcWait(&w.out, a, buf)
}

// Kill posts the kill ECB: a Wait blocked on a returns WokeKill, and so does every Wait
// after, until Term.
func Kill(a Area) error { return zcKill(a) }

// Interrupt posts the interrupt ECB, which ends one Wait with WokeInterrupt.
func Interrupt(a Area) error { return zcInterrupt(a) }

// ClearInterrupt clears the interrupt ECB. Call it only when no Wait is running and no
// Interrupt can come.
func ClearInterrupt(a Area) error { return zcClearInterrupt(a) }

// SetLimit sets the number of MODIFY commands the system queues (QEDIT CIBCTR=, 0 to
// 255).
func SetLimit(a Area, n int) error {
	if n < 0 || n > zc.CIBCTR_MAX {
		return ErrInvalid
	}
	return zcSetLimit(a, n)
}

// Term sets the MODIFY limit to 0 and frees the work area. The area is gone whatever
// the error, unless it is [ErrClosed] (it was not open).
func Term(a Area) error {
	err := zcTerm(a)
	if err != ErrClosed {
		open.Store(false)
	}
	return err
}
