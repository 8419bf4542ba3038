// Package report reads the output of `make bench` (bench/benchmarks.txt, the format of
// go test -bench that benchstat reads) and writes BENCHMARKS.md from it: the machine,
// each figure with its baseline and their ratio, the command that measured it, and
// which of the module's targets are met. The same input always gives the same document.
//
// The document's prose is the template benchmarks.md.tmpl; the Go computes what goes
// into it: the figures, written in their units, the conditions some sentences hold
// under (a target met or missed, and why), and the tables.
//
// bench/cmd/report is its command; bench/cmd/shutdown runs the demo and writes its
// shutdown figures in the same format, with [ParseShutdown].
package report
