//go:build cgo && zconsolesim

package zconsole_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"sync"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type answer struct {
	text string
	err  error
}

func askAsync(ctx context.Context, h *zconsole.Handle, q string, opts ...zconsole.PutOption) <-chan answer {
	ch := make(chan answer, 1)
	go func() {
		s, err := zconsole.Ask(ctx, h, q, opts...)
		ch <- answer{s, err}
	}()
	return ch
}

func got(t *testing.T, ch <-chan answer) answer {
	t.Helper()
	return within(t, ch, "Ask")
}

// asked waits until the program has a WTOR outstanding and returns it.
func asked(t *testing.T) sim.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hang)
	defer cancel()
	m, err := sim.Asked(ctx)
	require.NoError(t, err)
	return m
}

// noneOutstanding checks that nothing is outstanding and that every question was deleted.
func noneOutstanding(t *testing.T) {
	t.Helper()
	assert.Empty(t, sim.Outstanding(), "WTORs left outstanding")
	for _, m := range written(t) {
		if m.WTOR {
			assert.True(t, m.Deleted, "WTOR %q not deleted", m.Text)
		}
	}
}

func TestAskAnsweredByOperator(t *testing.T) {
	fresh(t)
	h := open(t)
	ch := askAsync(context.Background(), h, "DEMO060A CONTINUE? REPLY YES OR NO", zconsole.Routing(1), zconsole.Descriptor(7))
	m := asked(t)
	assert.True(t, m.WTOR)
	assert.Equal(t, 1, m.ReplyID, "the first reply id after Reset")
	assert.Equal(t, "@01 DEMO060A CONTINUE? REPLY YES OR NO", m.Text)
	assert.Equal(t, 119, m.ReplyLen)
	assert.Equal(t, []int{1}, m.Routing)

	command(t, "R 01,yes")
	a := got(t, ch)
	require.NoError(t, a.err)
	assert.Equal(t, "YES", a.text, "the console folds an unquoted reply")
	assert.NotEmpty(t, sim.Grep(sim.Log(), "IEE600I REPLY TO 01 IS;YES"))
	noneOutstanding(t)
}

func TestAskReplyInApostrophesKeepsCase(t *testing.T) {
	fresh(t)
	ch := askAsync(context.Background(), nil, "DEMO061A NAME THE QUEUE")
	m := asked(t)
	command(t, fmt.Sprintf("REPLY %d,'Queue.One, it''s urgent'", m.ReplyID))
	a := got(t, ch)
	require.NoError(t, a.err)
	assert.Equal(t, "Queue.One, it's urgent", a.text)
	noneOutstanding(t)
}

func TestAskCancelledByContext(t *testing.T) {
	fresh(t)
	h := open(t)
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := askAsync(ctx, h, "DEMO062A WAITING FOR YOU")
	m := asked(t)
	why := errors.New("shutting down")
	cancel(why)
	a := got(t, ch)
	assert.ErrorIs(t, a.err, context.Canceled)
	assert.ErrorIs(t, a.err, why)
	assert.NotErrorIs(t, a.err, zconsole.ErrKilled)
	noneOutstanding(t)

	err := sim.Command(fmt.Sprintf("R %02d,YES", m.ReplyID))
	assert.ErrorIs(t, err, sim.ErrNotOutstanding, "the question was taken away")
	assert.ErrorIs(t, err, sim.ErrInvalid)

	// The handle is unaffected: the next Ask works.
	ch = askAsync(context.Background(), h, "DEMO063A AGAIN?")
	m = asked(t)
	assert.Equal(t, 2, m.ReplyID, "reply ids go on in turn")
	command(t, "R 2,OK")
	a = got(t, ch)
	require.NoError(t, a.err)
	assert.Equal(t, "OK", a.text)
}

