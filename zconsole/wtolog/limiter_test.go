package wtolog

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

var t0 = time.Date(2026, 12, 2, 14, 0, 0, 0, time.UTC)

// admitted counts how many of n records of id the limiter lets through at now.
func admitted(l *limiter, id string, n int, now time.Time) int {
	got := 0
	for range n {
		if l.admit(id, now) {
			got++
		}
	}
	return got
}

func TestLimiterPerID(t *testing.T) {
	l := newLimiter(Limit{Burst: 3, Every: time.Second}, NoLimit, t0)
	assert.Equal(t, 3, admitted(&l, "A", 10, t0), "the burst")
	assert.Equal(t, 3, admitted(&l, "B", 10, t0), "another id has its own bucket")
	assert.Equal(t, 0, admitted(&l, "A", 10, t0.Add(999*time.Millisecond)), "not yet a token")
	assert.Equal(t, 1, admitted(&l, "A", 10, t0.Add(time.Second)), "one token a second")
	assert.Equal(t, 3, admitted(&l, "A", 10, t0.Add(time.Hour)), "never more than the burst")
}

func TestLimiterTotal(t *testing.T) {
	l := newLimiter(NoLimit, Limit{Burst: 4, Every: time.Second}, t0)
	assert.Equal(t, 2, admitted(&l, "A", 2, t0))
	assert.Equal(t, 2, admitted(&l, "B", 10, t0), "all ids share the total")
	assert.Equal(t, 2, admitted(&l, "C", 10, t0.Add(2*time.Second)))

	// A record kept off by the total takes no token of its id.
	l = newLimiter(Limit{Burst: 1, Every: time.Hour}, Limit{Burst: 1, Every: time.Hour}, t0)
	assert.True(t, l.admit("A", t0))
	assert.False(t, l.admit("B", t0), "the total is spent")
	l.all.tokens = 1
	assert.True(t, l.admit("B", t0), "B's own token was not taken")
}

func TestLimiterChargesEveryWTO(t *testing.T) {
	l := newLimiter(Limit{Burst: 5, Every: time.Second}, Limit{Burst: 100, Every: time.Second}, t0)
	assert.True(t, l.admit("A", t0))
	l.charge("A", 7) // a record of 8 WTOs
	assert.InDelta(t, -3, l.ids["A"].tokens, 1e-9, "the bucket goes below zero")
	assert.InDelta(t, 92, l.all.tokens, 1e-9)
	assert.Equal(t, 0, admitted(&l, "A", 1, t0.Add(3*time.Second)), "the debt is paid first")
	assert.Equal(t, 1, admitted(&l, "A", 1, t0.Add(4*time.Second)))
}

func TestLimiterKeepsAtMostMaxIDs(t *testing.T) {
	l := newLimiter(Limit{Burst: 1, Every: time.Minute}, NoLimit, t0)
	for i := range maxIDs {
		assert.True(t, l.admit(fmt.Sprint(i), t0))
	}
	assert.True(t, l.admit("new", t0), "a new id beyond maxIDs shares one bucket")
	assert.False(t, l.admit("newer", t0), "the shared bucket is spent")
	assert.Len(t, l.ids, maxIDs)
	assert.True(t, l.admit("later", t0.Add(time.Minute)), "once the buckets are full again they are dropped")
	assert.Len(t, l.ids, 1)
}
