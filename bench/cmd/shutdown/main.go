// Shutdown runs the demo with operator scripts, several times each, and writes its
// shutdown figures as benchmark results, for bench/benchmarks.txt:
//
//	go run ./cmd/shutdown -demo ../bin/demo -runs 5 ../testdata/operator/bench-stop.txt ...
//
// Each run is one result line, BenchmarkDemoShutdown/script=NAME (NAME the script's
// file name without .txt), with the demo's own figures from its last line
// (stop-to-exit-ms, drain-ms, close-ms, typed-to-exit-ms for a STOP) and two measured
// from outside, by this program: exit-ms, from reading that line to the process being
// reaped (the runtime's exit and the kernel's), and process-ms, from starting the
// process to reaping it. ns/op is stop_to_exit_ms in nanoseconds. A run whose demo
// does not end with return code 0 and a shutdown line fails the whole program.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-zos/zconsole/bench/internal/report"
)

// runLimit is how long one run of the demo may take: its scripts end in seconds.
const runLimit = 2 * time.Minute

func main() {
	demo := flag.String("demo", "../bin/demo", "the demo `binary`, built with -tags zconsolesim")
	runs := flag.Int("runs", 5, "runs of each script")
	flag.Parse()
	if flag.NArg() == 0 || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: go run ./cmd/shutdown [-demo ../bin/demo] [-runs n] script.txt...")
		os.Exit(2)
	}
	fmt.Println("pkg: github.com/go-zos/zconsole/cmd/demo")
	for _, script := range flag.Args() {
		name := strings.TrimSuffix(filepath.Base(script), ".txt")
		for range *runs {
			line, err := run(*demo, script)
			if err != nil {
				fmt.Fprintf(os.Stderr, "shutdown: %s: %v\n", script, err)
				os.Exit(1)
			}
			fmt.Printf("BenchmarkDemoShutdown/script=%s \t1\t%s\n", name, line)
		}
	}
}

// run runs the demo once with script and returns its figures in benchmark form.
// A run that has not ended within runLimit is killed and fails the program: a hung demo
// must not hang make bench.
func run(demo, script string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), runLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, demo, "-script", script)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	started := time.Now()
	if err := cmd.Start(); err != nil {
		return "", err
	}
	var last string
	var lastAt time.Time
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "shutdown: ") {
			last, lastAt = sc.Text(), time.Now()
		}
	}
	err = cmd.Wait()
	reaped := time.Now()
	if ctx.Err() != nil {
		return "", fmt.Errorf("the demo did not end within %v, and was killed", runLimit)
	}
	if err != nil {
		return "", fmt.Errorf("the demo: %w", err)
	}
	if last == "" {
		return "", errors.New("the demo wrote no shutdown line")
	}
	s, err := report.ParseShutdown(last)
	if err != nil {
		return "", err
	}
	if s.RC != 0 {
		return "", fmt.Errorf("the demo's shutdown line says rc=%d", s.RC)
	}
	fig := fmt.Sprintf("%.0f ns/op\t%.3f stop-to-exit-ms\t%.3f drain-ms\t%.3f close-ms",
		s.StopToExit*1e6, s.StopToExit, s.Drain, s.Close)
	if s.Typed >= 0 {
		fig += fmt.Sprintf("\t%.3f typed-to-exit-ms", s.Typed)
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	fig += fmt.Sprintf("\t%.3f exit-ms\t%.3f process-ms", ms(reaped.Sub(lastAt)), ms(reaped.Sub(started)))
	return fig, nil
}
