//go:build cgo && zconsolesim

package serve_test

import (
	"context"
	"errors"
	"log"
	"testing"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// echo is a handler that answers each command with its verb and text.
func echo(_ context.Context, req *serve.Request) error {
	return req.Reply(req.Verb.String() + " " + req.Text)
}

func TestServeDeliversStartThenModify(t *testing.T) {
	simtest.Started(t, "'Idle=20'", nil)
	h := simtest.Open(t)
	replies := newReplyLog()
	startServer(t, h, serve.WithHandler(serve.HandlerFunc(echo)), replies.option())
	simtest.Command(t, "F DEMO,ONE")
	simtest.Command(t, "f demo,two")
	assert.Equal(t, "Start 'Idle=20'", replies.line(t), "START first")
	assert.Equal(t, "Modify ONE", replies.line(t))
	r := replies.next(t)
	assert.Equal(t, []string{"Modify TWO"}, r.lines)
	assert.Equal(t, "OPER1", r.cmd.Console, "the reply is for the console the command came from")
}

func TestServeHandlerErrorIsAnswered(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	replies := newReplyLog()
	startServer(t, h, replies.option(), serve.WithHandler(serve.HandlerFunc(
		func(context.Context, *serve.Request) error { return errors.New("disk full") })))
	simtest.Command(t, "F DEMO,SAVE ALL", sim.WithCART(sim.CARTOf("AUTO1")))
	r := replies.next(t)
	assert.Equal(t, []string{"ZCN006E SAVE failed: disk full"}, r.lines)
	assert.Equal(t, sim.CARTOf("AUTO1"), r.cmd.CART)
}

func TestServeWithoutHandler(t *testing.T) {
	simtest.Started(t, "'x=1'", nil)
	h := simtest.Open(t)
	replies := newReplyLog()
	startServer(t, h, replies.option())
	simtest.Command(t, "F DEMO,STATUS NOW")
	assert.Equal(t, "ZCN008I START parameters ignored: 'x=1'", replies.line(t))
	assert.Equal(t, "ZCN007E STATUS not run: this program takes no commands", replies.line(t))
}

// Commands beyond the workers wait in the backlog; beyond the backlog they are not run,
// and the operator is told.
func TestServeBacklogFullIsAnswered(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	g := newBlockingHandler()
	replies := newReplyLog()
	startServer(t, h, serve.WithHandler(g), serve.WithBacklog(1), replies.option())

	simtest.Command(t, "F DEMO,ONE")
	assert.Equal(t, "ONE", g.begun(t).Text)
	simtest.Command(t, "F DEMO,TWO")
	simtest.Command(t, "F DEMO,THREE X")
	assert.Equal(t, "ZCN001I THREE not run: busy, 1 commands running and 1 waiting", replies.line(t))
	g.open()
	assert.Equal(t, "TWO", g.begun(t).Text, "the backlog runs when the worker is free")
	replies.empty(t)
}

func TestServeWorkersRunTogether(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	g := newBlockingHandler()
	startServer(t, h, serve.WithHandler(g), serve.WithWorkers(3), serve.WithBacklog(0))
	for _, c := range []string{"F DEMO,A", "F DEMO,B", "F DEMO,C"} {
		simtest.Command(t, c)
	}
	seen := map[string]bool{}
	for range 3 {
		seen[g.begun(t).Text] = true // all three at once, none of them returned
	}
	assert.Equal(t, map[string]bool{"A": true, "B": true, "C": true}, seen)
	assert.Zero(t, g.returned())
	g.open()
}

// By default MODIFY is refused by the system while the server stops, as after any STOP;
// with a drain limit the server goes on answering.
func TestServeDrainQueueLimit(t *testing.T) {
	t.Run("default", func(t *testing.T) {
		simtest.Fresh(t, nil)
		h := simtest.Open(t)
		srv := startServer(t, h)
		simtest.Command(t, "P DEMO")
		waitDone(t, srv.Context(), "Context")
		err := sim.Command("F DEMO,STATUS")
		assert.ErrorIs(t, err, sim.ErrRejected)
		simtest.Command(t, "P DEMO") // a second STOP is still taken
		waitDone(t, srv.ForceContext(), "ForceContext")
	})
	t.Run("limit", func(t *testing.T) {
		simtest.Fresh(t, nil)
		h := simtest.Open(t)
		replies := newReplyLog()
		srv := startServer(t, h, serve.WithDrainQueueLimit(3), replies.option(),
			serve.WithHandler(serve.HandlerFunc(echo)))
		simtest.Command(t, "P DEMO")
		waitDone(t, srv.Context(), "Context")
		assert.Equal(t, 3, sim.Stats().QueueLimit, "set before the context is done")
		simtest.Command(t, "F DEMO,STATUS")
		assert.Equal(t, "Modify STATUS", replies.line(t), "answered while draining")

		// Done with it, the server sets the limit back to 0: no MODIFY is queued for
		// no one, and the system says so. The handle's own limit comes back only by
		// SetQueueLimit.
		require.NoError(t, srv.Close())
		assert.Zero(t, sim.Stats().QueueLimit, "back to 0 when the server is done with it")
		assert.ErrorIs(t, sim.Command("F DEMO,LATER"), sim.ErrRejected)
		assert.Len(t, sim.Grep(sim.Log(), "IEE342I F REJECTED-TASK BUSY"), 1, "refused visibly")
		require.NoError(t, h.SetQueueLimit(zconsole.DefaultQueueLimit))
		simtest.Command(t, "F DEMO,AGAIN")
		cmd, err := zconsole.Wait(h)
		require.NoError(t, err)
		assert.Equal(t, "AGAIN", cmd.Text)
	})
	t.Run("idle", func(t *testing.T) {
		// A stop the operator did not ask for sets the limit the same way.
		simtest.Fresh(t, nil)
		h := simtest.Open(t)
		srv := startServer(t, h, serve.WithIdle(1))
		waitDone(t, srv.Context(), "Context")
		assert.ErrorIs(t, context.Cause(srv.Context()), serve.ErrIdle)
		assert.Zero(t, sim.Stats().QueueLimit)
	})
}

// When the stop is forced, commands still waiting for a worker are not run.
func TestServeForceAnswersBacklog(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	g := newBlockingHandler()
	replies := newReplyLog()
	srv := startServer(t, h, serve.WithHandler(g), replies.option())
	simtest.Command(t, "F DEMO,ONE")
	g.begun(t)
	simtest.Command(t, "F DEMO,TWO")
	simtest.Command(t, "P DEMO")
	waitDone(t, srv.Context(), "Context")
	simtest.Command(t, "P DEMO")
	waitDone(t, srv.ForceContext(), "ForceContext")
	got := []string{replies.line(t), replies.line(t)}
	assert.ElementsMatch(t, []string{"ZCN002I TWO not run: the stop was forced", "ZCN006E ONE failed: context canceled"}, got)
	require.NoError(t, srv.Close())
	assert.Equal(t, 1, g.returned(), "TWO never ran")
}

// Commands that arrive while Close waits for handlers are answered, not run.
func TestServeCommandsWhileClosing(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	g := newBlockingHandler()
	replies := newReplyLog()
	lc := goroutinesNow()
	srv := startServer(t, h, serve.WithHandler(g), serve.WithDrainQueueLimit(2), replies.option())
	simtest.Command(t, "F DEMO,ONE")
	g.begun(t)

	closeDone := make(chan error, 1)
	go func() { closeDone <- srv.Close() }()
	waitDone(t, srv.Context(), "Context after Close")
	simtest.Command(t, "F DEMO,LATE")
	assert.Equal(t, "ZCN003I LATE not run: the server is closing", replies.line(t))
	g.open()
	require.NoError(t, <-closeDone)
	require.NoError(t, closeServer(t, srv, lc))
	assert.Equal(t, 1, g.returned())
}

// logLines is an io.Writer for the standard logger that hands over each write.
type logLines chan string

func (l logLines) Write(p []byte) (int, error) {
	l <- string(p)
	return len(p), nil
}

// Without WithReplies, answers go to the standard logger, naming the console.
func TestServeRepliesDefaultToConsole(t *testing.T) {
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	srv := startServer(t, h)
	simtest.Command(t, "F DEMO,FROB", sim.From(sim.Console{Name: "SDSF1", ID: 7, Auth: zconsole.AuthSys}),
		sim.WithCART(sim.CARTOf("AUTO1")))
	var replies []sim.Message
	simtest.Eventually(t, "reply on the console", func() bool {
		replies = replies[:0]
		for _, m := range sim.Grep(sim.Log(), "FROB") { // the command, then the reply
			if m.Kind == sim.KindWTO {
				replies = append(replies, m)
			}
		}
		return len(replies) > 0
	})
	reply := replies[0]
	assert.Equal(t, []string{"ZCN007E FROB not run: this program takes no commands"}, reply.Lines)
	assert.Equal(t, uint32(7), reply.ConsoleID, "back to the issuing console")
	assert.Equal(t, sim.CARTOf("AUTO1"), reply.CART, "with its CART")
	assert.True(t, reply.Response)
	require.NoError(t, srv.Close())
}

// A command with no console to answer (no CIB extension) is answered in the log.
func TestServeRepliesWithoutConsoleGoToLog(t *testing.T) {
	lines := make(logLines, 8)
	out, flags := log.Writer(), log.Flags()
	log.SetOutput(lines)
	log.SetFlags(0)
	t.Cleanup(func() {
		log.SetOutput(out)
		log.SetFlags(flags)
	})
	r := &serve.Request{Command: zconsole.Command{Verb: zconsole.Modify, Text: "X"}}
	require.NoError(t, r.Reply("no console"))
	assert.Equal(t, "zconsole: reply to the operator: no console\n", simtest.Within(t, lines, "the log"))
}
