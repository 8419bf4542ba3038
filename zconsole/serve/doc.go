// Package serve is the server a program on z/OS runs its operator console with, built on
// package [github.com/go-zos/zconsole/zconsole]: one loop owns a handle's Wait, runs the
// START and MODIFY commands through a [Handler] such as a [Router], and turns the
// operator's STOP, signals ([WithSignals]) and idle periods ([WithIdle]) into the
// cancellation of a context, in two stages: [Server.Context] when the server begins to
// stop, [Server.ForceContext] on a second STOP or after [WithGrace].
//
//	h, err := zconsole.Init()
//	if err != nil { ... }
//	defer h.Close()
//
//	r := serve.NewRouter()
//	r.Handle("STATUS", status, serve.Help("shows what the server is doing"))
//	srv, err := serve.New(ctx, h, serve.WithHandler(r), serve.WithIdle(20*time.Second))
//	if err != nil { ... }
//	go work(srv.Context())    // stops taking work on the first STOP
//	<-srv.Context().Done()
//	drain(srv.ForceContext()) // gives up on the second STOP
//	srv.Close()               // joins every goroutine; h stays open
//
// [NotifyContext] is the smallest form, as in os/signal: a context that the operator's
// STOP cancels.
//
// # Causes
//
// The cause of each context ([context.Cause]) is a [*StopError] that says what happened
// ("zconsole: operator STOP from console OPER1") and matches [context.Canceled] and its
// reason ([ErrStopCommand], [ErrSignal], [ErrIdle], [ErrGraceExpired],
// [ErrServerClosed]) with [errors.Is]; a forced stop also matches [ErrForced].
//
// # Commands
//
// A [Router] runs MODIFY commands by their command word (F DEMO,SET IDLE=30 runs SET),
// with the operands parsed by [ParseArgs] in the syntax of operator commands; it answers
// HELP, unknown words and commands the console lacks the authority for by itself, on the
// console that issued them. Every answer goes through one [ReplyFunc] ([WithReplies]).
//
// The messages the server and the router give by themselves (ZCN...) are listed in
// docs/messages.md; the design is in docs/serving.md.
package serve
