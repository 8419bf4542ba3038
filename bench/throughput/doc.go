// Package throughput holds the benchmark of command throughput: operator commands from
// sim.Command to Wait, against a Go channel, at several queue limits. It uses nothing
// but the library's public API (zconsole, zconsole/sim), so that the same benchmark
// builds against an earlier commit of the library too: `make bench` runs it against the
// library as it is and against the commit before the Go wake-up (bench.sh, AB_BASE),
// alternately, and BENCHMARKS.md sets the two side by side. It is test files only,
// built on Linux with cgo and the simulator (-tags zconsolesim).
package throughput
