// Package floor measures the floor that the console's kill latency is held against:
// one thread blocked in pthread_cond_wait, woken by another that sets a flag and
// signals, in C and nothing else. The console benchmarks (package console) run it in the
// same binary and the same run as the kill they compare with it.
//
// [Run] measures the handoff between two C threads. [Pair] is the same handoff called
// from Go: a goroutine blocks in [Pair.Wait] (a cgo call) and another ends it with
// [Pair.Post], which shows what cgo and the Go scheduler add to the floor. [Nop] is a
// cgo call that does nothing: the cost of the boundary itself.
//
// The package is built on Linux with cgo; elsewhere it is empty.
package floor
