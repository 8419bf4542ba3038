package c

import (
	"sync/atomic"

	"github.com/go-zos/zconsole/internal/zc"
)

// The console protocol: a work area in 31-bit storage holding the ECBs a WAIT ends on,
// built by Init (EXTRACT, the START CIB, QEDIT CIBCTR=) and freed by Term; Take, Watch
// and Kill on it (QEDIT to take a CIB off the chain, which never waits; WAIT; POST).
// The C is protocol.c; the calls into it are in protocol.go, or stub.go where there is
// none.

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

// Wake says why a Watch returned.
type Wake int

// Why a Watch returned.
const (
	WokeQueued Wake = iota + 1 // a CIB is queued, or the communications ECB was posted: Take it
	WokeKill                   // the kill ECB is posted
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

// Taker is the storage [Taker.Take] hands the C for its results. Memory passed to C
// lives on the heap, so a Taker kept and used again and again (by one goroutine at a
// time) spares each Take an allocation.
type Taker struct {
	out takeOut
}

// Take copies the first CIB on the chain into buf (cut to its length), takes it off the
// chain (QEDIT BLOCK=) and reports ok; with the chain empty it reports !ok. It never
// waits. When QEDIT fails, the error says so and the command stays queued.
func (t *Taker) Take(a Area, buf []byte) (cp Copy, ok bool, err error) {
	return zcTake(&t.out, a, buf)
}

// Watch blocks in WAIT on the communications ECB and the kill ECB, and says which
// ended it: WokeQueued when a command may be queued (Take it), WokeKill once the kill
// ECB is posted. It takes no CIB. It issues no WAIT when the kill ECB is already posted
// or a CIB is already queued (drain before waiting): a WAIT on an ECB posted for a CIB
// not yet taken would end at once. One goroutine at a time may be in Watch on a work
// area: z/OS allows one WAIT on an ECB at a time.
func Watch(a Area) (Wake, error) { return zcWatch(a) }

// Kill posts the kill ECB: a Watch blocked on a returns WokeKill, and so does every
// Watch after, until Term.
func Kill(a Area) error { return zcKill(a) }

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
