//go:build cgo && zconsolesim

package zconsole_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// stressEnv names the environment variable that sets how long TestStress runs (a Go
// duration, such as 60s); `make stress` sets it.
const stressEnv = "ZCONSOLE_STRESS"

func stressDuration(t *testing.T) time.Duration {
	t.Helper()
	if v := os.Getenv(stressEnv); v != "" {
		d, err := time.ParseDuration(v)
		require.NoError(t, err, "%s=%q", stressEnv, v)
		return d
	}
	if testing.Short() {
		return 300 * time.Millisecond
	}
	return 2 * time.Second
}

// stressLedger is what the operators sent and what the program took, checked once
// everything has stopped.
type stressLedger struct {
	faults    bool // services fail at random: a *ServiceError is an expected outcome
	mu        sync.Mutex
	accepted  map[string]bool // MODIFY texts the system queued
	stops     int             // STOPs the system queued
	rejected  int             // commands refused with IEE342I
	nostorage int             // commands the system had no storage for (faults only)
	received  [][]string      // per receiving goroutine, in the order it got them
	stopsGot  int
	outcomes  map[string]int // how Waits ended, for the log
	unexpects []error
}

func (l *stressLedger) count(what string) {
	l.mu.Lock()
	l.outcomes[what]++
	l.mu.Unlock()
}

func (l *stressLedger) unexpected(err error) {
	l.mu.Lock()
	l.unexpects = append(l.unexpects, err)
	l.mu.Unlock()
}

// TestStress runs random interleavings of Command, Wait, WaitContext, Kill, SetQueueLimit
// and Close from several goroutines, over handle after handle, for a fixed time
// (ZCONSOLE_STRESS, 2s by default). Then it drains the chain with a last handle and
// checks: every command the system accepted was delivered exactly once, none that it
// refused was, each receiver saw each sender's commands in the order sent, every refusal
// is in the log, and no goroutine, program storage, system storage or abend is left.
func TestStress(t *testing.T) {
	stress(t, false)
}

// TestStressFaults is TestStress while supervisor calls fail at random (QEDIT, WAIT,
// POST, EXTRACT return codes) and storage requests with them. Every call may now fail
// with a *ServiceError, ErrNoStorage or ErrNoCOM, and must stay consistent: the same
// checks hold, nothing lost, nothing twice, nothing leaked, no hang.
func TestStressFaults(t *testing.T) {
	stress(t, true)
}

func stress(t *testing.T, faults bool) {
	d := stressDuration(t)
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	fresh(t)
	base := sim.Stats()
	l := &stressLedger{faults: faults, accepted: map[string]bool{}, outcomes: map[string]int{}}

	stop := make(chan struct{})
	var senders sync.WaitGroup
	const nsenders = 3
	for s := 0; s < nsenders; s++ {
		senders.Add(1)
		go func(s int) {
			defer senders.Done()
			stressSend(l, s, stop)
		}(s)
	}

	if faults {
		senders.Add(1)
		go func() {
			defer senders.Done()
			stressInject(stop)
		}()
	}

	deadline := time.Now().Add(d)
	rounds := 0
	for time.Now().Before(deadline) {
		stressRound(t, l, rand.New(rand.NewPCG(uint64(rounds), 7)))
		rounds++
	}
	close(stop)
	senders.Wait()
	for _, svc := range []int{sim.SVCWait, sim.SVCPost, sim.SVCQedit, sim.SVCExtract} {
		sim.Inject(sim.Fault{SVC: svc}) // disarmed
	}
	sim.FailStorage(0)

	// A last handle takes whatever is still queued.
	h, err := zconsole.Init()
	require.NoError(t, err)
	var last []string
	for s := sim.Stats(); s.Queued > 0 || s.StopQueued; s = sim.Stats() {
		ctx, cancel := context.WithTimeout(context.Background(), hang)
		cmd, err := zconsole.WaitContext(ctx, h)
		cancel()
		require.NoError(t, err, "draining the chain")
		if cmd.Verb == zconsole.Stop {
			l.stopsGot++
		} else {
			last = append(last, cmd.Text)
		}
	}
	require.NoError(t, h.Close())
	l.received = append(l.received, last)

	for _, err := range l.unexpects {
		t.Errorf("unexpected: %v", err)
	}
	delivered := map[string]int{}
	for _, got := range l.received {
		for _, text := range got {
			delivered[text]++
		}
	}
	problems := 0
	report := func(format string, args ...any) {
		if problems++; problems <= 10 {
			t.Errorf(format, args...)
		}
	}
	for text, n := range delivered {
		if n != 1 || !l.accepted[text] {
			report("%q delivered %d times, accepted: %v", text, n, l.accepted[text])
		}
	}
	for text := range l.accepted {
		if delivered[text] == 0 {
			report("%q accepted but lost", text)
		}
	}
	for r, got := range l.received {
		next := make([]int, nsenders)
		for _, text := range got {
			var s, i int
			if _, err := fmt.Sscanf(text, "S%d %d", &s, &i); err != nil || s < 0 || s >= nsenders {
				report("receiver %d: %q is no command sent", r, text)
				continue
			}
			if i < next[s] {
				report("receiver %d: sender %d's %q after its command %d", r, s, text, next[s]-1)
			}
			next[s] = i + 1
		}
	}
	if problems > 10 {
		t.Errorf("and %d problems more", problems-10)
	}
	assert.Equal(t, l.stops, l.stopsGot, "STOPs accepted and delivered")

	log := sim.Log()
	if len(log) > 0 && log[0].Seq == 1 { // the log has not dropped its oldest half
		assert.Len(t, sim.Grep(log, "IEE342I"), l.rejected, "every refusal visible")
	}
	s := sim.Stats()
	assert.Zero(t, s.Abends, "abends: %v", sim.Grep(log, "ABEND"))
	assert.Equal(t, retiredBlocks(), s.ProgramBlocks, "program storage left")
	assert.Equal(t, base.SystemBlocks, s.SystemBlocks, "system storage left")
	assert.Zero(t, s.Queued)
	t.Logf("%v: %d handles, %d MODIFY and %d STOP accepted, %d refused, %d without storage; outcomes: %v",
		d, rounds+1, len(l.accepted), l.stops, l.rejected, l.nostorage, l.outcomes)
}

