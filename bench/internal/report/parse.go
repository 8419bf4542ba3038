package report

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Result is one line of benchmark output: a benchmark's name, how many iterations ran,
// and its figures by unit.
type Result struct {
	Name    string             // without the Benchmark prefix's -GOMAXPROCS suffix
	Iters   int                // iterations
	Metrics map[string]float64 // value by unit: "ns/op", "p50-ns", ...
	Config  map[string]string  // the configuration lines in force (pkg, bench-command, ...)
}

// Data is everything a benchmark output holds: the results in order, and the
// configuration lines as they were first given.
type Data struct {
	Results []Result
	Config  map[string]string // each key's first value
	Keys    []string          // configuration keys in the order first seen
}

var (
	configLine = regexp.MustCompile(`^([a-z][^\s:]*):\s*(.*)$`)
	procsTail  = regexp.MustCompile(`-[0-9]+$`)
)

// Parse reads benchmark output: configuration lines (`key: value`), result lines
// (`BenchmarkName-2  100  12.5 ns/op  3 B/op`), and anything else, which it skips as
// benchstat does. A result line whose figures do not read is an error that names it.
func Parse(r io.Reader) (*Data, error) {
	d := &Data{Config: map[string]string{}}
	current := map[string]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if m := configLine.FindStringSubmatch(text); m != nil {
			current = clone(current)
			current[m[1]] = strings.TrimSpace(m[2])
			if _, ok := d.Config[m[1]]; !ok {
				d.Config[m[1]] = current[m[1]]
				d.Keys = append(d.Keys, m[1])
			}
			continue
		}
		if !strings.HasPrefix(text, "Benchmark") {
			continue
		}
		res, err := parseResult(text)
		if err != nil {
			return nil, fmt.Errorf("report: line %d: %w", line, err)
		}
		if res == nil {
			continue
		}
		res.Config = current
		d.Results = append(d.Results, *res)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return d, nil
}

// parseResult reads a result line, or returns nil for a line that only starts like
// one (go test -v prints the benchmark's name alone before its figures).
func parseResult(text string) (*Result, error) {
	f := strings.Fields(text)
	if len(f) < 2 {
		return nil, nil
	}
	iters, err := strconv.Atoi(f[1])
	if err != nil {
		return nil, nil
	}
	if len(f)%2 != 0 {
		return nil, fmt.Errorf("%q: a figure without its unit", text)
	}
	res := &Result{Name: procsTail.ReplaceAllString(strings.TrimPrefix(f[0], "Benchmark"), ""),
		Iters: iters, Metrics: map[string]float64{}}
	for i := 2; i < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return nil, fmt.Errorf("%q: figure %q: %w", text, f[i], err)
		}
		res.Metrics[f[i+1]] = v
	}
	return res, nil
}

func clone(m map[string]string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}
