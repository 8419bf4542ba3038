//go:build cgo && zconsolesim

package serve_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outcomes records, by command text, what a server did with each command: "run" when
// its handler began, "answered" when a reply said it was not run; and every reply line.
type outcomes struct {
	mu    sync.Mutex
	got   map[string][]string
	lines []string
}

func newOutcomes() *outcomes { return &outcomes{got: map[string][]string{}} }

func (o *outcomes) add(text, how string) {
	o.mu.Lock()
	o.got[text] = append(o.got[text], how)
	o.mu.Unlock()
}

// handler records each command it runs.
func (o *outcomes) handler(ctx context.Context, req *serve.Request) error {
	o.add(req.Text, "run")
	return nil
}

// reply records every line, and each answer that says a command was not run.
func (o *outcomes) reply(cmd zconsole.Command, lines []string) error {
	o.mu.Lock()
	o.lines = append(o.lines, lines...)
	o.mu.Unlock()
	for _, line := range lines {
		if strings.Contains(line, " not run: ") {
			o.add(cmd.Text, "answered")
		}
	}
	return nil
}

// of returns what became of the command text.
func (o *outcomes) of(text string) []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]string(nil), o.got[text]...)
}

// notRun returns the reply lines that say a command was not run.
func (o *outcomes) notRun() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []string
	for _, l := range o.lines {
		if strings.Contains(l, " not run: ") {
			out = append(out, l)
		}
	}
	return out
}

// The scenario: three MODIFY commands the system accepted, then Close at once.
// When Close returns, each has been run or answered, once, and none is left on the
// job's chain for no one; the system refuses MODIFY from then on.
func TestServeCloseAnswersQueued(t *testing.T) {
	closeRounds(t, func(h *zconsole.Handle, opts ...serve.Option) func() error {
		srv, err := serve.New(context.Background(), h, opts...)
		require.NoError(t, err)
		return srv.Close
	})
}

// The same, ended by NotifyContext's stop function.
func TestNotifyContextStopAnswersQueued(t *testing.T) {
	closeRounds(t, func(h *zconsole.Handle, opts ...serve.Option) func() error {
		ctx, stop := serve.NotifyContext(context.Background(), h, opts...)
		require.NoError(t, context.Cause(ctx), "served")
		return func() error { stop(); return nil }
	})
}

// closeRounds serves a handle twenty times with start, enters three MODIFY commands
// each time and ends the server at once with the function start returned.
func closeRounds(t *testing.T, start func(h *zconsole.Handle, opts ...serve.Option) (end func() error)) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	lc := goroutinesNow()
	var ran, answered int
	for r := 0; r < 20; r++ {
		// Close leaves the limit at 0: the handle's own limit comes back only this way.
		require.NoError(t, h.SetQueueLimit(zconsole.DefaultQueueLimit))
		o := newOutcomes()
		end := start(h, withOutcomes(o)...)
		texts := make([]string, 3)
		for i := range texts {
			texts[i] = fmt.Sprintf("R%dC%d", r, i)
			simtest.Command(t, "F DEMO,"+texts[i])
		}
		require.NoError(t, end(), "round %d", r)

		for _, text := range texts {
			got := o.of(text)
			assert.Len(t, got, 1, "round %d: %s became %v", r, text, got)
			if len(got) == 1 && got[0] == "run" {
				ran++
			}
		}
		for _, line := range o.notRun() {
			// Taken while Close waited for a handler, or still queued when it ended.
			assert.Regexp(t, `^(ZCN003I R\d+C\d not run: the server is closing|ZCN009I R\d+C\d not run: the server has stopped)$`, line, "round %d", r)
			answered++
		}
		s := sim.Stats()
		assert.Zero(t, s.Queued, "round %d: commands left on the chain when Close returned", r)
		assert.Zero(t, s.QueueLimit, "round %d: the limit after Close", r)
		if t.Failed() {
			break
		}
	}
	assert.Empty(t, sim.Grep(sim.Log(), "IEE342I"), "every command was accepted")
	assert.ErrorIs(t, sim.Command("F DEMO,AFTER"), sim.ErrRejected, "no MODIFY is accepted for no one")
	lc.check(t)
	t.Logf("60 commands: %d run, %d answered", ran, answered)
}

// withOutcomes are the options that serve with o's handler and replies.
func withOutcomes(o *outcomes) []serve.Option {
	return []serve.Option{serve.WithHandler(serve.HandlerFunc(o.handler)), serve.WithReplies(o.reply)}
}

