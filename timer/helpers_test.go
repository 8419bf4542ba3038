package timer

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

const (
	// never is an interval no test waits for: a timer with it stays
	// pending for the whole test.
	never = time.Hour

	// hang bounds every wait. Tests never assert that something happens
	// within a time; hang only turns a hang into a failure.
	hang = 30 * time.Second
)

// probe is a fn that counts its calls, records when the first began, and
// can be held running until released.
type probe struct {
	calls     atomic.Int32
	began     chan struct{} // closed when the first call begins
	release   chan struct{} // fn returns once this is closed, if hold
	once      sync.Once
	start     time.Time // set before began is closed
	unblocked sync.Once
}

// newProbe returns a probe whose fn returns at once.
func newProbe() *probe {
	p := newHoldingProbe()
	p.unblock()
	return p
}

// newHoldingProbe returns a probe whose fn runs until [probe.unblock].
func newHoldingProbe() *probe {
	return &probe{began: make(chan struct{}), release: make(chan struct{})}
}

func (p *probe) fn() {
	p.calls.Add(1)
	p.once.Do(func() {
		p.start = time.Now()
		close(p.began)
	})
	<-p.release
}

// unblock lets fn return; it may be called more than once.
func (p *probe) unblock() { p.unblocked.Do(func() { close(p.release) }) }

// waitBegan waits until fn began and returns when it did.
func (p *probe) waitBegan(t testing.TB) time.Time {
	t.Helper()
	waitClosed(t, p.began, "fn to begin")
	return p.start
}

// waitClosed fails the test and stops it if ch is not closed within hang.
// It must be called from the test's goroutine; other goroutines use
// [assertClosed].
func waitClosed(t testing.TB, ch <-chan struct{}, what string) {
	t.Helper()
	if !assertClosed(t, ch, what) {
		t.FailNow()
	}
}

// assertClosed waits for ch to be closed and reports whether it was. If
// ch is not closed within hang, it marks the test failed and returns false.
// Any goroutine may call it.
func assertClosed(t testing.TB, ch <-chan struct{}, what string) bool {
	t.Helper()
	wait := time.NewTimer(hang)
	defer wait.Stop()
	select {
	case <-ch:
		return true
	case <-wait.C:
		return assert.Fail(t, "timed out waiting for "+what)
	}
}

// join calls tm.Join and fails the test if it has not returned within
// hang, so that a lost wake-up fails the test instead of hanging the run.
func join(t testing.TB, tm *Timer) {
	t.Helper()
	returnsPromptly(t, "Join", tm.Join)
}

// isClosed reports whether ch is closed, without waiting.
func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// returnsPromptly runs f in a goroutine and fails the test if it has not
// returned within hang: it proves that f does not block for good.
func returnsPromptly(t testing.TB, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	waitClosed(t, done, what)
}

// goIn runs f on a new goroutine counted in wg.
func goIn(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}
