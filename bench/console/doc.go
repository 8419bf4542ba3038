// Package console holds the benchmarks that set package zconsole
// (github.com/go-zos/zconsole/zconsole) beside its baselines, in the same run: the kill
// and a WaitContext's cancel against the C floor and a goroutine woken from a channel,
// with the cgo handoff, the system's WAIT ended from C threads and through the
// protocol's Go binding, and Close (kill_test.go, sides_test.go); pollers that look at a
// flag (poll_test.go); the idle cost of a blocked Wait against an empty channel and
// pollers, in child processes (idle_test.go); and the cgo boundary's share of a Wait
// (cost_test.go). Command throughput is package throughput's. They are test files only,
// built on Linux with cgo and the simulator (-tags zconsolesim); `make bench` runs them
// and BENCHMARKS.md reports them. rounds_test.go runs one round of each as a test.
package console
