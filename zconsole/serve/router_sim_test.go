//go:build cgo && zconsolesim

package serve_test

import (
	"context"
	"fmt"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// demoRouter is the router of a small server: STATUS for everyone, SET (which changes
// the idle timeout or says a message) for consoles with SYS authority.
type demoRouter struct {
	*serve.Router
	srv  *serve.Server
	sets atomic.Int32 // SET commands run
	said atomic.Value // the last MSG= of SET
}

func newDemoRouter() *demoRouter {
	d := &demoRouter{Router: serve.NewRouter()}
	d.Handle("status", func(_ context.Context, req *serve.Request) error {
		return req.Reply("DEMO001I DEMO IS ACTIVE")
	}, serve.Help("shows what the server is doing"))
	d.Handle("SET", d.set, serve.Requires(zconsole.AuthSys), serve.Help("IDLE=seconds MSG='text'"))
	return d
}

func (d *demoRouter) set(_ context.Context, req *serve.Request) error {
	d.sets.Add(1)
	if v, ok := req.Args.Value("IDLE"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return fmt.Errorf("IDLE=%s is not a number of seconds", v)
		}
		d.srv.SetIdleTimeout(time.Duration(n) * time.Second)
	}
	if v, ok := req.Args.Value("MSG"); ok {
		d.said.Store(v)
	}
	return req.Reply("DEMO002I SET DONE")
}

func routed(t *testing.T, opts ...serve.Option) (*demoRouter, *replyLog) {
	t.Helper()
	simtest.Fresh(t, nil)
	h := simtest.Open(t)
	d := newDemoRouter()
	replies := newReplyLog()
	d.srv = startServer(t, h, append([]serve.Option{serve.WithHandler(d), replies.option()}, opts...)...)
	return d, replies
}

var (
	tsoInfo   = sim.Console{Name: "TSO1", ID: 7, Auth: zconsole.AuthInfo}
	sysCons   = sim.Console{Name: "SYSC", ID: 8, Auth: zconsole.AuthSys}
	ioCons    = sim.Console{Name: "IOC", ID: 9, Auth: zconsole.AuthIO}
	masterCon = sim.MasterConsole
)

func TestRouterDispatch(t *testing.T) {
	_, replies := routed(t)
	simtest.Command(t, "f demo,status")
	assert.Equal(t, "DEMO001I DEMO IS ACTIVE", replies.line(t))
	simtest.Command(t, "F DEMO,'status'")
	assert.Equal(t, "DEMO001I DEMO IS ACTIVE", replies.line(t), "a quoted word matches in any case")
}

func TestRouterQuotedValueKeepsCase(t *testing.T) {
	d, replies := routed(t)
	simtest.Command(t, "f demo,set msg='Hello, World' ")
	assert.Equal(t, "DEMO002I SET DONE", replies.line(t))
	assert.Equal(t, "Hello, World", d.said.Load())
	simtest.Command(t, "F DEMO,SET,MSG='It''s 5 o''clock'")
	replies.line(t)
	assert.Equal(t, "It's 5 o'clock", d.said.Load())
	simtest.Command(t, "F DEMO,SET MSG=plain")
	replies.line(t)
	assert.Equal(t, "PLAIN", d.said.Load(), "the console folds what is not quoted")
}

func TestRouterHelp(t *testing.T) {
	_, replies := routed(t)
	simtest.Command(t, "F DEMO,HELP")
	assert.Equal(t, []string{
		"ZCN100I commands:",
		"  HELP    [command]  lists the commands, or shows one",
		"  SET     IDLE=seconds MSG='text' (needs SYS authority)",
		"  STATUS  shows what the server is doing",
	}, replies.next(t).lines)

	simtest.Command(t, "F DEMO,HELP set", sim.From(tsoInfo))
	assert.Equal(t, "ZCN100I SET  IDLE=seconds MSG='text' (needs SYS authority)", replies.line(t),
		"HELP needs no authority")
	simtest.Command(t, "F DEMO,HELP NOPE")
	assert.Equal(t, "ZCN101E HELP: NOPE: unknown command; HELP lists the commands", replies.line(t))
}

