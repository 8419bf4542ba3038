//go:build cgo && zconsolesim

package wtolog_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/go-zos/zconsole/zconsole/wtolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A record logged while the program handles an operator command goes also to the
// console that entered it, with the command's CART; other records do not.
func TestRecordAnsweringACommandReachesItsConsole(t *testing.T) {
	fresh(t)
	hd, err := zconsole.Init()
	require.NoError(t, err)
	defer hd.Close()
	h := open(t, &wtolog.Options{Prefix: "DMO"})
	log := slog.New(h)

	op := sim.Console{Name: "TSO1", ID: 0x0300000A, Auth: zconsole.AuthMaster}
	cart := sim.CARTOf("AUTO0042")
	require.NoError(t, sim.Command("F DEMO,REFRESH", sim.From(op), sim.WithCART(cart)))
	cmd, err := zconsole.Wait(hd)
	require.NoError(t, err)

	ctx := wtolog.WithCommand(context.Background(), cmd)
	got, ok := wtolog.CommandFrom(ctx)
	require.True(t, ok)
	assert.Equal(t, cmd, got)
	log.WarnContext(ctx, "refresh failed", "msgid", "DMO090", "err", "config not found")
	log.Warn("not about the command", "msgid", "DMO091")
	log.WarnContext(wtolog.WithCommand(ctx, zconsole.Command{Text: "NO CONSOLE"}), "a command without a console", "msgid", "DMO092")
	untimed := slog.NewRecord(time.Time{}, slog.LevelWarn, "no time", 0) // NoTime, and the command's console
	untimed.AddAttrs(slog.String("msgid", "DMO093"))
	require.NoError(t, h.Handle(ctx, untimed))
	flush(t, h)

	w := console(t)
	require.Len(t, w, 4)
	assert.Equal(t, "DMO093W no time", w[3].Text)
	assert.True(t, w[3].Time.IsZero(), "written without a time stamp")
	assert.Equal(t, uint32(0x0300000A), w[3].ConsoleID, "to the command's console all the same")
	assert.Equal(t, cart, w[3].CART)
	assert.Equal(t, `DMO090W refresh failed err="config not found"`, w[0].Text)
	assert.True(t, w[0].ToConsole)
	assert.Equal(t, uint32(0x0300000A), w[0].ConsoleID, "the console that entered the command")
	assert.Equal(t, cart, w[0].CART)
	assert.Equal(t, []int{2, 11}, w[0].Routing, "and the consoles its codes reach")
	assert.Equal(t, []int{12}, w[0].Descriptor)

	assert.Equal(t, "DMO091W not about the command", w[1].Text)
	assert.False(t, w[1].ToConsole)
	assert.True(t, w[1].CART.IsZero())
	assert.False(t, w[2].ToConsole, "no console to send it to")
	assert.True(t, w[2].CART.IsZero())
}

// A command that carries only a console name is answered by name.
func TestRecordAnsweringACommandByConsoleName(t *testing.T) {
	fresh(t)
	h := open(t, &wtolog.Options{Prefix: "DMO"})
	ctx := wtolog.WithCommand(context.Background(), zconsole.Command{Console: "OPER2"})
	slog.New(h).ErrorContext(ctx, "by name", "msgid", "DMO093")
	flush(t, h)
	w := console(t)
	require.Len(t, w, 1)
	assert.Equal(t, "OPER2", w[0].Console)
	assert.Zero(t, w[0].ConsoleID)
	assert.True(t, w[0].ToConsole)
}
