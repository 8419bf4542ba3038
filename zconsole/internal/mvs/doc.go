// Package mvs is the Go side of the simulated MVS's own controls: what package sim and
// the module's tests do to the simulated system that a program cannot. It resets the
// system, queues CIBs, appends to and reads the console log, reads the counters, arms
// faults (a failing SVC or storage request, no communications area, flagged pointers, a
// reply held back past a DOM), answers WTORs, and issues supervisor calls and WPLs
// directly, so that tests can give the supervisor what the protocol never does.
//
// The simulated MVS is C in package zconsole/c (svc_sim.c, sim_*.c), linked into the
// program with it; this package calls the entry points sim_api.h declares (zsim_api.h
// is its copy, made by go generate ./internal/zc so that this folder's build sees a
// change to it). Results and record layouts are the constants of internal/zc
// (zc.SIM_*). The package is built with cgo and the zconsolesim tag; elsewhere a stub
// (stub.go) has the controls package zconsole/internal/console and package sim use, and
// Missing says what the build lacks. It also counts the system's changes and lets an
// observer sleep until the next (Changes, AwaitChange, WakeWatchers): the waits of
// package sim's helpers and of the simulated operator.
package mvs
