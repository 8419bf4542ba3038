package serve

import (
	"context"

	"github.com/go-zos/zconsole/zconsole"
)

// A Handler runs the START and MODIFY commands a [Server] takes. ServeCommand runs on
// a goroutine of its own, never on the goroutine that waits for the operator, so a
// slow handler never delays a STOP. ctx is the server's [Server.ForceContext]: it is
// done when the stop is forced, not when it begins, so a command that is running
// when the operator stops the server may finish. A non-nil error is answered to the
// console the command came from ("SET failed: ...").
//
// A panic in ServeCommand is not recovered: it ends the program, as in any goroutine.
type Handler interface {
	ServeCommand(ctx context.Context, req *Request) error
}

// HandlerFunc lets an ordinary function be a [Handler].
type HandlerFunc func(ctx context.Context, req *Request) error

// ServeCommand calls f(ctx, req).
func (f HandlerFunc) ServeCommand(ctx context.Context, req *Request) error { return f(ctx, req) }

// A Request is a command a [Server] gives to its [Handler]: the [zconsole.Command] as
// it arrived, and, once a [Router] has parsed it, its command word and operands.
type Request struct {
	zconsole.Command

	// Set by a Router: the command word in upper case ("STATUS" for F DEMO,status),
	// and the operands after it. For a START, Name is "" and Args holds all the
	// parameters.
	Name string
	Args Args

	replies ReplyFunc
}

// Reply answers the command: it sends lines to the server's reply function (see
// [WithReplies]), which by default sends them to the console the command came from,
// with its CART ([zconsole.Command.Reply]). It is the way a handler answers, so that
// every answer of a server goes through that one function; it hides the Reply method
// of the embedded Command.
func (r *Request) Reply(lines ...string) error {
	fn := r.replies
	if fn == nil {
		fn = consoleReplies
	}
	return fn(r.Command, lines)
}

// label names the request in replies: its command word, or as describe does.
func (r *Request) label() string {
	if r.Name != "" {
		return r.Name
	}
	return describe(r.Command)
}
