// Package c holds the module's C: the operator-console protocol (EXTRACT, QEDIT, WAIT,
// POST) and console output (WTO, WTOR, DOM, and the task's identity from the PSA, ASCB
// and CVT) written once against a supervisor-call seam, the z/OS side of that seam
// (svc_zos.c, inline assembler), and the simulated MVS that stands in for it elsewhere
// (svc_sim.c and sim_*.c). Its Go functions are thin and Go-typed; no C type leaves it.
//
// It is built with cgo on z/OS, and with cgo and the zconsolesim build tag anywhere.
// Programs use package zconsole, and tests package zconsole/sim; this package is their
// common floor and is not meant to be called directly.
package c
