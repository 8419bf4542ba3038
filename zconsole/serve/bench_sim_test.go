//go:build cgo && zconsolesim

package serve_test

import (
	"context"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// The serving benchmarks compare a Server with the loop a program writes by hand on
// Wait, which is what the Server is built on. The *Ratio benchmarks run both sides in
// the same run, alternating in chunks so that both see the same machine load, and
// report the Server's cost as a multiple of the hand-written loop's (x-vs-Wait).

// serveBenchHandle resets the simulator and opens a handle for a benchmark.
func serveBenchHandle(b *testing.B) *zconsole.Handle {
	b.Helper()
	if err := sim.Reset("DEMO"); err != nil {
		b.Fatal(err)
	}
	h, err := zconsole.Init()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = h.Close() })
	return h
}

// modifySides returns the two ways to answer F DEMO,STATUS: a goroutine looping on
// WaitContext, and a Server with a Router. Each times the command up to the answer;
// the first op after a change of side also ends the other side and starts its own,
// untimed.
func modifySides(b *testing.B, h *zconsole.Handle) (byWait, byServer func() time.Duration, stop func()) {
	answered := make(chan struct{})
	send := func() {
		if err := sim.Command("F DEMO,STATUS"); err != nil {
			b.Fatal(err)
		}
		<-answered
	}

	// Side 0: the hand-written loop, on its own context.
	ctx, cancel := context.WithCancel(context.Background())
	loopDone := make(chan struct{})
	startLoop := func() {
		ctx, cancel = context.WithCancel(context.Background())
		loopDone = make(chan struct{})
		go func() {
			defer close(loopDone)
			for {
				cmd, err := zconsole.WaitContext(ctx, h)
				if err != nil {
					return
				}
				if cmd.Text == "STATUS" {
					answered <- struct{}{}
				}
			}
		}()
	}
	stopLoop := func() { cancel(); <-loopDone }

	// Side 1: the Server.
	r := serve.NewRouter()
	r.Handle("STATUS", func(_ context.Context, req *serve.Request) error { return req.Reply("ACTIVE") })
	var srv *serve.Server
	startServer := func() {
		var err error
		srv, err = serve.New(context.Background(), h, serve.WithHandler(r),
			serve.WithReplies(func(zconsole.Command, []string) error {
				answered <- struct{}{}
				return nil
			}))
		if err != nil {
			b.Fatal(err)
		}
	}
	stopServer := func() {
		if err := srv.Close(); err != nil {
			b.Fatal(err)
		}
		// The server left MODIFY refused, as after a STOP.
		if err := h.SetQueueLimit(zconsole.DefaultQueueLimit); err != nil {
			b.Fatal(err)
		}
	}

	side := -1
	switchTo := func(s int) {
		if side == s {
			return
		}
		switch side {
		case 0:
			stopLoop()
		case 1:
			stopServer()
		}
		side = s
		if s == 0 {
			startLoop()
		} else {
			startServer()
		}
	}
	byWait = func() time.Duration { switchTo(0); return timed(send) }
	byServer = func() time.Duration { switchTo(1); return timed(send) }
	stop = func() {
		switch side {
		case 0:
			stopLoop()
		case 1:
			stopServer()
		}
		cancel()
	}
	return byWait, byServer, stop
}

// BenchmarkServeModifyRatio measures one MODIFY from the operator's command to the
// program's answer.
func BenchmarkServeModifyRatio(b *testing.B) {
	h := serveBenchHandle(b)
	byWait, byServer, stop := modifySides(b, h)
	defer stop()
	serveRatio(b, byWait, byServer)
}

// BenchmarkServeStopRatio measures a STOP from the operator's command to the program
// seeing it: a hand-written loop that returns on STOP, against a Server whose Context
// is cancelled. Starting and ending the loop or server are not timed.
func BenchmarkServeStopRatio(b *testing.B) {
	h := serveBenchHandle(b)
	byWait := func() time.Duration {
		started, done := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(done)
			close(started)
			for {
				cmd, err := zconsole.Wait(h)
				if err != nil || cmd.Verb == zconsole.Stop {
					return
				}
			}
		}()
		<-started
		d := timed(func() {
			if err := sim.Command("P DEMO"); err != nil {
				b.Fatal(err)
			}
			<-done
		})
		return d
	}
	byServer := func() time.Duration {
		srv, err := serve.New(context.Background(), h)
		if err != nil {
			b.Fatal(err)
		}
		d := timed(func() {
			if err := sim.Command("P DEMO"); err != nil {
				b.Fatal(err)
			}
			<-srv.Context().Done()
		})
		if err := srv.Close(); err != nil {
			b.Fatal(err)
		}
		return d
	}
	serveRatio(b, byWait, byServer)
}

// timed returns how long f took.
func timed(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}

// serveRatio runs base and impl alternately, in chunks, and reports the mean of the
// times they return for each, and impl's as a multiple of base's. Its ns/op is the
// mean wall time over both sides, untimed parts included.
func serveRatio(b *testing.B, base, impl func() time.Duration) {
	const chunks = 10 // per side
	per := max(b.N/(2*chunks), 1)
	var took [2]time.Duration
	for c := range 2 * chunks {
		side := c % 2
		for range per {
			if side == 0 {
				took[0] += base()
			} else {
				took[1] += impl()
			}
		}
	}
	n := float64(chunks * per)
	b.ReportMetric(float64(took[0].Nanoseconds())/n, "ns-Wait/op")
	b.ReportMetric(float64(took[1].Nanoseconds())/n, "ns-Server/op")
	b.ReportMetric(float64(took[1])/float64(took[0]), "x-vs-Wait")
}
