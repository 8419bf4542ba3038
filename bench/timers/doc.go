// Package timers holds the benchmarks that set package timer
// (github.com/go-zos/zconsole/timer) beside the runtime timer it is built on,
// time.AfterFunc: starting and cancelling one, and the heap a pending one holds. They
// are test files only; `make bench` runs them and BENCHMARKS.md reports them. The timer
// package's own micro-benchmark, Idle.Touch against Timer.Reset, stays with it.
package timers
