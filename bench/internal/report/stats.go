package report

import (
	"math"
	"slices"
)

// Summary is one figure over the runs of a benchmark: how many runs had it, their
// median, lowest and highest.
type Summary struct {
	N                int
	Median, Min, Max float64
}

// Ok reports whether any run had the figure.
func (s Summary) Ok() bool { return s.N > 0 }

// summarize returns the summary of values, the median of an even count being the mean
// of the middle two.
func summarize(values []float64) Summary {
	if len(values) == 0 {
		return Summary{}
	}
	s := slices.Clone(values)
	slices.Sort(s)
	mid := len(s) / 2
	med := s[mid]
	if len(s)%2 == 0 {
		med = (s[mid-1] + s[mid]) / 2
	}
	return Summary{N: len(s), Median: med, Min: s[0], Max: s[len(s)-1]}
}

// Get summarizes the figure in unit over every run of the benchmark name (without
// "Benchmark" and the -GOMAXPROCS suffix: "Kill/settle=20ms").
func (d *Data) Get(name, unit string) Summary { return summarize(d.values(name, unit)) }

// values returns the figure in unit of every run of the benchmark name, in the order
// the runs came.
func (d *Data) values(name, unit string) []float64 {
	var values []float64
	for _, r := range d.Results {
		if r.Name != name {
			continue
		}
		if v, ok := r.Metrics[unit]; ok && !math.IsNaN(v) {
			values = append(values, v)
		}
	}
	return values
}

// Paired summarizes the ratio of the figure in unit of the benchmark a to that of b, run
// by run: the k-th run of a over the k-th run of b, for as many runs as both have. For
// runs made in alternation, each ratio sets a beside b as the machine was at that moment.
func (d *Data) Paired(a, b, unit string) Summary {
	x, y := d.values(a, unit), d.values(b, unit)
	var ratios []float64
	for k := 0; k < len(x) && k < len(y); k++ {
		if y[k] != 0 {
			ratios = append(ratios, x[k]/y[k])
		}
	}
	return summarize(ratios)
}

// Commands returns the bench-command configuration lines in force for the runs of the
// named benchmarks (of every benchmark, when none is named), each once, in the order of
// the runs: the commands that measured them, as `make bench` ran them.
func (d *Data) Commands(names ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range d.Results {
		c := r.Config["bench-command"]
		if c == "" || seen[c] || (len(names) > 0 && !slices.Contains(names, r.Name)) {
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	return out
}

// Has reports whether the benchmark ran.
func (d *Data) Has(name string) bool {
	for _, r := range d.Results {
		if r.Name == name {
			return true
		}
	}
	return false
}
