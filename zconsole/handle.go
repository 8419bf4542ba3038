package zconsole

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/zconsole/c"
)

// Handle is the program's end of the operator console: the job's communications area,
// and the kill ECB that ends the system's WAIT besides a command. A process has at most
// one open Handle, because the communications area belongs to the job.
//
// All functions on a Handle are safe for concurrent use; at most one Wait may be
// blocked on it at a time.
type Handle struct {
	// What a kill touches, together: the lock, the flag, the WAIT whose wake-up ends a
	// Wait, and the Wait's own state. busy and waiters change as a Wait begins and ends.
	mu      sync.Mutex
	killed  atomic.Bool    // Kill or Close has begun: set under mu, read anywhere
	busy    atomic.Bool    // a Wait is running
	watch   *watch         // the WAIT issued for a Wait, until a Wait has seen it end
	waiters sync.WaitGroup // the Wait running, which Close waits for

	area   c.Area            // the work area; 0 once closed
	closed bool              // Close has begun
	posted bool              // the kill ECB is posted
	start  []byte            // the START CIB as copied, for the first Wait to decode
	asks   map[c.Ask]*asking // outstanding Asks, whose waits Kill and Close end
	buf    []byte            // the copy buffer, used by the Wait running alone
	taker  c.Taker           // where the system writes a Take's results, the same
}

// pendingStart keeps the copy of a START CIB that Init took off the chain and no Wait
// returned (Init failed after freeing the START CIB, or the handle was closed first),
// for the next successful Init of the same job.
var pendingStart struct {
	sync.Mutex
	cib []byte
	job uint64 // job() when it was kept
}

// keepPendingStart keeps start for the next Init, unless one of this job's is kept
// already. Call it with pendingStart locked.
func keepPendingStart(start []byte) {
	if pendingStart.cib == nil || pendingStart.job != job() {
		pendingStart.cib, pendingStart.job = start, job()
	}
}

// takePendingStart returns the START kept for the next Init of this job, if there is
// one, and forgets it. Call it with pendingStart locked.
func takePendingStart() []byte {
	start := pendingStart.cib
	pendingStart.cib = nil
	if pendingStart.job != job() {
		return nil // another job's
	}
	return start
}

// Init opens the operator console for this program: it extracts the communications
// area, takes the START command if the job was started by one (the first Wait returns
// it), and sets the queue limit for MODIFY ([DefaultQueueLimit] unless
// [WithQueueLimit] says otherwise) in the same step, so no MODIFY is refused between
// the two.
//
// Init fails with an error wrapping [ErrBusy] while another handle is open, and with
// one wrapping [errors.ErrUnsupported] where there is no console (not z/OS, or no cgo,
// and not built with the zconsolesim tag) or, on z/OS, where the program's code runs
// above the 2 GiB bar (bound RMODE 64): EXTRACT must be issued in AMODE 31.
//
// Built with the zconsolesim tag, the first Init reads ZCONSOLE_OPERATOR: when it asks
// for an operator (package zconsole/sim), Init waits until the operator has started the
// job, and fails when the operator cannot be brought to the console.
func Init(opts ...Option) (*Handle, error) {
	cfg := config{limit: DefaultQueueLimit}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if err := meetOperator(); err != nil {
		return nil, errwrap.Op("zconsole", "init", err)
	}
	buf := make([]byte, c.CopyMax)
	a, startLen, err := c.Init(cfg.limit, buf)
	var start []byte
	if startLen > 0 {
		start = append([]byte(nil), buf[:startLen]...)
	}
	pendingStart.Lock()
	defer pendingStart.Unlock()
	if err != nil {
		if start != nil {
			keepPendingStart(start)
		}
		return nil, errwrap.Op("zconsole", "init", fault(err))
	}
	if start == nil {
		start = takePendingStart()
	}
	return &Handle{area: a, start: start, buf: buf}, nil
}

