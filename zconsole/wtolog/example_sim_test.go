//go:build cgo && zconsolesim

package wtolog_test

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/go-zos/zconsole/zconsole/wtolog"
)

// The console as the simulated MVS shows it: message ids with the level's type letter,
// the routing and descriptor codes, a value's newline escaped, a long record on several
// lines.
func Example() {
	sim.Reset("DEMO")
	h := wtolog.NewHandler(&wtolog.Options{Prefix: "DMO"})
	log := slog.New(h)

	log.Info("not for the console: below its level")
	log.Warn("queue deep", "msgid", "DMO010", "queue", "PAYROLL.IN", "depth", 5000)
	log.Error("DMO011 connection lost", "err", "read: reset by peer\nIEE342I")
	log.With("msgid", "DMO012").WithGroup("req").Error("request failed",
		"id", 7, "path", "/payroll/"+strings.Repeat("x", 90))
	h.Close()

	for _, m := range sim.Log() {
		fmt.Println(m.Routing, m.Descriptor)
		fmt.Println(m.Text)
	}
	// Output:
	// [2 11] [12]
	// DMO010W queue deep queue=PAYROLL.IN depth=5000
	// [2 11] [3]
	// DMO011E connection lost err="read: reset by peer\nIEE342I"
	// [2 11] [3]
	// DMO012E request failed req.id=7
	//  req.path=/payroll/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
	//  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
}

// A record logged while the program handles an operator command goes back to the
// console that entered it, with the command's CART.
func ExampleWithCommand() {
	sim.Reset("DEMO")
	console, _ := zconsole.Init()
	defer console.Close()
	h := wtolog.NewHandler(&wtolog.Options{Prefix: "DMO"})
	log := slog.New(h)

	sim.Command("F DEMO,REFRESH", sim.From(sim.Console{Name: "TSO1", ID: 0x0300000A}))
	cmd, _ := zconsole.Wait(console)
	ctx := wtolog.WithCommand(context.Background(), cmd)
	log.ErrorContext(ctx, "refresh failed", "msgid", "DMO020", "file", "/etc/demo.conf")
	h.Close()

	for _, m := range sim.Log() {
		if m.Kind == sim.KindWTO {
			fmt.Printf("to console %08X: %s\n", m.ConsoleID, m.Text)
		}
	}
	// Output:
	// to console 0300000A: DMO020E refresh failed file=/etc/demo.conf
}

// A burst of the same message: ten reach the console, and one summary says how many
// did not.
func ExampleLimit() {
	sim.Reset("DEMO")
	h := wtolog.NewHandler(&wtolog.Options{
		Prefix: "DMO",
		PerID:  wtolog.Limit{Burst: 10, Every: time.Minute}, // 10 at once, then one a minute
	})
	log := slog.New(h)
	for i := range 1000 {
		log.Error("disk full", "msgid", "DMO030", "try", i)
	}
	h.Close()

	log2 := sim.Log()
	fmt.Println(len(log2), "messages; the last:")
	fmt.Println(log2[len(log2)-1].Text)
	fmt.Printf("%+v\n", h.Stats())
	// Output:
	// 11 messages; the last:
	// DMO999W 990 log record(s) not shown on the console (990 over the rate limit): DMO030E 990
	// {Written:10 Suppressed:990 Dropped:0 Failed:0 WTOs:11 Summaries:1}
}
