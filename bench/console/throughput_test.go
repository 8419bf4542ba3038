//go:build cgo && zconsolesim && linux

package console

import (
	"errors"
	"fmt"
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
// commands the system refused per command delivered (refused/cmd).
func BenchmarkThroughput(b *testing.B) {
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