// Wait blocks until the operator enters a command for this job, or the handle is killed.
// It returns the command, or:
//   - [ErrKilled] once [Kill] has been called, at once, until Close;
//   - [ErrClosed] if the handle is closed (a Wait blocked when Close is called returns
//     [ErrKilled]);
//   - an error wrapping [ErrBusy] if another Wait on h is blocked;
//   - a [*ServiceError] if a z/OS service failed; the command it was reading stays
//     queued;
//   - the command as far as it reads, and an error wrapping [ErrMalformed], for a CIB
//     that does not hold together.
//
// The first Wait after [Init] on a started job returns the START command.
//
// Wait takes a queued command itself: a short call into C copies the CIB out and frees
// it (QEDIT), and never waits. When none is queued, Wait yields its processor and looks
// again, twice (so a goroutine it has made runnable can run first, and a command it
// queues meanwhile is taken without a WAIT), and then sleeps in Go, not in the system:
// one goroutine per handle sits in the system's WAIT on the communications ECB and the
// kill ECB and only reports that one was posted; the Wait it wakes looks at the chain
// again. So a command leaves the chain only for a Wait that returns it, and Kill or a
// context ends a Wait with a Go wake-up.
func Wait(h *Handle) (Command, error) {
	return h.wait(context.Background())
}

// WaitContext is [Wait] that also returns when ctx is done, at once, with an error that
// wraps ctx.Err() (and context.Cause(ctx) when it differs). The handle stays usable: a
// command that arrived as ctx ended was either returned or is still queued, for the next
// Wait, never lost; the system's WAIT the Wait slept behind goes on, and serves the
// next Wait.
//
// WaitContext looks at the queue before it looks at ctx: a command queued when it is
// called is returned even if ctx is already done, and ctx's error comes only when none
// is. A loop of WaitContext on a done context therefore takes every command queued
// before the loop began, then ends: that is how a program empties the queue when it
// stops taking commands.
func WaitContext(ctx context.Context, h *Handle) (Command, error) {
	if ctx == nil {
		panic("zconsole: WaitContext with nil Context")
	}
	return h.wait(ctx)
}

// Kill ends the handle's waiting: a blocked Wait returns [ErrKilled] at once, and so does
// every later Wait, until Close. Kill is safe from any goroutine, before, during or
// after a Wait. It wakes a blocked Wait first (it sleeps in Go), lets it run, and then
// posts the kill ECB, which ends the system's WAIT behind it. A second Kill posts
// nothing and returns nil, unless a POST failed before (the kill ECB's, an [Ask]'s
// cancel), which it tries again (and reports). After Close, Kill returns [ErrClosed].
//
// When Kill returns, whatever it returns, a Wait blocked on h has been woken and returns
// ErrKilled, and every Wait that begins later returns it; a Wait that had already taken
// a command off the chain still returns that command, so none is lost. An error says
// what could not be posted: without the kill ECB's POST the system's WAIT goes on until
// a command comes or a later Kill or Close posts it. When Kill returns nil, a blocked
// [Ask] ends with ErrKilled too (its question deleted) unless its reply has come.
func Kill(h *Handle) error {
	if h == nil {
		return ErrClosed
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return ErrClosed
	}
	h.killWaits()
	var errs []error
	if err := h.postKill(); err != nil {
		errs = append(errs, errwrap.Op("zconsole", "kill", fault(err)))
	}
	if err := h.cancelAsks(); err != nil {
		errs = append(errs, err)
	}
	return joined(errs)
}

// joined is nil for no error, the error itself for one, and errors.Join of several.
func joined(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}

// killWaits wakes a blocked Wait (it sleeps behind h.watch) and makes every later one
// return ErrKilled. The woken Wait is put to run first (runtime.Gosched): it would
// otherwise wait for a processor while the caller goes on into the cgo call of the POST.
// Call it with h.mu held; the woken Wait returns without it.
func (h *Handle) killWaits() {
	if h.killed.Load() {
		return
	}
	h.killed.Store(true)
	if h.watch != nil {
		h.watch.wakeUp()
	}
	if h.busy.Load() {
		runtime.Gosched()
	}
}

// postKill posts the kill ECB, unless it is posted. Call it with h.mu held.
func (h *Handle) postKill() error {
	if h.posted {
		return nil
	}
	if err := c.Kill(h.area); err != nil {
		return err
	}
	h.posted = true
	return nil
}

