// Package benchreport reads the output of `make bench` (bench/benchmarks.txt, the
// format of go test -bench that benchstat reads) and writes BENCHMARKS.md from it: the
// machine, each figure with its baseline and their ratio, the command that measured
// it, and which of the module's targets are met. The same input always gives the same
// document.
//
// scripts/bench/report.go is its command; scripts/bench/shutdown.go runs the demo and
// writes its shutdown figures in the same format, with [ParseShutdown].
package benchreport