func TestAskDeadline(t *testing.T) {
	fresh(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := zconsole.Ask(ctx, nil, "DEMO064A QUICK, PLEASE")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	noneOutstanding(t)
}

// Kill ends an Ask as it ends a Wait, both blocked at once on one handle: each waits on
// ECBs of its own, so there is no S301.
func TestAskCancelledByKill(t *testing.T) {
	fresh(t)
	h := open(t)
	waited := waitAsync(h)
	blocked(t, 1)
	ch := askAsync(context.Background(), h, "DEMO065A STILL THERE?")
	asked(t)
	require.NoError(t, zconsole.Kill(h))
	a := got(t, ch)
	assert.ErrorIs(t, a.err, zconsole.ErrKilled)
	assert.ErrorIs(t, recv(t, waited).err, zconsole.ErrKilled)
	noneOutstanding(t)

	_, err := zconsole.Ask(context.Background(), h, "AFTER THE KILL")
	assert.ErrorIs(t, err, zconsole.ErrKilled, "at once")
	assert.Equal(t, uint64(1), sim.Stats().SVCs[sim.SVCWTO], "the second question was not written")
}

// Close ends a blocked Ask with ErrKilled even when its own kill cannot be posted (no
// Wait is blocked, so Close goes on): the Ask's cancel was posted, and that is what
// the Ask reports.
func TestAskEndedByCloseWhoseKillFailed(t *testing.T) {
	fresh(t)
	h, err := zconsole.Init()
	require.NoError(t, err)
	ch := askAsync(context.Background(), h, "DEMO066A STILL THERE?")
	asked(t)
	sim.Inject(sim.Fault{SVC: sim.SVCPost, RC: 8, Times: 1}) // the kill ECB's POST
	require.NoError(t, h.Close())
	a := got(t, ch)
	assert.ErrorIs(t, a.err, zconsole.ErrKilled)
	noneOutstanding(t)
}

// Kill that cannot post an Ask's cancel says so, and a second Kill tries again: the Ask
// then ends with ErrKilled.
func TestKillWhoseAskCancelFailedTriesAgain(t *testing.T) {
	fresh(t)
	h := open(t)
	ch := askAsync(context.Background(), h, "DEMO066A STILL THERE?")
	asked(t)
	sim.Inject(sim.Fault{SVC: sim.SVCPost, RC: 8, Skip: 1, Times: 1}) // the kill ECB's passes, the cancel's fails
	assert.Equal(t, "POST (WTOR cancel)", serviceError(t, zconsole.Kill(h)).Op)
	require.NoError(t, zconsole.Kill(h))
	assert.ErrorIs(t, got(t, ch).err, zconsole.ErrKilled)
	noneOutstanding(t)
}

// Close that cannot post an Ask's cancel says so and leaves the handle open, and
// killed: the Ask is not left waiting for a reply with no Kill to end it. A later Close
// posts the cancel and closes.
func TestCloseWhoseAskCancelFailedTriesAgain(t *testing.T) {
	fresh(t)
	h, err := zconsole.Init()
	require.NoError(t, err)
	ch := askAsync(context.Background(), h, "DEMO066A STILL THERE?")
	asked(t)
	sim.Inject(sim.Fault{SVC: sim.SVCPost, RC: 8, Skip: 1, Times: 1}) // the kill ECB's passes, the cancel's fails
	assert.Equal(t, "POST (WTOR cancel)", serviceError(t, h.Close()).Op)
	select {
	case a := <-ch:
		t.Fatalf("the Ask ended with no cancel posted: %q, %v", a.text, a.err)
	default:
	}
	_, err = zconsole.Wait(h)
	assert.ErrorIs(t, err, zconsole.ErrKilled, "open, and killed")
	require.NoError(t, h.Close())
	assert.ErrorIs(t, got(t, ch).err, zconsole.ErrKilled)
	noneOutstanding(t)
	assert.ErrorIs(t, h.Close(), zconsole.ErrClosed)
}

// An Ask that has returned is forgotten by its handle: a later Kill posts nothing into
// storage the Ask has given back.
func TestKillAfterAskReturned(t *testing.T) {
	fresh(t)
	h := open(t)
	ch := askAsync(context.Background(), h, "DEMO069A DONE?")
	command(t, fmt.Sprintf("R %d,YES", asked(t).ReplyID))
	require.NoError(t, got(t, ch).err)
	posts := sim.Stats().SVCs[sim.SVCPost]
	require.NoError(t, zconsole.Kill(h))
	assert.Equal(t, posts+1, sim.Stats().SVCs[sim.SVCPost], "the kill ECB only")
}

func TestAskEndedByClose(t *testing.T) {
	fresh(t)
	h, err := zconsole.Init()
	require.NoError(t, err)
	ch := askAsync(context.Background(), h, "DEMO066A CLOSING?")
	asked(t)
	require.NoError(t, h.Close())
	assert.ErrorIs(t, got(t, ch).err, zconsole.ErrKilled)
	noneOutstanding(t)
	_, err = zconsole.Ask(context.Background(), h, "X")
	assert.ErrorIs(t, err, zconsole.ErrClosed)
}

func TestReplyToWrongNumberRejected(t *testing.T) {
	fresh(t)
	ch := askAsync(context.Background(), nil, "DEMO067A WHICH ONE?")
	m := asked(t)
	err := sim.Command(fmt.Sprintf("R %02d,THIS", m.ReplyID+1))
	assert.ErrorIs(t, err, sim.ErrNotOutstanding)
	log := sim.Log()
	assert.Equal(t, "IEE305I R COMMAND INVALID", log[len(log)-1].Text)
	assert.Equal(t, []int{m.ReplyID}, sim.Outstanding(), "still waiting")

	for _, bad := range []string{"R 01", "R 01,", "R X1,Y", "R 12345,Y", "REPLY 01.2,Y"} {
		assert.ErrorIs(t, sim.Command(bad), sim.ErrInvalid, bad)
	}
	command(t, fmt.Sprintf("R %d,THAT", m.ReplyID))
	a := got(t, ch)
	require.NoError(t, a.err)
	assert.Equal(t, "THAT", a.text)
	noneOutstanding(t)
}

func TestAskReplyLength(t *testing.T) {
	fresh(t)
	ch := askAsync(context.Background(), nil, "DEMO068A YES OR NO?", zconsole.ReplyLength(3))
	m := asked(t)
	assert.Equal(t, 3, m.ReplyLen)
	err := sim.Command("R 01,MAYBE")
	assert.ErrorIs(t, err, sim.ErrInvalid, "longer than the program takes")
	assert.Equal(t, []int{1}, sim.Outstanding())
	command(t, "R 01,NO")
	a := got(t, ch)
	require.NoError(t, a.err)
	assert.Equal(t, "NO", a.text, "the buffer's blank fill is trimmed")
}

// Several questions at once get reply ids in turn and may be answered in any order.
func TestAskSeveralAtOnce(t *testing.T) {
	fresh(t)
	h := open(t)
	var chans []<-chan answer
	for i := 1; i <= 3; i++ {
		chans = append(chans, askAsync(context.Background(), h, fmt.Sprintf("DEMO07%dA QUESTION %d", i, i)))
		eventually(t, fmt.Sprintf("question %d outstanding", i), func() bool { return len(sim.Outstanding()) >= i })
	}
	require.Equal(t, []int{1, 2, 3}, sim.Outstanding())
	byID := map[int]int{} // reply id -> question number
	for _, m := range written(t) {
		var n int
		_, err := fmt.Sscanf(m.Lines[0], "DEMO07%dA", &n)
		require.NoError(t, err)
		byID[m.ReplyID] = n
	}
	for _, id := range []int{3, 1, 2} {
		command(t, fmt.Sprintf("R %02d,ANSWER%d", id, byID[id]))
	}
	for i, ch := range chans {
		a := got(t, ch)
		require.NoError(t, a.err)
		assert.Equal(t, fmt.Sprintf("ANSWER%d", i+1), a.text)
	}
	noneOutstanding(t)
}

// Reply ids go 01 to 99, then 00, and round again, skipping those still outstanding.
func TestReplyIDsWrapAndSkipOutstanding(t *testing.T) {
	fresh(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first := askAsync(ctx, nil, "DEMO090A STAYS")
	require.Equal(t, 1, asked(t).ReplyID)
	want := func(i int) int { return (i + 1) % 100 } // 02..99, then 00
	for i := 1; i <= 99; i++ {
		ch := askAsync(context.Background(), nil, fmt.Sprintf("DEMO091A Q%d", i))
		eventually(t, "second question outstanding", func() bool { return len(sim.Outstanding()) >= 2 })
		ids := sim.Outstanding()
		require.Equal(t, []int{1, want(i)}, ids, "question %d", i)
		command(t, fmt.Sprintf("R %d,A", ids[1]))
		require.NoError(t, got(t, ch).err)
	}
	ch := askAsync(context.Background(), nil, "DEMO092A AFTER THE WRAP")
	eventually(t, "second question outstanding", func() bool { return len(sim.Outstanding()) >= 2 })
	assert.Equal(t, []int{1, 2}, sim.Outstanding(), "01 is outstanding: 02 is next")
	command(t, "R 2,B")
	require.NoError(t, got(t, ch).err)
	cancel()
	assert.ErrorIs(t, got(t, first).err, context.Canceled)
	noneOutstanding(t)
}

// When the DOM that takes a cancelled question away fails, the question may still be
// answered, so its storage is kept; the next Ask deletes it before it asks. Deleted
// unanswered, its WPL is released and its block retired.
func TestAskDOMFailsQuestionKeptUntilDeleted(t *testing.T) {
	fresh(t)
	ctx, cancel := context.WithCancel(context.Background())
	ch := askAsync(ctx, nil, "DEMO080A FIRST")
	first := asked(t)
	sim.Inject(sim.Fault{SVC: sim.SVCDOM, RC: 8, Times: 1})
	cancel()
	a := got(t, ch)
	assert.Equal(t, "DOM", serviceError(t, a.err).Op)
	assert.Equal(t, []int{first.ReplyID}, sim.Outstanding(), "not deleted")
	assert.Equal(t, retiredBlocks()+1, sim.Stats().ProgramBlocks, "its block and its WPL are kept")
	retired := zconsole.RetiredAsks()

	ch = askAsync(context.Background(), nil, "DEMO081A SECOND")
	eventually(t, "second question written", func() bool { return len(written(t)) >= 2 })
	second := asked(t)
	assert.Equal(t, []int{second.ReplyID}, sim.Outstanding(), "the first was deleted before the second was asked")
	command(t, fmt.Sprintf("R %d,GO", second.ReplyID))
	require.NoError(t, got(t, ch).err)
	noneOutstanding(t)
	assert.Equal(t, retired, zconsole.RetiredAsks(), "the first is retired still: deleted, its reply never posted")
}

func TestAskFaults(t *testing.T) {
	fresh(t)
	sim.Inject(sim.Fault{SVC: sim.SVCWTO, RC: 4, Times: 1})
	_, err := zconsole.Ask(context.Background(), nil, "LOST")
	assert.Equal(t, "WTOR", serviceError(t, err).Op)
	sim.FailStorage(1)
	_, err = zconsole.Ask(context.Background(), nil, "NO ROOM")
	assert.ErrorIs(t, err, zconsole.ErrNoStorage)

	// The wait fails: the question is deleted, nothing is left.
	sim.Inject(sim.Fault{SVC: sim.SVCWait, RC: 12, Times: 1})
	_, err = zconsole.Ask(context.Background(), nil, "WAIT FAILS")
	assert.Equal(t, "WAIT (WTOR)", serviceError(t, err).Op)
	noneOutstanding(t)

	_, err = zconsole.Ask(context.Background(), nil, "TWO\nLINES")
	assert.ErrorIs(t, err, zconsole.ErrTooLong)
}

// Many questions, cancelled, killed and answered in every order and at once: each Ask
// returns the answer or its cancel, nothing stays outstanding, no storage is left.
func TestAskStress(t *testing.T) {
	fresh(t)
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 40; round++ {
		h, err := zconsole.Init()
		require.NoError(t, err)
		const n = 6
		ctxs := make([]context.CancelFunc, n)
		var chans []<-chan answer
		for i := 0; i < n; i++ {
			ctx, cancel := context.WithCancel(context.Background())
			ctxs[i] = cancel
			chans = append(chans, askAsync(ctx, h, fmt.Sprintf("Q%d", i)))
		}
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int, how int) {
				defer wg.Done()
				switch how {
				case 0:
					ctxs[i]()
				case 1:
					for _, id := range sim.Outstanding() {
						_ = sim.Command(fmt.Sprintf("R %d,A%d", id, i)) // may lose the race
					}
				case 2:
					_ = zconsole.Kill(h)
				}
			}(i, rng.Intn(3))
		}
		wg.Wait()
		_ = zconsole.Kill(h)
		for _, ch := range chans {
			a := got(t, ch)
			switch {
			case a.err == nil:
				assert.Regexp(t, `^A\d$`, a.text)
			case errors.Is(a.err, context.Canceled), errors.Is(a.err, zconsole.ErrKilled):
			default:
				t.Errorf("round %d: %v", round, a.err)
			}
		}
		for _, c := range ctxs {
			c()
		}
		require.NoError(t, h.Close())
		require.Empty(t, sim.Outstanding(), "round %d", round)
		require.Equal(t, retiredBlocks(), sim.Stats().ProgramBlocks, "round %d", round)
	}
	noneOutstanding(t)
}