// SetQueueLimit changes how many MODIFY commands the system queues for the program
// (QEDIT CIBCTR=n, 0 to 255). The system sets the limit to 0 when it accepts a STOP;
// a program that goes on taking MODIFY commands while it stops sets it again.
func (h *Handle) SetQueueLimit(n int) error {
	if h == nil {
		return ErrClosed
	}
	if err := checkQueueLimit("queue limit", n); err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return ErrClosed
	}
	if err := c.SetLimit(h.area, n); err != nil {
		return errwrap.Op("zconsole", "set queue limit", fault(err))
	}
	return nil
}

// Close kills the handle (as [Kill] does), waits until a blocked Wait has returned and
// the goroutine in the system's WAIT has left it, sets the queue limit to 0 (so later
// MODIFY commands are refused visibly, with IEE342I, not queued for no one) and frees
// the handle's storage: nothing is freed while anything may still use it. Commands
// still queued stay on the job's chain for the next [Init], and the START command Init
// took, if no Wait has returned it, goes to that Init too: its first Wait returns it.
// Close also releases the storage of questions ([Ask]) deleted unanswered whose late
// reply the system has posted since; that of the others stays until it does.
//
// Close returns [ErrClosed] if the handle is already closed. If the kill ECB cannot be
// posted while the system's WAIT for h is in progress (a Wait is blocked, or a
// WaitContext whose context ended left it), Close returns that error and leaves the
// handle open, and killed: the WAIT still refers to its storage. So it does if the
// cancel of a blocked [Ask] cannot be posted: that Ask would otherwise wait for its
// reply with no Kill left to end it. A later Close, or Kill, tries again.
func (h *Handle) Close() error {
	if h == nil {
		return ErrClosed
	}
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return ErrClosed
	}
	h.killWaits()
	var errs []error
	if err := h.postKill(); err != nil && h.watch != nil && !h.watch.ended() {
		errs = append(errs, errwrap.Op("zconsole", "close", fault(err)))
	}
	if err := h.cancelAsks(); err != nil { // an Ask not cancelled would wait for its reply
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		h.mu.Unlock()
		return joined(errs)
	}
	h.closed = true
	h.mu.Unlock()

	h.waiters.Wait() // a Wait woken by the kill has left, and no other can begin
	h.mu.Lock()
	defer h.mu.Unlock()
	if w := h.watch; w != nil {
		<-w.done // the kill ECB is posted, or the WAIT had ended: its goroutine ends now
	}
	// The START first: an Init that begins once Term has freed the area must find it.
	h.keepStart()
	err := c.Term(h.area)
	h.area = 0
	sweepRetired()
	if err != nil {
		return errwrap.Op("zconsole", "close", fault(err))
	}
	return nil
}

// keepStart hands the START command Init took, if no Wait has returned it, to the next
// Init (pendingStart), whose first Wait returns it: Init freed its CIB, so it is no
// longer on the chain. Call it with h.mu held, once the handle is closed.
func (h *Handle) keepStart() {
	if h.start == nil {
		return
	}
	pendingStart.Lock()
	keepPendingStart(h.start)
	pendingStart.Unlock()
	h.start = nil
}

// ctxError is the error of operation op, whose context ctx has ended: it wraps
// ctx.Err(), and the cause when it says more.
func ctxError(op string, ctx context.Context) error { return &doneError{op: op, ctx: ctx} }

// doneError is the error of an operation whose context ended: "zconsole: op: " and
// ctx.Err(), then context.Cause(ctx) when it differs; errors.Is finds both. Both are
// read from the context when the error is, not when it is made (a context that has
// ended keeps them): a Wait returns it the moment its context wakes it, with no more
// work on the way.
type doneError struct {
	op  string
	ctx context.Context // done
}

// causes returns ctx.Err(), and the cause when it differs.
func (e *doneError) causes() []error {
	err := e.ctx.Err()
	if cause := context.Cause(e.ctx); cause != nil && cause != err {
		return []error{err, cause}
	}
	return []error{err}
}

func (e *doneError) Error() string { return errwrap.Op("zconsole", e.op, e.causes()...).Error() }

func (e *doneError) Unwrap() []error { return e.causes() }