// stressInject arms one fault after another, at random, until stop is closed: a
// supervisor call's next use (or a later one) fails with a return code, or the next
// request for storage fails.
func stressInject(stop <-chan struct{}) {
	rng := rand.New(rand.NewPCG(3, 5))
	faults := []sim.Fault{
		{SVC: sim.SVCQedit, RC: 8, Times: 1},
		{SVC: sim.SVCQedit, RC: 4, Skip: 1, Times: 1},
		{SVC: sim.SVCWait, RC: 12, Times: 1},
		{SVC: sim.SVCPost, RC: 4, Times: 1},
		{SVC: sim.SVCExtract, RC: 12, Times: 1},
	}
	for {
		select {
		case <-stop:
			return
		case <-time.After(time.Duration(rng.IntN(2000)) * time.Microsecond):
		}
		if rng.IntN(len(faults)+1) == len(faults) {
			sim.FailStorage(1)
			continue
		}
		sim.Inject(faults[rng.IntN(len(faults))])
	}
}

// faulted reports whether err is what an injected fault makes a call return.
func faulted(l *stressLedger, err error) bool {
	var se *zconsole.ServiceError
	return l.faults && (errors.As(err, &se) || errors.Is(err, zconsole.ErrNoStorage))
}

// stressSend is one operator: MODIFY commands numbered in order, a STOP now and then,
// until stop is closed.
func stressSend(l *stressLedger, s int, stop <-chan struct{}) {
	rng := rand.New(rand.NewPCG(uint64(s), 99))
	for i := 0; ; {
		select {
		case <-stop:
			return
		default:
		}
		if rng.IntN(64) == 0 {
			err := sim.Command("P DEMO")
			l.mu.Lock()
			switch {
			case err == nil:
				l.stops++
			case errors.Is(err, sim.ErrRejected):
				l.rejected++
			case l.faults && errors.Is(err, sim.ErrNoStorage):
				l.nostorage++
			default:
				l.unexpects = append(l.unexpects, fmt.Errorf("P DEMO: %w", err))
			}
			l.mu.Unlock()
			continue
		}
		text := fmt.Sprintf("S%d %d", s, i)
		i++
		err := sim.Command("F DEMO," + text)
		l.mu.Lock()
		switch {
		case err == nil:
			l.accepted[text] = true
		case errors.Is(err, sim.ErrRejected):
			l.rejected++
		case l.faults && errors.Is(err, sim.ErrNoStorage):
			l.nostorage++
		default:
			l.unexpects = append(l.unexpects, fmt.Errorf("F DEMO,%s: %w", text, err))
		}
		l.mu.Unlock()
		if err != nil {
			time.Sleep(time.Duration(rng.IntN(200)) * time.Microsecond)
		}
	}
}

