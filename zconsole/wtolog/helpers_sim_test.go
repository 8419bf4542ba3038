//go:build cgo && zconsolesim

package wtolog_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/go-zos/zconsole/zconsole/wtolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hang is how long a test waits for something that should happen promptly before it
// calls it a hang. It is a deadline, not a measurement.
const hang = 10 * time.Second

// fresh resets the simulated system for job DEMO and, when the test ends, checks that
// the simulator caught no program error and that the program holds no storage.
func fresh(t *testing.T) {
	t.Helper()
	require.NoError(t, sim.Reset("DEMO"))
	t.Cleanup(func() {
		s := sim.Stats()
		assert.Zero(t, s.Abends, "abends caught: %v", sim.Grep(sim.Log(), "ABEND"))
		assert.Zero(t, s.ProgramBlocks, "program storage left")
	})
}

// open returns a Handler that is closed when the test ends, before fresh's checks.
func open(t *testing.T, o *wtolog.Options) *wtolog.Handler {
	t.Helper()
	return opened(t, wtolog.NewHandler(o))
}

func opened(t *testing.T, h *wtolog.Handler) *wtolog.Handler {
	t.Cleanup(func() {
		if err := h.Close(); err != nil && !errors.Is(err, wtolog.ErrClosed) {
			t.Errorf("close: %v", err)
		}
	})
	return h
}

// flush writes what h has queued and its summary, or fails the test after hang.
func flush(t *testing.T, h *wtolog.Handler) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hang)
	defer cancel()
	require.NoError(t, h.Flush(ctx))
}

// console returns the messages the program wrote, as the simulated console log has
// them.
func console(t *testing.T) []sim.Message {
	t.Helper()
	var out []sim.Message
	for _, m := range sim.Log() {
		if m.Kind == sim.KindWTO {
			out = append(out, m)
		}
	}
	return out
}

// texts returns the text of each message, its lines joined by newlines.
func texts(ms []sim.Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Text
	}
	return out
}

// within receives from ch, or fails the test after hang, saying what did not happen.
func within[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(hang):
		t.Fatalf("%s did not happen within %v", what, hang)
		var zero T
		return zero
	}
}

// eventually returns once cond holds, looking every millisecond, or fails the test
// after hang, naming what it waited for.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(hang); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %v", what, hang)
		}
	}
}

// clock is a clock for the rate limit that moves only when the test says.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: time.Date(2026, 12, 2, 14, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// gate holds the Handler's goroutine before each WTO until it is opened, as a system
// short of WTO buffers holds a program in WTO; entered receives once per WTO reached.
type gate struct {
	entered chan struct{}
	open    chan struct{}
	once    sync.Once
}

func newGate() *gate {
	return &gate{entered: make(chan struct{}, 1000), open: make(chan struct{})}
}

func (g *gate) before() {
	g.entered <- struct{}{}
	<-g.open
}

func (g *gate) release() { g.once.Do(func() { close(g.open) }) }

// openGated returns a Handler whose goroutine waits at g before each WTO, reading the
// rate limit's time from now (nil: the real clock). The gate opens, and the Handler
// closes, when the test ends.
func openGated(t *testing.T, o *wtolog.Options, now func() time.Time) (*wtolog.Handler, *gate) {
	t.Helper()
	if now == nil {
		now = time.Now
	}
	g := newGate()
	h := opened(t, wtolog.NewTestHandler(o, now, g.before))
	t.Cleanup(g.release) // runs before the Close that opened registered
	return h, g
}
