package serve

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/go-zos/zconsole/zconsole"
)

// A Router is a [Handler] that runs MODIFY commands by their command word, the first
// operand of the text: F DEMO,STATUS runs the handler registered for STATUS, and
// F DEMO,SET IDLE=30 the one for SET, with the operands IDLE=30 in [Request.Args] (see
// [ParseArgs] for the syntax). Command words match in any case.
//
// The Router answers for itself, and then runs nothing:
//   - HELP lists the commands (HELP word shows one), unless a handler for HELP is
//     registered;
//   - a word no handler is registered for is answered as unknown;
//   - a command whose console lacks the authority the command requires
//     ([Requires]) is refused, saying what it needs;
//   - text that does not parse is answered with the problem and its column.
//
// A START goes to the handler of [Router.HandleStart], with all its parameters in
// Request.Args; without one, START parameters are answered as ignored. A Router is
// safe for concurrent use; commands may be registered while it serves.
type Router struct {
	mu     sync.RWMutex
	routes map[string]*route
	start  HandlerFunc
}

type route struct {
	word string
	fn   HandlerFunc
	need zconsole.Authority
	help string
}

// A RouteOption describes a command registered with [Router.Handle].
type RouteOption func(*route)

// Requires makes the command need authority need: the Router refuses it, with a
// reply, from a console whose [zconsole.Authority] does not
// [zconsole.Authority.Permits] it. Without Requires a command needs
// [zconsole.AuthInfo], which every console has.
//
// The authority is read from the CIB extension (UNCONFIRMED layout: see
// [zconsole.Authority]); check on your system before relying on levels other than
// MASTER.
func Requires(need zconsole.Authority) RouteOption { return func(r *route) { r.need = need } }

// Help sets the line HELP shows for the command after its word, such as
// "IDLE=seconds  sets the idle timeout".
func Help(line string) RouteOption { return func(r *route) { r.help = line } }

// NewRouter returns a Router with no commands but the built-in HELP.
func NewRouter() *Router {
	return &Router{routes: map[string]*route{}}
}

// Handle registers fn for the command word (1 to 16 of A-Z, 0-9, @ # $ _ -, in any
// case). It panics for a word that is not one, a nil fn, or a word registered
// already, as registering is the program's own doing.
func (r *Router) Handle(word string, fn HandlerFunc, opts ...RouteOption) {
	w := strings.ToUpper(word)
	if !isCommandWord(w) {
		panic(fmt.Sprintf("zconsole: Router.Handle: %q is not a command word", word))
	}
	if fn == nil {
		panic("zconsole: Router.Handle: nil function for " + w)
	}
	rt := &route{word: w, fn: fn}
	for _, o := range opts {
		o(rt)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.routes[w]; dup {
		panic("zconsole: Router.Handle: " + w + " registered twice")
	}
	r.routes[w] = rt
}

// HandleStart registers fn for the START command, replacing any before.
func (r *Router) HandleStart(fn HandlerFunc) {
	r.mu.Lock()
	r.start = fn
	r.mu.Unlock()
}

func isCommandWord(w string) bool {
	if len(w) < 1 || len(w) > 16 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("@#$_-", c) >= 0) {
			return false
		}
	}
	return true
}

// ServeCommand routes req: it sets req.Name and req.Args and runs the registered
// handler, returning its error; or answers for itself (see [Router]) and returns the
// error of that reply.
func (r *Router) ServeCommand(ctx context.Context, req *Request) error {
	args, err := ParseArgs(req.Text)
	if req.Verb == zconsole.Start {
		return r.serveStart(ctx, req, args, err)
	}
	if err != nil {
		req.Name = describe(req.Command)
		return req.Reply(msgSyntax + " " + req.Name + " not run: " + syntaxProblem(err))
	}
	if len(args) == 0 {
		return req.Reply(msgNoCommand + " no command given; HELP lists the commands")
	}
	first := args[0]
	if first.Key != "" {
		return req.Reply(msgKeyword + " " + first.Key + "= is not a command; HELP lists the commands")
	}
	req.Name, req.Args = strings.ToUpper(first.Value), args[1:]

	r.mu.RLock()
	rt := r.routes[req.Name]
	r.mu.RUnlock()
	switch {
	case rt != nil:
	case req.Name == "HELP":
		return r.help(req)
	default:
		return req.Reply(msgUnknown + " " + req.Name + ": unknown command; HELP lists the commands")
	}
	if !req.Auth.Permits(rt.need) {
		return req.Reply(fmt.Sprintf("%s %s refused: it needs %s authority; console %s has %s",
			msgAuthority, rt.word, rt.need, consoleName(req.Command), req.Auth))
	}
	return rt.fn(ctx, req)
}

func (r *Router) serveStart(ctx context.Context, req *Request, args Args, err error) error {
	r.mu.RLock()
	fn := r.start
	r.mu.RUnlock()
	switch {
	case fn == nil:
		return noHandler(ctx, req)
	case err != nil:
		return req.Reply(msgStartBad + " START parameters not used: " + syntaxProblem(err))
	}
	req.Args = args
	return fn(ctx, req)
}

// syntaxProblem says what is wrong for an operator: without the package prefix.
func syntaxProblem(err error) string {
	var se *SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s at column %d", se.Problem, se.Column)
	}
	return err.Error()
}

func consoleName(cmd zconsole.Command) string {
	switch {
	case cmd.Console != "":
		return cmd.Console
	case cmd.ConsoleID != 0:
		return fmt.Sprintf("id %d", cmd.ConsoleID)
	}
	return "(unnamed)"
}
