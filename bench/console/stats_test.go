//go:build cgo && zconsolesim && linux

package console

import (
	"math"
	"slices"
	"time"
)

// latencies are the times a benchmark measured, one per round.
type latencies []time.Duration

// quantile returns the q-quantile (0 < q <= 1) by nearest rank: the smallest time that
// at least q of the rounds did not exceed. It returns 0 for no rounds.
func (l latencies) quantile(q float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	s := slices.Clone(l)
	slices.Sort(s)
	rank := int(math.Ceil(float64(len(s))*q)) - 1
	return s[min(max(rank, 0), len(s)-1)]
}

// mean returns the arithmetic mean, 0 for no rounds.
func (l latencies) mean() time.Duration {
	if len(l) == 0 {
		return 0
	}
	var sum time.Duration
	for _, d := range l {
		sum += d
	}
	return sum / time.Duration(len(l))
}

// ns is a time in nanoseconds, for b.ReportMetric.
func ns(d time.Duration) float64 { return float64(d.Nanoseconds()) }
