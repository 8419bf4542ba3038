//go:build cgo && zconsolesim

package serve_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sent records what the system said to each MODIFY the operators entered: accepted
// (sim.Command returned nil) or refused (sim.ErrRejected).
type sent struct {
	mu       sync.Mutex
	accepted map[string]bool
	refusedF atomic.Int64 // MODIFY commands refused
	refusedP atomic.Int64 // STOP commands refused
}

func (s *sent) modify(t *testing.T, text string) {
	err := sim.Command("F DEMO," + text)
	switch {
	case err == nil:
	case errors.Is(err, sim.ErrRejected):
		s.refusedF.Add(1)
	default:
		t.Errorf("F DEMO,%s: %v", text, err)
		return
	}
	s.mu.Lock()
	s.accepted[text] = err == nil
	s.mu.Unlock()
}

func (s *sent) stop(t *testing.T) {
	switch err := sim.Command("P DEMO"); {
	case err == nil:
	case errors.Is(err, sim.ErrRejected): // one STOP is queued already
		s.refusedP.Add(1)
	default:
		t.Errorf("P DEMO: %v", err)
	}
}

// TestServeStressNothingLost runs servers of random shapes while several operators
// enter MODIFY commands and STOPs at random, racing the first STOP, a second STOP,
// Close, the idle timeout, the grace period and a cancelled parent. When Close has
// returned, each MODIFY the system accepted has been run or answered exactly once and
// none is left on the job's chain; each one the system refused was refused visibly
// (IEE342I in the log, an error to the sender) and neither run nor answered.
func TestServeStressNothingLost(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	rounds := 150
	if testing.Short() {
		rounds = 30
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 7))
	o := newOutcomes()
	s := &sent{accepted: map[string]bool{}}

	handler := serve.HandlerFunc(func(ctx context.Context, req *serve.Request) error {
		o.add(req.Text, "run")
		if strings.HasSuffix(req.Text, "7") { // now and then a slow one
			select {
			case <-ctx.Done():
			case <-time.After(2 * time.Millisecond):
			}
		}
		return nil
	})

	for r := 0; r < rounds && !t.Failed(); r++ {
		limit := 1 + rng.IntN(5)
		if rng.IntN(8) == 0 {
			limit = 0 // every MODIFY refused
		}
		require.NoError(t, h.SetQueueLimit(limit), "round %d", r)
		opts := []serve.Option{
			serve.WithHandler(handler), serve.WithReplies(o.reply),
			serve.WithWorkers(1 + rng.IntN(3)), serve.WithBacklog(rng.IntN(3)),
			serve.WithDrainQueueLimit(rng.IntN(3)),
		}
		if rng.IntN(4) == 0 {
			opts = append(opts, serve.WithGrace(time.Duration(rng.IntN(2000))*time.Microsecond+time.Microsecond))
		}
		if rng.IntN(4) == 0 {
			opts = append(opts, serve.WithIdle(time.Duration(rng.IntN(1000))*time.Microsecond+time.Microsecond))
		}
		parent, cancel := context.WithCancel(context.Background())
		srv, err := serve.New(parent, h, opts...)
		require.NoError(t, err, "round %d", r)

		// Several operators at once, each with its own commands and, now and then, a
		// STOP (the first, or the second that forces) among them.
		var texts []string
		var operators sync.WaitGroup
		for op := 0; op < 3; op++ {
			n, stops := rng.IntN(8), rng.IntN(2)
			mine := make([]string, n)
			for i := range mine {
				mine[i] = fmt.Sprintf("R%dO%dN%d", r, op, i)
			}
			texts = append(texts, mine...)
			operators.Add(1)
			go func(seed uint64) {
				defer operators.Done()
				rr := rand.New(rand.NewPCG(seed, 1))
				for i := 0; i < n+stops; i++ {
					if i >= n || rr.IntN(n+stops) < stops {
						s.stop(t)
						continue
					}
					s.modify(t, mine[i])
					if rr.IntN(3) == 0 {
						time.Sleep(time.Duration(rr.IntN(300)) * time.Microsecond)
					}
				}
			}(rng.Uint64())
		}
		switch rng.IntN(4) {
		case 0: // Close at once
		case 1:
			time.Sleep(time.Duration(rng.IntN(500)) * time.Microsecond)
		case 2:
			operators.Wait()
		case 3: // the parent ends the server by itself
			time.Sleep(time.Duration(rng.IntN(500)) * time.Microsecond)
			cancel()
		}
		require.NoError(t, srv.Close(), "round %d", r)
		atClose := map[string][]string{}
		for _, text := range texts {
			atClose[text] = o.of(text)
		}
		operators.Wait()
		cancel()

		for _, text := range texts {
			s.mu.Lock()
			accepted, entered := s.accepted[text]
			s.mu.Unlock()
			switch {
			case !entered: // the sender's error is reported already
			case accepted:
				assert.Len(t, atClose[text], 1, "round %d: %s was accepted and became %v by Close", r, text, atClose[text])
			default:
				assert.Empty(t, atClose[text], "round %d: %s was refused and became %v", r, text, atClose[text])
			}
			assert.Equal(t, atClose[text], o.of(text), "round %d: %s changed after Close", r, text)
		}
		assert.Zero(t, sim.Stats().Queued, "round %d: MODIFY commands left on the chain", r)
		assert.Zero(t, sim.Stats().QueueLimit, "round %d: the queue limit after Close", r)
	}
	lc.check(t)

	log := sim.Log()
	assert.Len(t, sim.Grep(log, "IEE342I F REJECTED"), int(s.refusedF.Load()), "each MODIFY refused visibly")
	assert.Len(t, sim.Grep(log, "IEE342I P REJECTED"), int(s.refusedP.Load()), "each STOP refused visibly")
	hows := map[string]int{}
	for _, accepted := range s.accepted {
		if accepted {
			hows["accepted"]++
		}
	}
	o.mu.Lock()
	for _, how := range o.got {
		for _, h := range how {
			hows[h]++
		}
	}
	o.mu.Unlock()
	hows["refused"] = int(s.refusedF.Load())
	t.Logf("%d rounds: %v", rounds, hows)
}
