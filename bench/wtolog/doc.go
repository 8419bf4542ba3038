// Package wtolog holds the benchmarks that set package wtolog
// (github.com/go-zos/zconsole/zconsole/wtolog) beside log/slog's own TextHandler and
// beside zconsole.Put, in the same run: a record below the console level, which goes
// only to the next handler (below_test.go), and a record at the console level, issued
// through the simulated MVS, or kept off the console by the rate limit
// (console_test.go, with cgo and -tags zconsolesim). They are test files only; `make
// bench` runs them and BENCHMARKS.md reports them. rounds_test.go runs one round of
// each as a test.
package wtolog
