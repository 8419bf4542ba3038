//go:build cgo && zconsolesim

package zconsole

import (
	"strings"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

// BenchmarkPut: a single-line and a ten-line WTO through the C layout and the
// simulated SVC 35, as a ratio to preparing the same message in Go (the checks, the
// line splitting and the IBM-1047 encoding) measured in the same run.
func BenchmarkPut(b *testing.B) {
	cases := map[string]string{
		"1 line":   "DEMO001I READY FOR WORK",
		"10 lines": strings.TrimSpace(strings.Repeat("WORD ", 140)),
	}
	opts := []PutOption{Routing(2, 11), Descriptor(12)}
	for name, text := range cases {
		b.Run(name, func(b *testing.B) {
			if r := mvs.Reset("DEMO", nil); r != zc.SIM_QUEUED {
				b.Fatalf("reset: %d", r)
			}
			start := time.Now()
			for i := 0; i < b.N; i++ {
				if _, _, err := prepare(text, false, opts); err != nil {
					b.Fatal(err)
				}
			}
			base := time.Since(start)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Put(text, opts...); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed())/float64(base), "x-prepare")
		})
	}
}
