//go:build !(cgo && zconsolesim)

package sim_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/go-zos/zconsole/zconsole/sim/internal/hello"
)

// A program tested as its operator would use it: started, asked, answered, stopped,
// with no sleep. Listening waits until it takes MODIFY commands, Written until it has
// answered. hello.Serve is the program (zconsole/sim/internal/hello): Init, a loop on
// Wait, an idle timer that kills the wait, Reply. This build has no simulator, and the
// example stops at Start, which says so; the simulator build runs it whole
// (example_sim_test.go, the same code).
func Example_testing() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := sim.Start("HELLO", "'MODE=TEST'"); err != nil {
		fmt.Println("no simulator in this build:", errors.Is(err, errors.ErrUnsupported))
		return
	}
	done := make(chan error, 1)
	go func() { done <- hello.Serve(time.Hour) }()

	if err := sim.Listening(ctx); err != nil {
		fmt.Println(err)
		return
	}
	if err := sim.Command("F HELLO,PING"); err != nil {
		fmt.Println(err)
		return
	}
	m, err := sim.Written(ctx, `^HEL002I`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s, to console %08X\n", m.Text, m.ConsoleID)
	if err := sim.Command("P HELLO"); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("hello ended:", <-done)
	for _, m := range sim.Log() {
		if m.Kind == sim.KindWTO {
			fmt.Println(m.Job, m.Text)
		}
	}
	// Output:
	// no simulator in this build: true
}
