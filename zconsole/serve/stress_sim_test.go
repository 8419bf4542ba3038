//go:build cgo && zconsolesim

package serve_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serveLedger counts, by text, the MODIFY commands the system accepted and what became
// of each: run by the handler, answered as not run, or left queued at the end.
type serveLedger struct {
	mu       sync.Mutex
	accepted map[string]int
	outcome  map[string][]string
}

func (l *serveLedger) add(m map[string]int, text string) {
	l.mu.Lock()
	m[text]++
	l.mu.Unlock()
}

func (l *serveLedger) became(text, how string) {
	l.mu.Lock()
	l.outcome[text] = append(l.outcome[text], how)
	l.mu.Unlock()
}

// TestServeStressNothingLost runs servers of random shapes while an operator sends
// commands and STOPs at random: every MODIFY the system accepts is run once or answered
// once, whatever the timing of STOP, Close and the second STOP.
func TestServeStressNothingLost(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	rounds := 150
	if testing.Short() {
		rounds = 20
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	l := &serveLedger{accepted: map[string]int{}, outcome: map[string][]string{}}

	handler := serve.HandlerFunc(func(ctx context.Context, req *serve.Request) error {
		l.became(req.Text, "run")
		if strings.HasSuffix(req.Text, "7") { // now and then a slow one
			select {
			case <-ctx.Done():
			case <-time.After(2 * time.Millisecond):
			}
		}
		return nil
	})
	replies := func(cmd zconsole.Command, lines []string) error {
		for _, line := range lines {
			if strings.Contains(line, " not run: ") {
				l.became(cmd.Text, "answered")
			}
		}
		return nil
	}

	for r := 0; r < rounds; r++ {
		require.NoError(t, h.SetQueueLimit(1+rng.IntN(5)))
		opts := []serve.Option{
			serve.WithHandler(handler), serve.WithReplies(replies),
			serve.WithWorkers(1 + rng.IntN(3)), serve.WithBacklog(rng.IntN(3)),
			serve.WithDrainQueueLimit(rng.IntN(3)),
		}
		if rng.IntN(4) == 0 {
			opts = append(opts, serve.WithGrace(time.Duration(rng.IntN(3))*time.Millisecond+time.Microsecond))
		}
		srv, err := serve.New(context.Background(), h, opts...)
		require.NoError(t, err, "round %d", r)

		n, stops := 1+rng.IntN(12), rng.IntN(3)
		var sender sync.WaitGroup
		sender.Add(1)
		go func(seed uint64) {
			defer sender.Done()
			rr := rand.New(rand.NewPCG(seed, 1))
			for i := 0; i < n+stops; i++ {
				if i >= n || rr.IntN(n+stops) < stops {
					_ = sim.Command("P DEMO") // refused while one is queued: either way
					continue
				}
				text := fmt.Sprintf("R%dN%d", r, i)
				switch err := sim.Command("F DEMO," + text); {
				case err == nil:
					l.add(l.accepted, text)
				case errors.Is(err, sim.ErrRejected):
				default:
					t.Errorf("round %d: %v", r, err)
				}
				if rr.IntN(3) == 0 {
					time.Sleep(time.Duration(rr.IntN(300)) * time.Microsecond)
				}
			}
		}(rng.Uint64())
		if rng.IntN(2) == 0 {
			sender.Wait()
		}
		require.NoError(t, srv.Close(), "round %d", r)
		sender.Wait()
	}

	// What the last server did not take is still queued: take it.
	for sim.Stats().Queued > 0 || sim.Stats().StopQueued {
		cmd, err := zconsole.Wait(h)
		require.NoError(t, err)
		if cmd.Verb == zconsole.Modify {
			l.became(cmd.Text, "queued")
		}
	}
	lc.check(t)

	total, hows := 0, map[string]int{}
	for text, n := range l.accepted {
		total += n
		assert.Len(t, l.outcome[text], 1, "%s: accepted %d times, became %v", text, n, l.outcome[text])
	}
	for text, how := range l.outcome {
		assert.Contains(t, l.accepted, text, "%s became %v but was never accepted", text, how)
		for _, h := range how {
			hows[h]++
		}
	}
	t.Logf("%d rounds, %d commands accepted: %v", rounds, total, hows)
}
