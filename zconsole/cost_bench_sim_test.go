//go:build cgo && zconsolesim && linux

package zconsole

import (
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/testfiles"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
	"github.com/stretchr/testify/assert"
)

// The cost benchmarks split what one command costs the program into parts: decoding a
// CIB that is already copied out (Go only), and the whole Wait for a command that is
// already queued (a cgo call, the bounded copy out of system storage, QEDIT to free the
// CIB, and the decoding; no WAIT, since the chain is drained before any WAIT). The CIB
// is testdata/cib/modify.hex, F DEMO,STATUS from console IBMUSER with a CART. The third
// part, the cgo boundary alone, is measured against the C floor's call that does
// nothing, in the benchmark module (bench/console/cost_test.go), under the same names.

// costBatch is how many commands the wait part queues at a time: the largest queue
// limit there is.
const costBatch = 255

// costCIB returns the MODIFY CIB the cost benchmarks use.
func costCIB(b testing.TB) []byte {
	b.Helper()
	img, err := testfiles.Hex("cib/modify.hex")
	if err != nil {
		b.Fatal(err)
	}
	return img
}

// costHandle resets the simulated system and opens a handle with the largest queue
// limit, closed when the benchmark ends.
func costHandle(b testing.TB) *Handle {
	b.Helper()
	if r := mvs.Reset("DEMO", nil); r != zc.SIM_QUEUED {
		b.Fatalf("reset: %d", r)
	}
	h, err := Init(WithQueueLimit(costBatch))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if err := h.Close(); err != nil {
			b.Error(err)
		}
		if n := mvs.Stats(); n.Abends != 0 || n.ProgramBlocks != uint64(RetiredAsks()) {
			b.Errorf("simulator: %d abends, %d program blocks left (%d of retired questions)", n.Abends, n.ProgramBlocks, RetiredAsks())
		}
	})
	return h
}

// queueCIBs puts n copies of img on the chain, as the system does for an operator.
func queueCIBs(b testing.TB, img []byte, n int) {
	b.Helper()
	for range n {
		if r := mvs.Queue(img); r != zc.SIM_QUEUED {
			b.Fatalf("queue: %d", r)
		}
	}
}

// waitQueued takes one queued command with Wait and checks it.
func waitQueued(b testing.TB, h *Handle) {
	cmd, err := Wait(h)
	if err != nil || cmd.Text != "STATUS" {
		b.Fatalf("Wait: %q, %v", cmd.Text, err)
	}
}

// decodeOnce decodes img and checks it.
func decodeOnce(b testing.TB, img []byte) {
	cmd, err := decodeCIB(img, ebcdic.IBM1047)
	if err != nil || cmd.Text != "STATUS" {
		b.Fatalf("decode: %q, %v", cmd.Text, err)
	}
}

// BenchmarkCommandCost measures each part of a command's cost on its own, with its
// allocations: part=decode, and part=wait, a Wait for a command already queued (the
// queueing is not timed, nor its allocations counted).
func BenchmarkCommandCost(b *testing.B) {
	img := costCIB(b)
	b.Run("part=decode", func(b *testing.B) {
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			decodeOnce(b, img)
		}
	})
	b.Run("part=wait", func(b *testing.B) {
		h := costHandle(b)
		b.ReportAllocs()
		b.ResetTimer()
		for done := 0; done < b.N; {
			n := min(costBatch, b.N-done)
			b.StopTimer()
			queueCIBs(b, img, n)
			b.StartTimer()
			for range n {
				waitQueued(b, h)
			}
			done += n
		}
	})
}

// BenchmarkCommandCostRatio runs the two parts of BenchmarkCommandCost in the same
// run, alternating in batches of 255, and reports each one's time (decode-ns, wait-ns)
// and the share of Wait's time that decoding is (pct-decode). Its ns/op is Wait's time.
func BenchmarkCommandCostRatio(b *testing.B) {
	img := costCIB(b)
	h := costHandle(b)
	var decode, wait time.Duration
	count := 0
	b.ResetTimer()
	for count < b.N {
		start := time.Now()
		for range costBatch {
			decodeOnce(b, img)
		}
		decode += time.Since(start)
		queueCIBs(b, img, costBatch)
		start = time.Now()
		for range costBatch {
			waitQueued(b, h)
		}
		wait += time.Since(start)
		count += costBatch
	}
	b.StopTimer()
	n := float64(count)
	per := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / n }
	b.ReportMetric(per(wait), "ns/op")
	b.ReportMetric(per(decode), "decode-ns")
	b.ReportMetric(per(wait), "wait-ns")
	b.ReportMetric(100*float64(decode)/float64(wait), "pct-decode")
}

// The cost parts once each as tests, so that every test run checks what the benchmarks
// measure; and Wait's allocations, which BENCHMARKS.md explains one by one.

func TestCostParts(t *testing.T) {
	img := costCIB(t)
	decodeOnce(t, img)
	h := costHandle(t)
	queueCIBs(t, img, 2)
	waitQueued(t, h)
	waitQueued(t, h)
	assert.Zero(t, mvs.Stats().Queued, "both commands taken")
}

// A Wait that finds a command queued takes it with one cgo call, asks for no WAIT and
// sleeps on nothing: it allocates the command's text and console name, no more.
func TestWaitForAQueuedCommandAllocatesTwice(t *testing.T) {
	h := costHandle(t)
	const runs = 100
	queueCIBs(t, costCIB(t), runs+1) // AllocsPerRun calls once more to warm up
	n := testing.AllocsPerRun(runs, func() { waitQueued(t, h) })
	assert.LessOrEqual(t, n, 2.0, "the command's text and console name")
}
