package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-zos/zconsole/zconsole/serve"
)

// errGraceEnded is the cause of a drain that the grace period cut short.
var errGraceEnded = errors.New("grace period ended")

// shutdown is what the demo measured of its stop, from the moment it learned of it.
type shutdown struct {
	cause   string    // stop, signal, idle, or what else ended the server
	rc      int       // the return code
	seen    time.Time // the server's context was done: the demo learned of the stop
	drained time.Time // no work runs any more
	closed  time.Time // the server and the console are closed
	end     time.Time // about to exit
	typed   time.Time // the operator entered the STOP, where known (zconsolesim)
}

// serve runs the demo until it stops, and returns its return code: it waits until the
// server's context is done (the operator's STOP, SIGINT or SIGTERM, the idle period,
// or ctx), lets running work finish for the grace period (cutting it short at once on
// a second STOP or signal, or when the period ends), closes the server and the
// console, and writes how long that took. No goroutine of the demo sleeps in any of
// it: the idle timeout, the grace period and the work are timers that the stop cancels.
func (d *demo) serve(typed func() (time.Time, bool)) int {
	<-d.srv.Context().Done()
	m := shutdown{seen: time.Now()}
	cause := context.Cause(d.srv.Context())
	m.cause = causeName(cause)
	if errors.Is(cause, errScript) {
		m.rc = rcScript
	}
	running := d.works.close()

	d.mu.Lock()
	grace := d.settings.Grace
	d.mu.Unlock()
	if m.cause == "idle" {
		d.out.event("stopping: %v; the wait for the operator ends now; %d work item(s) running", cause, running)
	} else {
		d.out.event("stopping: %v; the idle timer is cancelled, not waited out; %d work item(s) running", cause, running)
	}
	d.out.put(fmt.Sprintf("%s %s stopping: %s; %d work item(s) running, grace %s",
		msgStopping, d.job, stopWhy(cause), running, secs(grace)))

	// The drain: until no work runs, the stop is forced, or the grace period ends.
	drain, cancel := context.WithTimeoutCause(d.srv.ForceContext(), grace,
		fmt.Errorf("%w after %s", errGraceEnded, secs(grace)))
	if err := d.works.wait(drain); err != nil {
		why := stopWhy(err)
		d.out.event("drain cut short: %v", err)
		d.out.put(fmt.Sprintf("%s %s stop forced: %s", msgForced, d.job, why))
		if d.works.cancel(msgWorkCut, why) > 0 {
			m.rc = max(m.rc, rcCut)
		}
		d.works.drained()
	}
	cancel()
	d.askers.Wait() // a CANCEL question: withdrawn when the stop began
	m.drained = time.Now()

	if err := d.srv.Close(); err != nil {
		d.out.event("server: %v", err)
	}
	if err := d.h.Close(); err != nil {
		d.out.event("console: %v", err)
	}
	m.closed = time.Now()
	d.out.put(fmt.Sprintf("%s %s ended, RC=%d: %s from the stop to the end", msgEnded, d.job, m.rc, ms(m.closed.Sub(m.seen))))
	d.out.closeLog() // DMO039I and the log's last summary, if any, are on the console
	if errors.Is(cause, serve.ErrStopCommand) {
		m.typed, _ = typed()
	}
	m.end = time.Now()
	d.out.latency(m)
	return m.rc
}

// causeName is the word for the cause of a stop in the latency line.
func causeName(cause error) string {
	switch {
	case errors.Is(cause, serve.ErrStopCommand):
		return "stop"
	case errors.Is(cause, serve.ErrSignal):
		return "signal"
	case errors.Is(cause, serve.ErrIdle):
		return "idle"
	case errors.Is(cause, errScript):
		return "script"
	}
	return "other"
}

// stopWhy says why the demo stops, for the operator: the cause without the package's
// prefix ("operator STOP from console OPER1", "idle for 20s", "second operator STOP
// from console OPER1", "grace period of 10s ended").
func stopWhy(cause error) string {
	if cause == nil {
		return "stopped"
	}
	s := cause.Error()
	for _, prefix := range []string{"zconsole: stop forced: ", "zconsole: "} {
		if rest, ok := strings.CutPrefix(s, prefix); ok {
			return rest
		}
	}
	return s
}

// ms writes a duration in milliseconds with three decimals: "0.412 ms".
func ms(d time.Duration) string { return fmt.Sprintf("%.3f ms", float64(d)/float64(time.Millisecond)) }

// latency writes the demo's measurement of its stop as one line of the event log, in a
// form that stays the same from release to release, for scripts that collect it:
//
//	shutdown: cause=stop rc=0 stop_to_exit_ms=0.512 drain_ms=0.004 close_ms=0.398 typed_to_exit_ms=0.771
//
// Every figure is in milliseconds with three decimals. stop_to_exit_ms runs from the
// moment the server's context was done (the demo learned of the STOP, signal or idle
// period) to the moment the demo is about to exit; drain_ms is the part spent waiting
// for running work, close_ms the part closing the server and the console.
// typed_to_exit_ms, only where the operator is simulated and the cause is a STOP, runs
// from the moment the console took the operator's P command.
func (o *output) latency(m shutdown) {
	line := fmt.Sprintf("shutdown: cause=%s rc=%d stop_to_exit_ms=%s drain_ms=%s close_ms=%s",
		m.cause, m.rc, msNumber(m.end.Sub(m.seen)), msNumber(m.drained.Sub(m.seen)), msNumber(m.closed.Sub(m.drained)))
	if !m.typed.IsZero() {
		line += " typed_to_exit_ms=" + msNumber(m.end.Sub(m.typed))
	}
	o.event("%s", line)
}

func msNumber(d time.Duration) string {
	return fmt.Sprintf("%.3f", float64(d)/float64(time.Millisecond))
}
