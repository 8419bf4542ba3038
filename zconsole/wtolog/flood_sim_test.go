//go:build cgo && zconsolesim

package wtolog_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/go-zos/zconsole/zconsole/wtolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rate limit per message id keeps a burst's excess off the console; the summary
// says how many records of which ids, and the bucket refills with time.
func TestRateLimitPerIDAndSummary(t *testing.T) {
	fresh(t)
	clk := newClock()
	h := opened(t, wtolog.NewTestHandler(&wtolog.Options{
		Prefix: "DMO", PerID: wtolog.Limit{Burst: 3, Every: time.Minute}, Total: wtolog.NoLimit,
		SummaryEvery: time.Hour,
	}, clk.Now, nil))
	log := slog.New(h)
	for range 10 {
		log.Error("disk full", "msgid", "DMO050")
	}
	for range 2 {
		log.Warn("slow", "msgid", "DMO051")
	}
	flush(t, h)
	assert.Equal(t, []string{
		"DMO050E disk full", "DMO050E disk full", "DMO050E disk full",
		"DMO051W slow", "DMO051W slow",
		"DMO999W 7 log record(s) not shown on the console (7 over the rate limit): DMO050E 7",
	}, texts(console(t)))
	summary := console(t)[5]
	assert.Equal(t, []int{2, 11}, summary.Routing, "the summary has the codes of the console level's severity")
	assert.Equal(t, []int{12}, summary.Descriptor)
	assert.Equal(t, wtolog.Stats{Written: 5, Suppressed: 7, WTOs: 6, Summaries: 1}, h.Stats())

	require.NoError(t, sim.Reset("DEMO"))
	clk.Advance(time.Minute) // one token more for DMO050E
	log.Error("disk full", "msgid", "DMO050")
	log.Error("disk full", "msgid", "DMO050")
	require.NoError(t, h.Close())
	assert.Equal(t, []string{
		"DMO050E disk full",
		"DMO999W 1 log record(s) not shown on the console (1 over the rate limit): DMO050E 1",
	}, texts(console(t)), "Close writes the last summary")
}

// The overall limit holds for every id together; the summary names each.
func TestRateLimitTotal(t *testing.T) {
	fresh(t)
	h := opened(t, wtolog.NewTestHandler(&wtolog.Options{
		Prefix: "DMO", PerID: wtolog.NoLimit, Total: wtolog.Limit{Burst: 4, Every: time.Hour},
	}, newClock().Now, nil))
	log := slog.New(h)
	for i := range 9 {
		log.Warn("busy", "msgid", 60+i%3)
	}
	flush(t, h)
	w := texts(console(t))
	require.Len(t, w, 5)
	assert.Equal(t, "DMO999W 5 log record(s) not shown on the console (5 over the rate limit): DMO061W 2, DMO062W 2, DMO060W 1", w[4])
}

// A record that takes several WTOs takes as many tokens: the limit holds for WTOs.
func TestRateLimitCountsWTOs(t *testing.T) {
	fresh(t)
	h := opened(t, wtolog.NewTestHandler(&wtolog.Options{
		Prefix: "DMO", PerID: wtolog.Limit{Burst: 3, Every: time.Hour}, Total: wtolog.NoLimit,
	}, newClock().Now, nil))
	log := slog.New(h)
	log.Error("trace", "stack", strings.Repeat("lorem ipsum ", 100)) // 2 WTOs
	log.Error("next")
	log.Error("over")
	flush(t, h)
	assert.Equal(t, wtolog.Stats{Written: 2, Suppressed: 1, WTOs: 4, Summaries: 1}, h.Stats())
}

