package serve

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"os/signal"
	"strings"
	"sync"
	"time"

	"github.com/go-zos/zconsole/zconsole"
)

// waited is what one WaitContext of the waiter returned.
type waited struct {
	cmd zconsole.Command
	err error
}

// loop is the state of a Server's loop. Only the loop goroutine touches it.
type loop struct {
	s        *Server
	wg       sync.WaitGroup // the waiter and the handlers
	finished chan struct{}  // a handler returned
	running  int            // handlers running
	backlog  []*Request     // commands waiting for a worker
	stopping bool           // the server began to stop
	forced   bool           // the stop is forced
	closing  bool           // Close was called
	grace    *time.Timer    // the grace period, once stopping
	graceC   <-chan time.Time
	cmds     chan waited // what the waiter returns; closed when it has returned
	waitErr  error       // the failure that ended the waiter, or nil
	errs     []error     // what Close returns
}

// run is the server's loop: one select over everything that can happen, until Close
// was called (or the parent is done) and no handler runs; then it answers what is
// still queued, ends the wait, joins everything and runs the WithFlush function.
func (s *Server) run() {
	defer close(s.done)
	l := &loop{s: s, finished: make(chan struct{}), cmds: make(chan waited)}
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		defer close(l.cmds)
		s.waitEach(func(w waited) { l.cmds <- w })
	}()

	in := (<-chan waited)(l.cmds)
	stopDone, forceDone, closing := s.ctx.Done(), s.force.Done(), s.closing
	for !l.over() {
		select {
		case w, ok := <-in:
			if !ok {
				in = nil // the waiter returned after a failed wait
				continue
			}
			l.take(w)
		case <-l.finished:
			l.running--
			s.Touch()
			l.next()
		case sig := <-s.sigc:
			l.request(&StopError{Reason: ErrSignal, Signal: sig})
		case d := <-s.idleC:
			if !l.stopping { // an idle timeout starts a stop, never forces one
				l.request(&StopError{Reason: ErrIdle, Period: d})
			}
		case <-l.graceC:
			l.graceC = nil
			l.escalate(&StopError{Reason: ErrGraceExpired, Period: s.cfg.grace})
		case <-stopDone:
			stopDone = nil
			l.beginStop(nil) // the parent, or a cause set below
		case <-forceDone:
			forceDone = nil
			l.beginForce()
		case <-closing:
			closing = nil
			l.closing = true
			if !l.stopping {
				l.request(&StopError{Reason: ErrServerClosed})
			}
		}
	}

	// Signals are no longer taken: their handling is what it was before.
	if s.sigc != nil {
		signal.Stop(s.sigc)
	}
	l.finish()
	l.wg.Wait()
	s.stopIdle()
	if l.grace != nil {
		l.grace.Stop()
	}
	if err := s.flush(); err != nil {
		l.errs = append(l.errs, err)
	}
	s.endContexts()
	served.Delete(s.h)
	s.replyMu.Lock()
	if s.replyErr != nil {
		l.errs = append(l.errs, s.replyErr)
	}
	s.replyMu.Unlock()
	s.err = errors.Join(l.errs...)
}

// over reports whether the loop is done: Close was called or the parent is done, and
// every handler has returned.
func (l *loop) over() bool {
	return (l.closing || l.s.parent.Err() != nil) && l.running == 0
}

// take handles what the waiter returned.
func (l *loop) take(w waited) {
	s := l.s
	s.Touch()
	if w.err != nil && !errors.Is(w.err, zconsole.ErrMalformed) {
		l.request(&StopError{Reason: l.waitFailed(w.err)})
		return
	}
	if w.cmd.Verb == zconsole.Stop {
		l.request(&StopError{Reason: ErrStopCommand, Command: w.cmd})
		return
	}
	req := &Request{Command: w.cmd, replies: s.cfg.replies}
	switch {
	case l.unusable(w):
	case l.forced:
		l.refuse(req, msgForced, "not run: the stop was forced")
	case l.closing:
		l.refuse(req, msgClosing, "not run: the server is closing")
	case l.running < s.cfg.workers:
		l.start(req)
	case len(l.backlog) < s.cfg.backlog:
		l.backlog = append(l.backlog, req)
	default:
		l.refuse(req, msgBusy, fmt.Sprintf("not run: busy, %d commands running and %d waiting", l.running, len(l.backlog)))
	}
}

// unusable answers a command no server runs, and reports whether w was one: a verb
// other than START and MODIFY (STOP is taken before), or a CIB that did not hold
// together.
func (l *loop) unusable(w waited) bool {
	switch {
	case w.cmd.Verb != zconsole.Start && w.cmd.Verb != zconsole.Modify:
		l.refuse(&Request{Command: w.cmd}, msgNotVerb, fmt.Sprintf("not understood (CIB verb X'%02X')", w.cmd.Code))
	case w.err != nil:
		l.refuse(&Request{Command: w.cmd}, msgMalformed, "not run: "+w.err.Error())
	default:
		return false
	}
	return true
}

