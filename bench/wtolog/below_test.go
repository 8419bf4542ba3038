package wtolog

import (
	"context"
	"io"
	"log/slog"
	"runtime"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole/wtolog"
)

// A record below the console level goes to the next handler only. The baseline is
// that next handler alone, slog.NewTextHandler(io.Discard, nil), given the same record
// through a slog.Logger: what wtolog adds is its own Enabled and Handle around the
// next handler's. The target is 1.2× at most, in time and in allocations.

// belowLogger returns a logger writing to slog's TextHandler on w (io.Discard in the
// benchmarks): alone (h nil), or as the next handler of a wtolog Handler h whose
// console level is the default, Warn, which the caller closes.
func belowLogger(w io.Writer, withWtolog bool) (l *slog.Logger, h *wtolog.Handler) {
	text := slog.NewTextHandler(w, nil)
	if !withWtolog {
		return slog.New(text), nil
	}
	h = wtolog.NewHandler(&wtolog.Options{Prefix: "DMO", Next: text})
	return slog.New(h), h
}

// belowRecord logs the record both sides log: Info, below the console level, with
// three attributes.
func belowRecord(l *slog.Logger) {
	l.LogAttrs(context.Background(), slog.LevelInfo, "request served",
		slog.String("method", "GET"), slog.String("path", "/status"), slog.Int("ms", 12))
}

// BenchmarkBelowLevel measures one record below the console level on each side, with
// its allocations.
func BenchmarkBelowLevel(b *testing.B) {
	for _, side := range []struct {
		name  string
		wtolg bool
	}{{"impl=TextHandler", false}, {"impl=wtolog", true}} {
		b.Run(side.name, func(b *testing.B) {
			l, h := belowLogger(io.Discard, side.wtolg)
			if h != nil {
				defer h.Close()
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				belowRecord(l)
			}
		})
	}
}

// belowChunk logs n records and returns how long they took and how many allocations
// they made.
func belowChunk(l *slog.Logger, n int) (time.Duration, uint64) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	mallocs := ms.Mallocs
	start := time.Now()
	for range n {
		belowRecord(l)
	}
	d := time.Since(start)
	runtime.ReadMemStats(&ms)
	return d, ms.Mallocs - mallocs
}

// BenchmarkBelowLevelRatio runs both sides of BenchmarkBelowLevel in the same run, in
// alternating chunks, and reports the time and allocations per record of each and the
// ratio of their times (x-vs-text). Its ns/op is the mean over both sides.
func BenchmarkBelowLevelRatio(b *testing.B) {
	const chunks = 10 // per side
	per := max(b.N/(2*chunks), 1)
	text, _ := belowLogger(io.Discard, false)
	withW, h := belowLogger(io.Discard, true)
	defer h.Close()
	var elapsed [2]time.Duration
	var allocs [2]uint64
	for c := range 2 * chunks {
		side := c % 2
		l := text
		if side == 1 {
			l = withW
		}
		d, a := belowChunk(l, per)
		elapsed[side] += d
		allocs[side] += a
	}
	n := float64(chunks * per)
	b.ReportMetric(float64(elapsed[0].Nanoseconds())/n, "ns/TextHandler")
	b.ReportMetric(float64(elapsed[1].Nanoseconds())/n, "ns/wtolog")
	b.ReportMetric(float64(elapsed[1])/float64(elapsed[0]), "x-vs-text")
	b.ReportMetric(float64(allocs[0])/n, "allocs/TextHandler")
	b.ReportMetric(float64(allocs[1])/n, "allocs/wtolog")
}