// The summary comes by itself, SummaryEvery after the first record kept off.
func TestSummaryComesByItself(t *testing.T) {
	fresh(t)
	h := open(t, &wtolog.Options{
		Prefix: "DMO", PerID: wtolog.Limit{Burst: 1, Every: time.Hour}, SummaryEvery: 20 * time.Millisecond,
	})
	log := slog.New(h)
	for range 3 {
		log.Warn("again", "msgid", "DMO070")
	}
	eventually(t, "summary", func() bool { return h.Stats().Summaries == 1 })
	assert.Equal(t, []string{
		"DMO070W again",
		"DMO999W 2 log record(s) not shown on the console (2 over the rate limit): DMO070W 2",
	}, texts(console(t)))
	require.NoError(t, h.Close())
	assert.Len(t, console(t), 2, "nothing more to summarize")
}

// A full queue drops the record and counts it; Handle never waits, even while the
// goroutine is held in WTO.
func TestFullQueueDropsWithoutBlocking(t *testing.T) {
	fresh(t)
	h, g := openGated(t, &wtolog.Options{Prefix: "DMO", QueueSize: 4, PerID: wtolog.NoLimit, Total: wtolog.NoLimit}, nil)
	log := slog.New(h)
	log.Warn("first", "msgid", "DMO080")
	within(t, g.entered, "the first WTO")

	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 9 {
			log.Warn(fmt.Sprint("queued or dropped ", i), "msgid", "DMO081")
		}
	}()
	within(t, done, "logging while the console is held")
	assert.Equal(t, wtolog.Stats{Dropped: 5}, h.Stats(), "four queued, five dropped, none written yet")

	g.release()
	require.NoError(t, h.Close())
	w := texts(console(t))
	require.Len(t, w, 6)
	assert.Equal(t, []string{"DMO080W first", "DMO081W queued or dropped 0", "DMO081W queued or dropped 1",
		"DMO081W queued or dropped 2", "DMO081W queued or dropped 3"}, w[:5])
	assert.Equal(t, "DMO999W 5 log record(s) not shown on the console (5 with the queue full): DMO081W 5", w[5])
	assert.Equal(t, wtolog.Stats{Written: 5, Dropped: 5, WTOs: 6, Summaries: 1}, h.Stats())
}

// A record dropped because the queue is full costs the rate limit no more than its
// admission: its further WTOs are charged only when it is queued (docs/wtolog.md,
// "Long records").
func TestDroppedRecordIsNotCharged(t *testing.T) {
	fresh(t)
	h, g := openGated(t, &wtolog.Options{Prefix: "DMO", QueueSize: 1,
		PerID: wtolog.Limit{Burst: 30, Every: time.Hour}, Total: wtolog.NoLimit, SummaryEvery: time.Hour}, nil)
	log := slog.New(h)
	long := strings.Repeat("lorem ipsum ", 1200) // some 20 WTOs
	log.Warn("first", "msgid", "DMO082")
	within(t, g.entered, "the first WTO")
	log.Warn(long, "msgid", "DMO082") // queued: 1 + its further WTOs charged
	log.Warn(long, "msgid", "DMO082") // the queue is full: dropped
	assert.Equal(t, uint64(1), h.Stats().Dropped)
	g.release()
	flush(t, h)
	log.Warn("after", "msgid", "DMO082") // shown only if the dropped record was not charged
	require.NoError(t, h.Close())
	assert.Contains(t, texts(console(t)), "DMO082W after", "the record after the drop is shown")
	assert.Equal(t, uint64(0), h.Stats().Suppressed)
}

// Close writes every record queued before it, and the summary, before it returns.
func TestCloseWritesWhatIsQueued(t *testing.T) {
	fresh(t)
	h, g := openGated(t, &wtolog.Options{Prefix: "DMO", PerID: wtolog.NoLimit, Total: wtolog.NoLimit}, nil)
	log := slog.New(h)
	for i := range 8 {
		log.Warn(fmt.Sprint("record ", i))
	}
	within(t, g.entered, "the first WTO")
	closed := make(chan error, 1)
	go func() { closed <- h.Close() }()
	eventually(t, "the handler closed", func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		defer cancel()
		return errors.Is(h.Flush(ctx), wtolog.ErrClosed)
	})
	g.release()
	require.NoError(t, within(t, closed, "Close"))
	assert.Len(t, console(t), 8, "every record queued when Close began is written")
	assert.Equal(t, uint64(8), h.Stats().Written)
}

