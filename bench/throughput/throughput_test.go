//go:build cgo && zconsolesim && linux

package throughput

import (
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// The throughput benchmark sends operator commands from one goroutine, as fast as the
// system takes them, to a program that takes them with Wait: each command is typed at
// the simulated console (sim.Command parses it, builds the CIB in the simulated
// system's storage and queues it), and the program's Wait copies it out, frees it with
// QEDIT and decodes it. When the queue is full the system refuses the command
// (IEE342I); the sender then waits until the program has taken one and types it again.
// The baseline is the same traffic over a Go channel with the same capacity as the
// queue limit: the cheapest handoff between two goroutines there is.

// The same benchmark runs against an earlier commit of the library (bench.sh's AB_BASE,
// the commit before the Go wake-up), built from a copy of this package whose module
// replaces the library with that commit's tree; codeEnv names that code, and its results
// come under code=NAME/, so that BENCHMARKS.md can tell the two apart.
const codeEnv = "ZCONSOLE_BENCH_CODE"

// throughputLimits are the queue limits (QEDIT CIBCTR=) the benchmark runs with.
var throughputLimits = []int{1, 5, 32, 255}

// throughputChunks is how many chunks each side runs, alternating with the other.
const throughputChunks = 10

// throughputText is what the operator types, and what the program must receive.
const (
	throughputCommand = "F DEMO,STATUS"
	throughputText    = "STATUS"
)

// consoleChunk sends n commands through the console with the given queue limit and
// returns the time from the first command typed to the last one returned by Wait, and
// how many times the system refused a command because the queue was full.
func consoleChunk(n, limit int) (time.Duration, int, error) {
	h, err := zconsole.Init(zconsole.WithQueueLimit(limit))
	if err != nil {
		return 0, 0, err
	}
	defer h.Close()
	taken := make(chan struct{}, 1) // a token: the program took a command
	done := make(chan error, 1)
	go func() {
		for range n {
			cmd, err := zconsole.Wait(h)
			if err == nil && cmd.Text != throughputText {
				err = fmt.Errorf("received %q, sent %q", cmd.Text, throughputText)
			}
			if err != nil {
				done <- err
				return
			}
			select {
			case taken <- struct{}{}:
			default:
			}
		}
		done <- nil
	}()
	refused := 0
	start := time.Now()
	for sent := 0; sent < n; {
		err := sim.Command(throughputCommand)
		switch {
		case err == nil:
			sent++
		case errors.Is(err, sim.ErrRejected):
			refused++
			select {
			case <-taken:
			case err := <-done:
				return 0, refused, fmt.Errorf("the program stopped taking commands: %v", err)
			}
		default:
			return 0, refused, err
		}
	}
	err = <-done
	return time.Since(start), refused, err
}

// chanChunk sends n texts over a channel with capacity limit to a goroutine that
// checks each, and returns the time from the first send to the last receive.
func chanChunk(n, limit int) (time.Duration, error) {
	ch := make(chan string, limit)
	done := make(chan error, 1)
	go func() {
		for range n {
			if s := <-ch; s != throughputText {
				done <- fmt.Errorf("received %q", s)
				return
			}
		}
		done <- nil
	}()
	start := time.Now()
	for range n {
		ch <- throughputText
	}
	err := <-done
	return time.Since(start), err
}

// BenchmarkThroughput measures b.N commands through the console and b.N texts over a
// channel, in alternating chunks, for each queue limit. It reports the console's time
// per command as ns/op, commands per second through each (cmds/s, chan-cmds/s), the
// console's time per command as a multiple of the channel's (x-vs-chan), and the
// commands the system refused per command delivered (refused/cmd). With
// ZCONSOLE_BENCH_CODE=NAME in the environment its results are named code=NAME/limit=N.
func BenchmarkThroughput(b *testing.B) {
	if code := os.Getenv(codeEnv); code != "" {
		b.Run("code="+code, throughputLimitsRun)
		return
	}
	throughputLimitsRun(b)
}

// throughputLimitsRun runs BenchmarkThroughput at each queue limit.
func throughputLimitsRun(b *testing.B) {
	for _, limit := range throughputLimits {
		b.Run(fmt.Sprintf("limit=%d", limit), func(b *testing.B) {
			if err := sim.Reset("DEMO"); err != nil {
				b.Fatal(err)
			}
			per := (b.N + throughputChunks - 1) / throughputChunks
			var console, channel time.Duration
			refused := 0
			b.ResetTimer()
			for range throughputChunks {
				d, r, err := consoleChunk(per, limit)
				if err != nil {
					b.Fatal(err)
				}
				console += d
				refused += r
				d, err = chanChunk(per, limit)
				if err != nil {
					b.Fatal(err)
				}
				channel += d
			}
			b.StopTimer()
			simClean(b)
			n := float64(per * throughputChunks)
			b.ReportMetric(ns(console)/n, "ns/op")
			b.ReportMetric(n/console.Seconds(), "cmds/s")
			b.ReportMetric(n/channel.Seconds(), "chan-cmds/s")
			b.ReportMetric(float64(console)/float64(channel), "x-vs-chan")
			b.ReportMetric(float64(refused)/n, "refused/cmd")
		})
	}
}

// simClean fails the benchmark if the simulator caught an abend or the program left
// storage: every handle it opened was closed.
func simClean(b *testing.B) {
	b.Helper()
	s := sim.Stats()
	if s.Abends != 0 || s.ProgramBlocks != 0 {
		b.Fatalf("simulator: %d abends, %d program blocks left: %v", s.Abends, s.ProgramBlocks, sim.Grep(sim.Log(), "ABEND"))
	}
}

// ns is a time in nanoseconds, for b.ReportMetric.
func ns(d time.Duration) float64 { return float64(d.Nanoseconds()) }

// TestChunks runs a few commands through each side once, so that every test run checks
// that the benchmark still measures what it says.
func TestChunks(t *testing.T) {
	if err := sim.Reset("DEMO"); err != nil {
		t.Fatal(err)
	}
	d, refused, err := consoleChunk(40, 1)
	if err != nil || d <= 0 || refused < 0 {
		t.Fatalf("console: %v, %d refused, %v", d, refused, err)
	}
	if d, err = chanChunk(40, 1); err != nil || d <= 0 {
		t.Fatalf("channel: %v, %v", d, err)
	}
	if s := sim.Stats(); s.Abends != 0 || s.ProgramBlocks != 0 || s.Queued != 0 {
		t.Fatalf("simulator: %d abends, %d program blocks, %d queued", s.Abends, s.ProgramBlocks, s.Queued)
	}
}
