//go:build !(cgo && zconsolesim)

package wtolog_test

// The examples that need a console, as the build without one shows them: they compile
// here, and run, with their output checked, in the simulator build
// (example_sim_test.go).

import (
	"context"
	"log/slog"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/wtolog"
)

// What the console shows of each record: message ids with the level's type letter,
// the routing and descriptor codes, a value's newline escaped, a long record on
// several lines.
func Example() {
	h := wtolog.NewHandler(&wtolog.Options{Prefix: "DMO"})
	defer h.Close()
	log := slog.New(h)

	// Below the console level: for the next handler only.
	log.Info("not for the console: below its level")
	// DMO010W queue deep queue=PAYROLL.IN depth=5000 (routing 2, 11; descriptor 12)
	log.Warn("queue deep", "msgid", "DMO010", "queue", "PAYROLL.IN", "depth", 5000)
	// DMO011E connection lost err="read: reset by peer\nIEE342I" (routing 2, 11; descriptor 3)
	log.Error("DMO011 connection lost", "err", "read: reset by peer\nIEE342I")
}

// A record logged while the program handles an operator command goes back to the
// console that entered it, with the command's CART.
func ExampleWithCommand() {
	console, err := zconsole.Init()
	if err != nil {
		return
	}
	defer console.Close()
	h := wtolog.NewHandler(&wtolog.Options{Prefix: "DMO"})
	defer h.Close()

	cmd, _ := zconsole.Wait(console) // F DEMO,REFRESH from console TSO1
	ctx := wtolog.WithCommand(context.Background(), cmd)
	// DMO020E refresh failed file=/etc/demo.conf, on TSO1 and where its codes go
	slog.New(h).ErrorContext(ctx, "refresh failed", "msgid", "DMO020", "file", "/etc/demo.conf")
}

// A burst of the same message: ten reach the console, then one a minute, and a summary
// says how many did not:
//
//	DMO999W 990 log record(s) not shown on the console (990 over the rate limit): DMO030E 990
func ExampleLimit() {
	h := wtolog.NewHandler(&wtolog.Options{
		Prefix: "DMO",
		PerID:  wtolog.Limit{Burst: 10, Every: time.Minute},
	})
	defer h.Close()
	for i := range 1000 {
		slog.New(h).Error("disk full", "msgid", "DMO030", "try", i)
	}
}
