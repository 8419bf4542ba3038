//go:build cgo && linux

package floor

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hang is how long a test waits for a wake-up before it calls it a hang.
const hang = 10 * time.Second

func TestRunMeasuresEachRound(t *testing.T) {
	lat, err := Run(20, 100*time.Microsecond)
	require.NoError(t, err)
	require.Len(t, lat, 20)
	for i, d := range lat {
		assert.Positive(t, d, "round %d", i)
		assert.Less(t, d, hang, "round %d", i)
	}
}

func TestRunNoRounds(t *testing.T) {
	lat, err := Run(0, 0)
	require.NoError(t, err)
	assert.Empty(t, lat)
}

func TestPairWaitEndsOnPost(t *testing.T) {
	p, err := NewPair()
	require.NoError(t, err)
	defer p.Free()

	done := make(chan struct{})
	go func() {
		p.Wait()
		close(done)
	}()
	deadline := time.Now().Add(hang)
	for p.Waits() == 0 {
		require.True(t, time.Now().Before(deadline), "the Wait never began")
		time.Sleep(time.Millisecond)
	}
	select {
	case <-done:
		t.Fatal("Wait returned before Post")
	case <-time.After(20 * time.Millisecond):
	}
	p.Post()
	select {
	case <-done:
	case <-time.After(hang):
		t.Fatal("Wait did not return after Post")
	}
	assert.Equal(t, uint64(1), p.Waits())
}

func TestPairPostBeforeWait(t *testing.T) {
	p, err := NewPair()
	require.NoError(t, err)
	defer p.Free()
	p.Post()
	done := make(chan struct{})
	go func() {
		p.Wait() // the post is kept: this returns at once
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(hang):
		t.Fatal("a Post made before Wait was lost")
	}
}

func TestPairWaitReadsBothClocks(t *testing.T) {
	p, err := NewPair()
	require.NoError(t, err)
	defer p.Free()
	before := Now()
	p.Post()
	sent, woke := p.Wait()
	after := Now()
	assert.LessOrEqual(t, before, sent)
	assert.LessOrEqual(t, sent, woke)
	assert.LessOrEqual(t, woke, after)
}

func TestClockPlacesGoTimesOnTheCClock(t *testing.T) {
	c := NewClock()
	for range 10 {
		before := Now()
		g := c.At(time.Now())
		after := Now()
		// Within the span of a cgo call or so, either side.
		assert.GreaterOrEqual(t, g, before-int64(time.Millisecond))
		assert.LessOrEqual(t, g, after+int64(time.Millisecond))
	}
	later := time.Now().Add(time.Second)
	assert.Equal(t, int64(time.Second), c.At(later)-c.At(later.Add(-time.Second)))
}

func TestNowIsTheMonotonicClock(t *testing.T) {
	a := Now()
	time.Sleep(2 * time.Millisecond)
	b := Now()
	assert.GreaterOrEqual(t, b-a, int64(2*time.Millisecond))
	Nop()
}