// Flush waits for the queue to be written, or gives up when its context ends.
func TestFlushWaitsOrGivesUp(t *testing.T) {
	fresh(t)
	h, g := openGated(t, &wtolog.Options{Prefix: "DMO"}, nil)
	log := slog.New(h)
	log.Warn("one")
	log.Warn("two")
	within(t, g.entered, "the first WTO")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, h.Flush(ctx), context.DeadlineExceeded)
	g.release()
	flush(t, h)
	assert.Equal(t, []string{"DMO000W one", "DMO000W two"}, texts(console(t)))
}

// A WTO the system refuses loses the record from the console only: it is counted, the
// summary says so, and Flush reports it with the system's error.
func TestRefusedWTOIsReported(t *testing.T) {
	fresh(t)
	h := open(t, &wtolog.Options{Prefix: "DMO"})
	sim.Inject(sim.Fault{SVC: sim.SVCWTO, RC: 4, Times: 1})
	log := slog.New(h)
	log.Warn("lost")
	log.Warn("kept")
	ctx, cancel := context.WithTimeout(context.Background(), hang)
	defer cancel()
	err := h.Flush(ctx)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "1 record(s) or summaries not written")
	assert.Contains(t, err.Error(), "WTO")
	assert.Equal(t, []string{"DMO000W kept", "DMO999W 1 not written: the system refused the WTO"}, texts(console(t)))
	assert.Equal(t, wtolog.Stats{Written: 1, Failed: 1, WTOs: 2, Summaries: 1}, h.Stats())
	assert.NoError(t, h.Flush(ctx), "reported once")
}

// After Close the console is closed to records, clearly; the next handler goes on.
func TestAfterClose(t *testing.T) {
	fresh(t)
	var next strings.Builder
	h := open(t, &wtolog.Options{Next: slog.NewTextHandler(&next, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		}})})
	require.NoError(t, h.Close())
	err := h.Handle(context.Background(), slog.NewRecord(time.Now(), slog.LevelError, "late", 0))
	assert.ErrorIs(t, err, wtolog.ErrClosed)
	assert.Equal(t, "level=ERROR msg=late\n", next.String())
	assert.ErrorIs(t, h.Flush(context.Background()), wtolog.ErrClosed)
	assert.ErrorIs(t, h.Close(), wtolog.ErrClosed)
	assert.Equal(t, wtolog.Stats{Dropped: 1}, h.Stats())
	assert.Empty(t, console(t))
}

// Many goroutines log at once through handlers made with With and WithGroup: every
// record is counted once, as written, suppressed or dropped, and each written one is on
// the console once.
func TestConcurrentRecordsCountedOnce(t *testing.T) {
	fresh(t)
	h := open(t, &wtolog.Options{Prefix: "DMO", QueueSize: 16, Total: wtolog.Limit{Burst: 200, Every: time.Millisecond}})
	const writers, each = 8, 150
	var wg sync.WaitGroup
	for g := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			log := slog.New(h).With("writer", g).WithGroup("rec")
			for i := range each {
				log.Warn("tick", "msgid", 100+g, "i", i)
			}
		}()
	}
	wg.Wait()
	require.NoError(t, h.Close())
	s := h.Stats()
	assert.Equal(t, uint64(writers*each), s.Written+s.Suppressed+s.Dropped+s.Failed, "%+v", s)
	assert.Positive(t, s.Written)
	seen := map[string]bool{}
	records := 0
	for _, m := range console(t) {
		if strings.HasPrefix(m.Text, "DMO999W") {
			continue
		}
		records++
		assert.False(t, seen[m.Text], "written twice: %s", m.Text)
		seen[m.Text] = true
	}
	assert.Equal(t, int(s.Written), records)
	assert.Equal(t, s.WTOs, uint64(records)+s.Summaries)
}