// A START taken off the chain by Init is the first command a server gets: when Close
// comes at once, it too has been run or answered.
func TestServeCloseAnswersStart(t *testing.T) {
	simtest.Fresh(t, nil)
	lc := goroutinesNow()
	for r := 0; r < 20; r++ {
		parm := fmt.Sprintf("'R%d'", r)
		require.NoError(t, sim.Start("DEMO", parm))
		h, err := zconsole.Init()
		require.NoError(t, err)
		o := newOutcomes()
		srv, err := serve.New(context.Background(), h, withOutcomes(o)...)
		require.NoError(t, err)
		require.NoError(t, srv.Close())
		got := o.of(parm)
		assert.Len(t, got, 1, "round %d: the START became %v", r, got)
		for _, line := range o.notRun() {
			assert.Equal(t, "ZCN009I START not run: the server has stopped", line)
		}
		require.NoError(t, h.Close())
	}
	lc.check(t)
}

// A STOP queued behind MODIFY commands stops the server after they were taken; they
// run, as commands taken before a stop do.
func TestServeStopBehindModifies(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	for _, c := range []string{"F DEMO,ONE", "F DEMO,TWO", "P DEMO"} {
		simtest.Command(t, c)
	}
	o := newOutcomes()
	lc := goroutinesNow()
	srv, err := serve.New(context.Background(), h, withOutcomes(o)...)
	require.NoError(t, err)
	waitDone(t, srv.Context(), "Context after the queued STOP")
	assert.ErrorIs(t, context.Cause(srv.Context()), serve.ErrStopCommand)
	require.NoError(t, closeServer(t, srv, lc))
	assert.Equal(t, []string{"run"}, o.of("ONE"))
	assert.Equal(t, []string{"run"}, o.of("TWO"))
	assert.Zero(t, sim.Stats().Queued)
	assert.False(t, sim.Stats().StopQueued)
}

// A failed supervisor call ends the wait; at Close the server tries once more to take
// what is queued, and answers it.
func TestServeWaitFailureAnswersQueued(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	texts := []string{"ONE", "TWO", "THREE"}
	for _, text := range texts {
		simtest.Command(t, "F DEMO,"+text)
	}
	o := newOutcomes()
	lc := goroutinesNow()
	// The waiter's first QEDIT frees ONE: it fails, and ONE stays queued.
	sim.Inject(sim.Fault{SVC: sim.SVCQedit, RC: 8, Times: 1})
	srv, err := serve.New(context.Background(), h, withOutcomes(o)...)
	require.NoError(t, err)
	waitDone(t, srv.Context(), "Context after the failed QEDIT")
	err = closeServer(t, srv, lc)
	var se *zconsole.ServiceError
	require.ErrorAs(t, err, &se, "Close reports the failure")
	assert.Equal(t, "QEDIT BLOCK=", se.Op)
	assert.NotContains(t, err.Error(), "not answered")
	for _, text := range texts {
		assert.Equal(t, []string{"answered"}, o.of(text), text)
	}
	assert.Equal(t, []string{
		"ZCN009I ONE not run: the server has stopped",
		"ZCN009I TWO not run: the server has stopped",
		"ZCN009I THREE not run: the server has stopped",
	}, o.notRun())
	assert.Zero(t, sim.Stats().Queued)
}

// When the supervisor call keeps failing, what is queued cannot be taken: Close says so.
func TestServeWaitFailurePersists(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	simtest.Command(t, "F DEMO,ONE")
	o := newOutcomes()
	lc := goroutinesNow()
	sim.Inject(sim.Fault{SVC: sim.SVCQedit, RC: 8, Times: -1})
	t.Cleanup(func() { sim.Inject(sim.Fault{SVC: sim.SVCQedit}) }) // so that h closes
	srv, err := serve.New(context.Background(), h, withOutcomes(o)...)
	require.NoError(t, err)
	err = closeServer(t, srv, lc)
	var se *zconsole.ServiceError
	require.ErrorAs(t, err, &se)
	assert.ErrorContains(t, err, "zconsole: wait for commands ended: ")
	assert.Regexp(t, `(?m)^zconsole: commands still queued were not answered: .*QEDIT BLOCK= \(SVC 34\): RC=8$`, err.Error())
	assert.ErrorContains(t, err, "QEDIT CIBCTR= (SVC 34): RC=8", "the limit could not be set to 0 either")
	assert.Empty(t, o.of("ONE"))
	assert.Equal(t, 1, sim.Stats().Queued, "left on the chain, and Close said so")
}
