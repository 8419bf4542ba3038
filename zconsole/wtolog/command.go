package wtolog

import (
	"context"

	"github.com/go-zos/zconsole/zconsole"
)

type commandKey struct{}

// WithCommand returns a copy of ctx that carries cmd, the operator command being
// handled. A record logged with it (Logger.InfoContext and the like) that goes to the
// console goes also to the console that entered cmd, with cmd's CART, addressed as
// Command.Reply addresses its answer (zconsole.ToConsoleID, or zconsole.ToConsole when
// cmd carries no console id; zconsole.WithCART): the operator who asked sees what came
// of it, and automation matches it by the CART. The record keeps its routing and
// descriptor codes, so the consoles they reach see it too. A command that names no
// console (no CIB extension) changes nothing.
func WithCommand(ctx context.Context, cmd zconsole.Command) context.Context {
	return context.WithValue(ctx, commandKey{}, cmd)
}

// CommandFrom returns the command WithCommand put in ctx, if any.
func CommandFrom(ctx context.Context) (zconsole.Command, bool) {
	cmd, ok := ctx.Value(commandKey{}).(zconsole.Command)
	return cmd, ok
}
