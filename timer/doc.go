// Package timer provides a cancellable [Timer] with the semantics of
// Python's threading.Timer, and an [Idle] timer that calls a function once
// no activity was reported for a while.
//
// Python code that must stop a server after 20 seconds of no activity
// cannot cancel a sleeping thread, so it uses threading.Timer and cancel.
// Package timer gives Go ports the same contract, plus what Python lacks:
// [Timer.Reset] pushes the deadline out, and [Idle] does so cheaply for any
// number of goroutines reporting activity.
//
// Both are built on the Go runtime's timers, as used by [time.AfterFunc]:
// a pending timer is an entry in the runtime's timer heap, with no
// goroutine and no OS thread of its own. A goroutine exists only while the
// function runs. A Python Timer is an OS thread from start to finish.
//
// # From Python to Go
//
//	Python (threading)                   Go (package timer)
//	-----------------------------------  ----------------------------------------
//	t = Timer(interval, f, args, kwargs) t := timer.New(interval, func() { f(args...) })
//	t.start()                            err := t.Start()
//	  RuntimeError if started twice        errors.Is(err, timer.ErrStarted)
//	t.cancel()                           ok := t.Cancel()
//	t.join()                             t.Join()
//	t.join(timeout); t.is_alive()        err := t.JoinContext(ctx)
//	  RuntimeError before start            errors.Is(err, timer.ErrNotStarted)
//	t.is_alive()                         t.IsAlive()
//	t.finished.wait()                    <-t.Finished()
//	t.finished.is_set()                  select { case <-t.Finished(): ... default: ... }
//	(none)                               ok := t.Reset(d)
//	(none: Timer.cancel and a new Timer) idle := timer.NewIdle(d, f); idle.Touch()
//	t.daemon = True                      (always: see below)
//
// # Differences from Python
//
//   - Arguments: Timer takes a func(); Python's args and kwargs travel in
//     the closure. Python evaluates them when the Timer is made, a closure
//     when it runs (see [New]).
//   - Daemon threads: a pending Timer does not keep a Go program alive.
//     Python waits at exit for pending non-daemon Timers; a Go program ends
//     when main returns, pending timers or not. To get Python's behaviour,
//     call [Timer.Join] (or wait on [Timer.Finished]) before main returns.
//   - Cancel reports whether it stopped fn (Python's cancel returns None).
//     It returns false after fn began, after fn returned and on a second
//     call.
//   - Finished: Python's cancel sets the finished Event even while the
//     function runs; [Timer.Finished] is closed only once fn has returned,
//     or when Cancel stopped it. A Python Timer stays alive for the
//     instant its thread takes to notice a cancel; [Timer.IsAlive] is false
//     as soon as [Timer.Cancel] returns true.
//   - Join before Start: Python raises RuntimeError; [Timer.JoinContext]
//     returns [ErrNotStarted] at once, whereas [Timer.Join] waits for a
//     later Start (and fn) or Cancel. A timer cancelled before Start is
//     finished: Join and JoinContext return at once, where Python raises.
//   - Join from fn itself waits forever; Python raises RuntimeError.
//   - Start after Cancel: as in Python, Start succeeds and the timer
//     finishes without calling fn.
//   - Panics: an exception in a Python Timer's function is printed and the
//     thread ends; a panic in fn crashes the Go program, as in any
//     goroutine.
//   - Thread identity: name, ident, native_id and the interval, function,
//     args and kwargs attributes have no counterpart.
//
// # Idle timeouts
//
// [Timer.Reset] moves the deadline of a pending Timer; it updates the
// runtime timer on every call. [Idle] is meant for reporting activity at a
// high rate: [Idle.Touch] records the time in an atomic word, and the
// runtime timer re-arms itself when it fires early. fn runs once, no
// earlier than the idle duration after the last Touch; see [Idle] for the
// precision.
package timer