// stressRound opens a handle and lets a waiter, an intruding second waiter, a killer
// and a closer loose on it; it returns when the handle is closed and all four are done.
func stressRound(t *testing.T, l *stressLedger, rng *rand.Rand) {
	t.Helper()
	limit := 1 + rng.IntN(10)
	h, err := zconsole.Init(zconsole.WithQueueLimit(limit))
	for deadline := time.Now().Add(hang); err != nil && (faulted(l, err) || errors.Is(err, zconsole.ErrNoCOM)); {
		require.True(t, time.Now().Before(deadline), "Init failing for %v: %v", hang, err)
		l.count("init fault")
		h, err = zconsole.Init(zconsole.WithQueueLimit(limit))
	}
	require.NoError(t, err)
	life := time.Duration(1+rng.IntN(20)) * time.Millisecond

	var wg sync.WaitGroup
	var closed atomic.Bool
	run := func(f func(rng *rand.Rand)) {
		seed := rng.Uint64()
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(rand.New(rand.NewPCG(seed, 1)))
		}()
	}
	for w := 0; w < 2; w++ {
		intruder := w == 1
		mine := &[]string{}
		run(func(rng *rand.Rand) { stressWaiter(l, h, limit, intruder, mine, rng) })
		defer func() {
			l.mu.Lock()
			l.received = append(l.received, *mine)
			l.mu.Unlock()
		}()
	}
	run(func(rng *rand.Rand) { // the killer: once or twice, at random
		for k := 0; k < 1+rng.IntN(2); k++ {
			time.Sleep(time.Duration(rng.Int64N(int64(life))))
			if err := zconsole.Kill(h); err != nil && !errors.Is(err, zconsole.ErrClosed) && !faulted(l, err) {
				l.unexpected(fmt.Errorf("Kill: %w", err))
			}
		}
	})
	run(func(rng *rand.Rand) { // the closer: again while a fault leaves the handle open
		time.Sleep(life)
		for {
			err := h.Close()
			if err == nil || (faulted(l, err) && errors.Is(zconsole.Kill(h), zconsole.ErrClosed)) {
				break // closed, perhaps with the limit left set (a QEDIT that failed)
			}
			if !faulted(l, err) {
				l.unexpected(fmt.Errorf("Close: %w", err))
				break
			}
			l.count("close fault")
			time.Sleep(time.Duration(rng.IntN(200)) * time.Microsecond)
		}
		closed.Store(true)
		if err := h.Close(); !errors.Is(err, zconsole.ErrClosed) {
			l.unexpected(fmt.Errorf("second Close: %v", err))
		}
	})

	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(hang):
		t.Fatalf("a round did not end within %v (closed: %v)", hang, closed.Load())
	}
}

// stressWaiter takes commands with Wait or WaitContext (ended by a deadline, by a cancel
// from another goroutine, or not at all) until the handle is closed. An intruder pauses
// between calls, so it mostly meets the other waiter (ErrBusy) but sometimes takes a
// command itself.
func stressWaiter(l *stressLedger, h *zconsole.Handle, limit int, intruder bool, got *[]string, rng *rand.Rand) {
	for {
		if intruder {
			time.Sleep(time.Duration(rng.IntN(500)) * time.Microsecond)
		}
		var cmd zconsole.Command
		var err error
		switch rng.IntN(3) {
		case 0:
			cmd, err = zconsole.Wait(h)
		case 1:
			ctx, cancel := context.WithTimeout(context.Background(), time.Duration(rng.IntN(2000))*time.Microsecond)
			cmd, err = zconsole.WaitContext(ctx, h)
			cancel()
		default:
			ctx, cancel := context.WithCancel(context.Background())
			go func(wait time.Duration) {
				time.Sleep(wait)
				cancel()
			}(time.Duration(rng.IntN(2000)) * time.Microsecond)
			cmd, err = zconsole.WaitContext(ctx, h)
			cancel()
		}
		switch {
		case err == nil && cmd.Verb == zconsole.Modify:
			l.count("command")
			*got = append(*got, cmd.Text)
		case err == nil && cmd.Verb == zconsole.Stop:
			l.count("stop")
			l.mu.Lock()
			l.stopsGot++
			l.mu.Unlock()
			// The system set the limit to 0 on STOP; this program keeps taking MODIFYs.
			if err := h.SetQueueLimit(limit); err != nil && !errors.Is(err, zconsole.ErrClosed) && !faulted(l, err) {
				l.unexpected(fmt.Errorf("SetQueueLimit: %w", err))
			}
		case err == nil:
			l.unexpected(fmt.Errorf("Wait returned %v", cmd))
		case errors.Is(err, zconsole.ErrClosed):
			l.count("closed")
			return
		case errors.Is(err, zconsole.ErrKilled):
			l.count("killed")
			time.Sleep(50 * time.Microsecond) // until Close: every Wait now says killed
		case errors.Is(err, zconsole.ErrBusy):
			l.count("busy")
		case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
			l.count("context")
		case faulted(l, err):
			l.count("fault")
		default:
			l.unexpected(fmt.Errorf("Wait: %w", err))
		}
	}
}
