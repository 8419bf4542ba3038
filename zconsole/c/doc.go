// Package c holds the module's C and its Go binding: the operator-console protocol
// (EXTRACT, QEDIT, WAIT, POST: [Init], [Taker.Take], [Watch], [Kill], [Term]) and
// console output (WTO, WTOR, DOM: [WTO], [AskStart], [DOM]; the task's identity from
// the PSA, ASCB and CVT: [TaskInfo]) written once against a supervisor-call seam, the
// z/OS side of that seam (svc_zos.c, inline assembler), and the simulated MVS that
// stands in for it elsewhere (svc_sim.c and sim_*.c, with the zconsolesim build tag).
// Its functions are Go-typed, no C type leaves it, and a failure is a Go error: one of
// the sentinels ([ErrNoStorage], [ErrNoCOM], [ErrInUse], [ErrClosed], [ErrInvalid]) or
// an [*SVCError] naming the supervisor call.
//
// The package compiles everywhere. Without a console (not z/OS and not the simulator,
// or without cgo) every call fails with an error wrapping [errors.ErrUnsupported] that
// says what the build lacks.
//
// Programs use package zconsole, and tests package zconsole/sim; this package is their
// common floor, and the benchmarks' way to the same calls without a Handle. The
// simulated system's own controls (its log, its faults, its counters) are in
// zconsole/internal/mvs, for package sim and the module's tests.
package c