func TestRouterUnknownCommand(t *testing.T) {
	_, replies := routed(t)
	for i, c := range []struct {
		text   string
		wreply string
	}{
		{"F DEMO,FROB IT", "ZCN101E FROB: unknown command; HELP lists the commands"},
		{"F DEMO,APPL=STATUS", "ZCN103E APPL= is not a command; HELP lists the commands"},
		{"F DEMO,,,", "ZCN102E no command given; HELP lists the commands"},
		{"F DEMO,SET MSG='oops", "ZCN104E SET not run: apostrophe not closed at column 9"},
	} {
		simtest.Command(t, c.text)
		assert.Equal(t, c.wreply, replies.line(t), "#%d %s", i, c.text)
	}
}

func TestRouterAuthority(t *testing.T) {
	d, replies := routed(t)
	for i, c := range []struct {
		from   sim.Console
		wreply string
	}{
		{tsoInfo, "ZCN105E SET refused: it needs SYS authority; console TSO1 has INFO"},
		{ioCons, "ZCN105E SET refused: it needs SYS authority; console IOC has IO"},
		{sysCons, "DEMO002I SET DONE"},
		{masterCon, "DEMO002I SET DONE"},
	} {
		before := d.sets.Load()
		simtest.Command(t, "F DEMO,SET MSG=X", sim.From(c.from))
		r := replies.next(t)
		assert.Equal(t, []string{c.wreply}, r.lines, "#%d from %s", i, c.from.Name)
		assert.Equal(t, c.from.Name, r.cmd.Console, "#%d: the reply is for the issuing console", i)
		ran := d.sets.Load() - before
		if c.wreply == "DEMO002I SET DONE" {
			assert.Equal(t, int32(1), ran, "#%d", i)
		} else {
			assert.Zero(t, ran, "#%d: a refused command is never run", i)
		}
	}
	simtest.Command(t, "F DEMO,STATUS", sim.From(tsoInfo))
	assert.Equal(t, "DEMO001I DEMO IS ACTIVE", replies.line(t), "STATUS needs no authority")
}

func TestRouterHandlerErrorAndSetIdle(t *testing.T) {
	d, replies := routed(t)
	simtest.Command(t, "F DEMO,SET IDLE=soon")
	assert.Equal(t, "ZCN006E SET failed: IDLE=SOON is not a number of seconds", replies.line(t))

	before := time.Now()
	simtest.Command(t, "F DEMO,SET IDLE=0")
	replies.line(t)
	d.srv.SetIdleTimeout(200 * time.Millisecond) // what F DEMO,SET IDLE=0.2 would do
	at := waitDone(t, d.srv.Context(), "Context after the idle period the command set")
	assert.GreaterOrEqual(t, at.Sub(before), 200*time.Millisecond)
	assert.ErrorIs(t, context.Cause(d.srv.Context()), serve.ErrIdle)
}

func TestRouterStart(t *testing.T) {
	require.NoError(t, sim.Start("DEMO", "MODE=TEST,'Log Dir'"))
	t.Cleanup(func() { simtest.Clean(t, nil) })
	h := simtest.Open(t)
	r := serve.NewRouter()
	got := make(chan *serve.Request, 1)
	r.HandleStart(func(_ context.Context, req *serve.Request) error {
		got <- req
		return nil
	})
	startServer(t, h, serve.WithHandler(r))
	req := simtest.Within(t, got, "the START's handler")
	assert.Equal(t, "", req.Name)
	assert.Equal(t, serve.Args{{Key: "MODE", Value: "TEST"}, {Value: "Log Dir", Quoted: true}}, req.Args)
}

func TestRouterStartWithoutHandler(t *testing.T) {
	require.NoError(t, sim.Start("DEMO", "'x'"))
	t.Cleanup(func() { simtest.Clean(t, nil) })
	h := simtest.Open(t)
	replies := newReplyLog()
	startServer(t, h, serve.WithHandler(serve.NewRouter()), replies.option())
	assert.Equal(t, "ZCN008I START parameters ignored: 'x'", replies.line(t))
}
