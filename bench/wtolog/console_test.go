//go:build cgo && zconsolesim

package wtolog

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/go-zos/zconsole/bench/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/wtolog"
)

// A record at the console level, through the simulated MVS. BenchmarkConsole counts
// the records issued per second: wtolog's (Handle, the queue, its goroutine's Put)
// against zconsole.Put called directly with the same text and codes, the way a
// program without wtolog writes them. BenchmarkSuppressed measures the caller's time
// per record while the rate limit keeps every record off the console, against
// slog's TextHandler writing the same record to io.Discard.

// consoleText is the record as wtolog writes it, and consoleCodes its codes at
// slog.LevelWarn (wtolog.DefaultSeverities).
const consoleText = "DMO010W queue deep queue=PAYROLL.IN depth=5000"

var consoleCodes = []zconsole.PutOption{zconsole.Substitute(), zconsole.Routing(2, 11), zconsole.Descriptor(12)}

// consoleRecord logs the record both sides write.
func consoleRecord(l *slog.Logger) {
	l.LogAttrs(context.Background(), slog.LevelWarn, "queue deep",
		slog.String("msgid", "DMO010"), slog.String("queue", "PAYROLL.IN"), slog.Int("depth", 5000))
}

// flushEvery is how many records the wtolog side logs between flushes: half its queue,
// so that none is dropped.
const (
	consoleQueue = 256
	flushEvery   = consoleQueue / 2
)

// issueThroughWtolog logs n records at the console level with no rate limit, flushing
// every flushEvery, and returns the Handler's counts.
func issueThroughWtolog(n int) (wtolog.Stats, error) {
	h := wtolog.NewHandler(&wtolog.Options{
		Prefix: "DMO", QueueSize: consoleQueue, PerID: wtolog.NoLimit, Total: wtolog.NoLimit,
	})
	l := slog.New(h)
	for i := range n {
		consoleRecord(l)
		if i%flushEvery == flushEvery-1 {
			if err := h.Flush(context.Background()); err != nil {
				_ = h.Close()
				return h.Stats(), err
			}
		}
	}
	err := h.Close()
	return h.Stats(), err
}

// BenchmarkConsole measures records issued per second on each path.
func BenchmarkConsole(b *testing.B) {
	b.Run("path=Put", func(b *testing.B) {
		simtest.Fresh(b)
		b.ResetTimer()
		for range b.N {
			if _, err := zconsole.Put(consoleText, consoleCodes...); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
	})
	b.Run("path=wtolog", func(b *testing.B) {
		simtest.Fresh(b)
		b.ResetTimer()
		s, err := issueThroughWtolog(b.N)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if s.Written != uint64(b.N) {
			b.Fatalf("%d records written of %d: %+v", s.Written, b.N, s)
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
	})
}

// suppressingLogger returns a logger whose every record after the first is kept off the
// console by the rate limit, and a function that closes it.
func suppressingLogger() (*slog.Logger, *wtolog.Handler) {
	h := wtolog.NewHandler(&wtolog.Options{
		Prefix: "DMO", PerID: wtolog.Limit{Burst: 1, Every: time.Hour}, Total: wtolog.NoLimit,
		SummaryEvery: time.Hour,
	})
	return slog.New(h), h
}

// BenchmarkSuppressed measures the caller's time and allocations per record while the
// rate limit suppresses it, against slog's TextHandler on io.Discard with the same
// record.
func BenchmarkSuppressed(b *testing.B) {
	b.Run("impl=TextHandler", func(b *testing.B) {
		l := slog.New(slog.NewTextHandler(io.Discard, nil))
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			consoleRecord(l)
		}
	})
	b.Run("impl=wtolog", func(b *testing.B) {
		simtest.Fresh(b)
		l, h := suppressingLogger()
		consoleRecord(l) // the one the limit lets through
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			consoleRecord(l)
		}
		b.StopTimer()
		if err := h.Close(); err != nil {
			b.Fatal(err)
		}
		if s := h.Stats(); s.Suppressed != uint64(b.N) {
			b.Fatalf("%d records suppressed of %d: %+v", s.Suppressed, b.N, s)
		}
	})
}