// refuse answers a command that is not run, with the message id id.
func (l *loop) refuse(req *Request, id, why string) {
	l.s.reply(req.Command, id+" "+describe(req.Command)+" "+why)
}

// describe names a command in a reply: its first word, or its verb.
func describe(cmd zconsole.Command) string {
	if cmd.Verb == zconsole.Modify {
		word, _, _ := strings.Cut(strings.TrimLeft(cmd.Text, " ,"), " ")
		word, _, _ = strings.Cut(word, ",")
		if word != "" {
			return strings.ToUpper(word)
		}
	}
	return strings.ToUpper(cmd.Verb.String())
}

// start runs req on a goroutine of its own.
func (l *loop) start(req *Request) {
	s := l.s
	l.running++
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		s.serve(req)
		l.finished <- struct{}{}
	}()
}

// next starts the first command of the backlog, if a worker is free.
func (l *loop) next() {
	if l.forced || len(l.backlog) == 0 || l.running >= l.s.cfg.workers {
		return
	}
	req := l.backlog[0]
	l.backlog[0] = nil
	l.backlog = l.backlog[1:]
	l.start(req)
}

// serve runs the handler for req and answers its error.
func (s *Server) serve(req *Request) {
	h := s.cfg.handler
	if h == nil {
		h = HandlerFunc(noHandler)
	}
	if err := h.ServeCommand(s.force, req); err != nil {
		s.reply(req.Command, msgFailed+" "+req.label()+" failed: "+err.Error())
	}
}

// noHandler answers for a server without a handler.
func noHandler(_ context.Context, req *Request) error {
	switch {
	case req.Verb == zconsole.Modify:
		return req.Reply(msgNoCommands + " " + describe(req.Command) + " not run: this program takes no commands")
	case strings.TrimSpace(req.Text) != "":
		return req.Reply(msgStartIgn + " START parameters ignored: " + req.Text)
	}
	return nil
}

// endContexts ends the server's two contexts, if nothing has yet: with the parent's
// cause when the parent ended the server, else as closed. The parent cancels them
// itself, one after the other; the loop may get here in between (woken by the one
// cancelled first), and must not give the other a cause of its own.
func (s *Server) endContexts() {
	var cause error = &StopError{Reason: ErrServerClosed}
	if s.parent.Err() != nil {
		cause = context.Cause(s.parent)
	}
	s.stop(cause)
	s.forceStop(cause)
}

// request asks the server to stop: the first request begins the stop, a later STOP or
// signal forces it. Nothing is asked once the parent is done: it has stopped and
// forced the server itself.
func (l *loop) request(cause *StopError) {
	s := l.s
	if s.parent.Err() != nil {
		return
	}
	if s.ctx.Err() == nil {
		l.beginStop(cause) // first, so that the drain limit is set when the context is done
		s.stop(cause)
		return
	}
	if cause.Reason == ErrStopCommand || cause.Reason == ErrSignal {
		l.escalate(cause)
	}
}

// escalate forces the stop, and ends the process if WithForceExit asks for it.
func (l *loop) escalate(cause *StopError) {
	s := l.s
	if s.force.Err() != nil || s.parent.Err() != nil {
		return
	}
	cause.Forced = true
	s.forceStop(cause)
	l.beginForce()
	if s.cfg.forceExit {
		log.Printf("%v: exiting with code %d", cause, s.cfg.exitCode)
		l.finish() // what is queued is answered before the process ends
		if err := s.flushBeforeExit(); err != nil {
			log.Print(err)
		}
		os.Exit(s.cfg.exitCode)
	}
}

// beginStop enters the first stage, once: no more idle timeouts, the grace period
// starts, and the queue limit for MODIFY becomes the drain limit. cause is what began
// the stop, or nil for the parent.
func (l *loop) beginStop(cause *StopError) {
	if l.stopping {
		return
	}
	l.stopping = true
	s := l.s
	s.stopIdle()
	if s.cfg.grace > 0 && s.force.Err() == nil {
		l.grace = time.NewTimer(s.cfg.grace)
		l.graceC = l.grace.C
	}
	if cause != nil && cause.Reason == ErrStopCommand && s.cfg.drainLimit == 0 {
		// The system set the limit to 0 when it accepted the STOP: "Communicating with
		// a program (EXTRACT, QEDIT)", Authorized Assembler Services Guide,
		// https://www.ibm.com/docs/SSLTBW_2.2.0/com.ibm.zos.v2r2.ieaa800/iea3a8_Communicating_with_a_program__EXTRACT__QEDIT_.htm
		return
	}
	if err := s.h.SetQueueLimit(s.cfg.drainLimit); err != nil {
		l.errs = append(l.errs, err)
	}
}

// beginForce enters the second stage, once: the grace period is over and the
// commands in the backlog are answered as not run.
func (l *loop) beginForce() {
	if l.forced {
		return
	}
	l.forced = true
	if l.grace != nil {
		l.grace.Stop()
		l.graceC = nil
	}
	for _, req := range l.backlog {
		l.refuse(req, msgForced, "not run: the stop was forced")
	}
	l.backlog = nil
}
