package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// sig3 writes v with three significant digits, without an exponent: 0.0123, 1.23,
// 12.3, 123, 1,234.
func sig3(v float64) string {
	a := math.Abs(v)
	switch {
	case a == 0:
		return "0"
	case a >= 1000:
		return thousands(math.Round(v))
	case a >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case a >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case a >= 1:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	decimals := 2 - int(math.Floor(math.Log10(a)))
	return strconv.FormatFloat(v, 'f', decimals, 64)
}

// thousands writes a whole number with commas between thousands: 1,234,567.
func thousands(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', 0, 64)
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// dur writes a time in nanoseconds in the unit that suits it: 850 ns, 31.7 µs,
// 2.50 ms, 2.50 s.
func dur(ns float64) string {
	a := math.Abs(ns)
	switch {
	case a < 1e3:
		return sig3(ns) + " ns"
	case a < 1e6:
		return sig3(ns/1e3) + " µs"
	case a < 1e9:
		return sig3(ns/1e6) + " ms"
	}
	return sig3(ns/1e9) + " s"
}

// times writes a ratio: 1.43×.
func times(r float64) string {
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return "—"
	}
	return sig3(r) + "×"
}

// spread writes a summary's lowest and highest and its run count, with f formatting
// each value: "(28.1 µs–35.0 µs, 3 runs)", or "(1 run)".
func spread(s Summary, f func(float64) string) string {
	if s.N == 1 {
		return "(1 run)"
	}
	return fmt.Sprintf("(%s–%s, %s)", f(s.Min), f(s.Max), runs(s.N))
}

// withSpread writes a summary's median and its spread.
func withSpread(s Summary, f func(float64) string) string {
	if !s.Ok() {
		return "not measured"
	}
	return f(s.Median) + " " + spread(s, f)
}

// runs writes a count of runs: "1 run", "5 runs".
func runs(n int) string {
	if n == 1 {
		return "1 run"
	}
	return fmt.Sprintf("%d runs", n)
}

// period writes a polling period with a space before its unit: 10 ms, 1 s.
func period(d time.Duration) string {
	if d < time.Second {
		return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'g', -1, 64) + " ms"
	}
	return strconv.FormatFloat(d.Seconds(), 'g', -1, 64) + " s"
}

// num writes a count: a whole number as such (5, 5,561), anything else with three
// significant digits.
func num(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return thousands(v)
	}
	return sig3(v)
}

// yesNo writes whether a target is met.
func yesNo(met bool) string {
	if met {
		return "**met**"
	}
	return "**not met**"
}

// size writes a size in bytes: 160 B, 12.3 KiB.
func size(v float64) string {
	if v < 1024 {
		return sig3(v) + " B"
	}
	return sig3(v/1024) + " KiB"
}
