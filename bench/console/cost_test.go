//go:build cgo && zconsolesim && linux

package console

import (
	"testing"
	"time"

	"github.com/go-zos/zconsole/bench/internal/floor"
	"github.com/go-zos/zconsole/bench/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cost benchmarks of package zconsole split what one command costs the program:
// decoding a CIB already copied out, and the whole Wait for a command already queued
// (zconsole/cost_bench_sim_test.go). The part here is the cgo boundary, a call into C
// and back that does nothing (package floor's Nop), set beside the same Wait in the same
// run. The benchmarks carry the library's names, BenchmarkCommandCost and
// BenchmarkCommandCostRatio, with figures of their own, so that BENCHMARKS.md reads each
// part under one name.

// costBatch is how many commands the ratio queues at a time: the largest queue limit.
const costBatch = 255

// costCommand is what the operator types; the program must receive costText.
const (
	costCommand = "F DEMO,STATUS"
	costText    = "STATUS"
)

// costHandle resets the simulated system and opens a handle with the largest queue
// limit, closed when the benchmark ends.
func costHandle(b testing.TB) *zconsole.Handle {
	b.Helper()
	simtest.Fresh(b)
	h, err := zconsole.Init(zconsole.WithQueueLimit(costBatch))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if err := h.Close(); err != nil {
			b.Error(err)
		}
	})
	return h
}

// queueCommands has the operator type n commands, which the system queues.
func queueCommands(b testing.TB, n int) {
	b.Helper()
	for range n {
		if err := sim.Command(costCommand); err != nil {
			b.Fatal(err)
		}
	}
}

// waitQueued takes one queued command with Wait and checks it.
func waitQueued(b testing.TB, h *zconsole.Handle) {
	cmd, err := zconsole.Wait(h)
	if err != nil || cmd.Text != costText {
		b.Fatalf("Wait: %q, %v", cmd.Text, err)
	}
}

// BenchmarkCommandCost measures the cgo boundary on its own, with its allocations:
// part=cgo. Package zconsole's benchmark of the same name has the other parts.
func BenchmarkCommandCost(b *testing.B) {
	b.Run("part=cgo", func(b *testing.B) {
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			floor.Nop()
		}
	})
}

// BenchmarkCommandCostRatio runs the cgo boundary and a Wait for a queued command in
// the same run, alternating in batches of 255 (the queueing is not timed), and reports
// the boundary's time (cgo-ns) and its share of Wait's time (pct-cgo). Its ns/op is
// Wait's time in this run; package zconsole's benchmark of the same name reports
// Wait's time as wait-ns, beside decoding's.
func BenchmarkCommandCostRatio(b *testing.B) {
	h := costHandle(b)
	var cgo, wait time.Duration
	count := 0
	b.ResetTimer()
	for count < b.N {
		start := time.Now()
		for range costBatch {
			floor.Nop()
		}
		cgo += time.Since(start)
		queueCommands(b, costBatch)
		start = time.Now()
		for range costBatch {
			waitQueued(b, h)
		}
		wait += time.Since(start)
		count += costBatch
	}
	b.StopTimer()
	n := float64(count)
	b.ReportMetric(float64(wait.Nanoseconds())/n, "ns/op")
	b.ReportMetric(float64(cgo.Nanoseconds())/n, "cgo-ns")
	b.ReportMetric(100*float64(cgo)/float64(wait), "pct-cgo")
}

func TestCostCgoRound(t *testing.T) {
	floor.Nop()
	h := costHandle(t)
	queueCommands(t, 2)
	waitQueued(t, h)
	waitQueued(t, h)
	require.Empty(t, sim.Grep(sim.Log(), "IEE342I"), "no command refused")
	assert.Zero(t, sim.Stats().SVCs[sim.SVCWait], "both taken from the chain, with no WAIT")
}
