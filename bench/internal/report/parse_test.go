package report

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	in := `machine-cpu: Test CPU
bench-command: go test -bench .
goos: linux
pkg: example.com/a
BenchmarkA
BenchmarkA-2   	     100	     12.5 ns/op	       3 B/op
--- BENCH: BenchmarkA-2
    a_test.go:1: a log line
pkg: example.com/b
BenchmarkB/sub=x 	1	2.5e3 ns/op	1.5 x-vs-floor
PASS
`
	d, err := Parse(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, d.Results, 2)

	a, b := d.Results[0], d.Results[1]
	assert.Equal(t, "A", a.Name)
	assert.Equal(t, 100, a.Iters)
	assert.Equal(t, map[string]float64{"ns/op": 12.5, "B/op": 3}, a.Metrics)
	assert.Equal(t, "example.com/a", a.Config["pkg"])
	assert.Equal(t, "go test -bench .", a.Config["bench-command"])

	assert.Equal(t, "B/sub=x", b.Name)
	assert.Equal(t, map[string]float64{"ns/op": 2500, "x-vs-floor": 1.5}, b.Metrics)
	assert.Equal(t, "example.com/b", b.Config["pkg"])

	assert.Equal(t, "example.com/a", d.Config["pkg"], "the first value of each key")
	assert.Equal(t, []string{"machine-cpu", "bench-command", "goos", "pkg"}, d.Keys)
}

func TestParseRejectsFiguresThatDoNotRead(t *testing.T) {
	for _, tc := range []struct{ in, wErr string }{
		{"BenchmarkA-2 10 12.5", `report: line 1: "BenchmarkA-2 10 12.5": a figure without its unit`},
		{"x: y\nBenchmarkA-2 10 fast ns/op", `report: line 2: "BenchmarkA-2 10 fast ns/op": figure "fast": strconv.ParseFloat: parsing "fast": invalid syntax`},
	} {
		_, err := Parse(strings.NewReader(tc.in))
		assert.EqualError(t, err, tc.wErr)
	}
}

func TestGet(t *testing.T) {
	d, err := Parse(strings.NewReader("BenchmarkA-2 1 3 ns/op\nBenchmarkA-2 1 1 ns/op\nBenchmarkA-2 1 2 ns/op 7 x\nBenchmarkA-2 1 10 ns/op\nBenchmarkAB-2 1 100 ns/op\n"))
	require.NoError(t, err)
	assert.Equal(t, Summary{N: 4, Median: 2.5, Min: 1, Max: 10}, d.Get("A", "ns/op"))
	assert.Equal(t, Summary{N: 1, Median: 7, Min: 7, Max: 7}, d.Get("A", "x"))
	assert.False(t, d.Get("A", "B/op").Ok())
	assert.False(t, d.Get("C", "ns/op").Ok())
	assert.True(t, d.Has("AB"))
	assert.False(t, d.Has("C"))
}
