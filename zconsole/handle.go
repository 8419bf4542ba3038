package zconsole

import (
	"context"
	"fmt"
	"sync"

	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/zconsole/c"
)

// Handle is the program's end of the operator console: the job's communications area,
// and the two ECBs that end a wait besides a command (kill, and interrupt for
// [WaitContext]). A process has at most one open Handle, because the communications
// area belongs to the job.
//
// All functions on a Handle are safe for concurrent use; at most one Wait may be
// blocked on it at a time.
type Handle struct {
	mu      sync.Mutex
	area    c.Area            // the work area; 0 once closed
	closed  bool              // Close has begun
	killed  bool              // Kill has posted the kill ECB
	waiting bool              // a waiter is inside Wait
	left    chan struct{}     // closed when that waiter has left C
	start   []byte            // the START CIB as copied, for the first Wait to decode
	buf     []byte            // the copy buffer, used only by the waiter
	waiter  c.Waiter          // where the system writes a Wait's results, used only by the waiter
	asks    map[c.Ask]*asking // outstanding Asks, whose waits Kill and Close end
}

// pendingStart keeps the copy of a START CIB that Init took off the chain but could not
// hand to a handle (it failed after freeing the START CIB), for the next successful Init.
var pendingStart struct {
	sync.Mutex
	cib []byte
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
			pendingStart.cib = start
		}
		return nil, errwrap.Op("zconsole", "init", fault(err))
	}
	if start == nil {
		start, pendingStart.cib = pendingStart.cib, nil
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
func Wait(h *Handle) (Command, error) {
	return h.wait(context.Background())
}

// WaitContext is [Wait] that also returns when ctx is done, with an error that wraps
// ctx.Err() (and context.Cause(ctx) when it differs). The handle stays usable: a
// command that arrived as ctx ended is returned, not lost, and the next Wait goes on
// as before.
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
// after a Wait; a second Kill posts nothing and returns nil, unless an [Ask]'s cancel
// could not be posted before, which it tries again (and reports). After Close, Kill
// returns [ErrClosed].
//
// When Kill returns nil, a Wait blocked on h is ending with [ErrKilled] and every Wait
// that begins later returns it; a Wait that had already taken a command off the chain
// still returns that command, so none is lost. The same holds for [Ask]: a blocked Ask
// ends with ErrKilled (its question deleted) unless its reply has come.
func Kill(h *Handle) error {
	if h == nil {
		return ErrClosed
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return ErrClosed
	}
	if h.killed {
		return h.cancelAsks() // nil, unless an Ask's cancel could not be posted before
	}
	if err := c.Kill(h.area); err != nil {
		return errwrap.Op("zconsole", "kill", fault(err))
	}
	h.killed = true
	return h.cancelAsks()
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

// Close kills the handle, waits until a blocked Wait has returned and left the
// system's storage alone, sets the queue limit to 0 (so later MODIFY commands are
// refused visibly, with IEE342I, not queued for no one) and frees the handle's storage.
// Commands still queued stay on the job's chain for the next [Init]. Close also
// releases the storage of questions ([Ask]) deleted unanswered whose late reply the
// system has posted since; that of the others stays until it does.
//
// Close returns [ErrClosed] if the handle is already closed. If the kill cannot be
// posted while a Wait is blocked, Close returns that error and leaves the handle open.
func (h *Handle) Close() error {
	if h == nil {
		return ErrClosed
	}
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return ErrClosed
	}
	if !h.killed {
		if err := c.Kill(h.area); err != nil {
			if h.waiting {
				h.mu.Unlock()
				return errwrap.Op("zconsole", "close", fault(err))
			}
		} else {
			h.killed = true
		}
	}
	_ = h.cancelAsks() // best effort: an Ask whose cancel cannot be posted waits for its reply
	h.closed = true
	waiting, left := h.waiting, h.left
	h.mu.Unlock()

	if waiting {
		<-left
	}

	h.mu.Lock()
	defer h.mu.Unlock()
	err := c.Term(h.area)
	h.area = 0
	sweepRetired()
	if err != nil {
		return errwrap.Op("zconsole", "close", fault(err))
	}
	return nil
}

func (h *Handle) wait(ctx context.Context) (Command, error) {
	if h == nil {
		return Command{}, ErrClosed
	}
	h.mu.Lock()
	switch {
	case h.closed:
		h.mu.Unlock()
		return Command{}, ErrClosed
	case h.waiting:
		h.mu.Unlock()
		return Command{}, fmt.Errorf("%w: another Wait is blocked on this handle", ErrBusy)
	case h.killed:
		h.mu.Unlock()
		return Command{}, ErrKilled
	case h.start != nil:
		cib := h.start
		h.start = nil
		h.mu.Unlock()
		cmd, _ := decodeCIB(cib, currentPage()) // a START is kept as far as it reads
		return cmd, nil
	}
	h.waiting = true
	h.left = make(chan struct{})
	a := h.area
	h.mu.Unlock()

	// Cancel-then-join: when ctx ends, post the interrupt ECB; when the wait is over,
	// make sure the post is finished before clearing the ECB for the next Wait. A ctx
	// that is done already posts at once: the wait looks at the chain before the
	// interrupt ECB, so a queued command still comes first.
	var stop func() bool
	var posted chan struct{}
	if ctx.Done() != nil { // context.Background() never ends: no watcher
		posted = make(chan struct{})
		stop = context.AfterFunc(ctx, func() {
			_ = c.Interrupt(a) // an error leaves the wait to end by a command or a kill
			close(posted)
		})
	}
	woke, cp, err := h.waiter.Wait(a, h.buf)
	if stop != nil && !stop() {
		<-posted
		_ = c.ClearInterrupt(a)
	}
	var cmd Command
	if woke == c.WokeCommand {
		cmd, err = decodeCIB(h.buf[:cp.Len], currentPage())
	}

	h.mu.Lock()
	h.waiting = false
	close(h.left)
	h.mu.Unlock()

	switch woke {
	case c.WokeCommand:
		return cmd, err
	case c.WokeKill:
		return Command{}, ErrKilled
	case c.WokeInterrupt:
		return Command{}, ctxError("wait", ctx)
	}
	return Command{}, errwrap.Op("zconsole", "wait", fault(err))
}

// ctxError wraps ctx.Err(), and the cause when it says more, for operation op.
func ctxError(op string, ctx context.Context) error {
	err := ctx.Err()
	if cause := context.Cause(ctx); cause != nil && cause != err {
		return errwrap.Op("zconsole", op, err, cause)
	}
	return errwrap.Op("zconsole", op, err)
}
