//go:build cgo && zconsolesim

package serve_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// A whole small server: it reads its START parameters, answers F DEMO,STATUS, would
// stop after 20 seconds without activity, and stops on P DEMO. The example plays the
// operator itself, on the simulator; on z/OS the operator types the commands.
func ExampleNew() {
	// The operator starts the job: S DEMO,,,MODE=TEST
	if err := sim.Start("DEMO", "MODE=TEST"); err != nil {
		fmt.Println(err)
		return
	}

	h, err := zconsole.Init()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer h.Close()

	var served atomic.Int64 // the server's own work would count here
	r := serve.NewRouter()
	r.HandleStart(func(_ context.Context, req *serve.Request) error {
		mode, _ := req.Args.Value("MODE")
		fmt.Println("started in mode", mode)
		return nil
	})
	r.Handle("STATUS", func(_ context.Context, req *serve.Request) error {
		return req.Reply(fmt.Sprintf("DEMO001I ACTIVE, %d REQUESTS SERVED", served.Load()))
	}, serve.Help("shows what the server is doing"))

	srv, err := serve.New(context.Background(), h,
		serve.WithHandler(r),
		serve.WithIdle(20*time.Second),
		serve.WithReplies(func(cmd zconsole.Command, lines []string) error {
			for _, l := range lines {
				fmt.Printf("to %s: %s\n", cmd.Console, l)
			}
			return nil
		}))
	if err != nil {
		fmt.Println(err)
		return
	}

	// The operator asks how it is doing, then stops it.
	_ = sim.Command("F DEMO,STATUS")
	_ = sim.Command("P DEMO")

	<-srv.Context().Done() // the server's work stops taking requests here, and drains
	if err := srv.Close(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(context.Cause(srv.Context()))
	// Output:
	// started in mode TEST
	// to OPER1: DEMO001I ACTIVE, 0 REQUESTS SERVED
	// zconsole: operator STOP from console OPER1
}

// The smallest use: a context that the operator's STOP cancels.
func ExampleNotifyContext() {
	if err := sim.Reset("DEMO"); err != nil {
		fmt.Println(err)
		return
	}
	h, err := zconsole.Init()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer h.Close()

	ctx, stop := serve.NotifyContext(context.Background(), h)
	defer stop()

	_ = sim.Command("P DEMO") // the operator

	<-ctx.Done()
	fmt.Println(context.Cause(ctx))
	fmt.Println(errors.Is(context.Cause(ctx), serve.ErrStopCommand), errors.Is(ctx.Err(), context.Canceled))
	// Output:
	// zconsole: operator STOP from console OPER1
	// true true
}
