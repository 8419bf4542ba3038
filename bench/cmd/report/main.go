// Report writes BENCHMARKS.md from the output of `make bench`, from the benchmark
// module's folder (bench/):
//
//	go run ./cmd/report [-in benchmarks.txt] [-out ../BENCHMARKS.md]
//
// It measures nothing: given a saved output, it writes the same document again. The
// same input always gives the same document (bench/internal/report).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/go-zos/zconsole/bench/internal/report"
)

func main() {
	in := flag.String("in", "benchmarks.txt", "the benchmark output `file`")
	out := flag.String("out", "../BENCHMARKS.md", "the document to write (- for standard output)")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := report.Parse(f)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := report.Render(&b, data); err != nil {
		return err
	}
	if out == "-" {
		_, err = os.Stdout.Write(b.Bytes())
		return err
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}
