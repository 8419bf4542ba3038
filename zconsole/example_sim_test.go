//go:build cgo && zconsolesim

package zconsole_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/go-zos/zconsole/timer"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// run is a program's loop on the console, the README's, as example_test.go has it
// (TestREADMEQuotesExample holds the two equal): it takes the START parameters,
// MODIFY commands and STOP, and stops after 20 seconds without a command, when its idle
// timer kills the wait. No goroutine sleeps, and every error is handled.
func run() (err error) {
	h, err := zconsole.Init() // EXTRACT FIELDS=COMM, the START CIB, QEDIT CIBCTR=5
	if err != nil {
		return err // no console: not z/OS nor the simulator, or no COM area
	}
	defer func() { err = errors.Join(err, h.Close()) }()
	idle := timer.NewIdle(20*time.Second, func() { // no thread sleeps
		if err := zconsole.Kill(h); err != nil {
			log.Print(err)
		}
	})
	defer idle.Stop() // before Close: the timer kills nothing once run returns
	for {
		cmd, err := zconsole.Wait(h) // sleeps in Go; a goroutine sits in the WAIT on the ECBs
		if errors.Is(err, zconsole.ErrKilled) {
			log.Print("no command for 20s: stopping") // the wait ended at once
			return nil
		}
		if err != nil {
			return err
		}
		idle.Touch()
		switch cmd.Verb {
		case zconsole.Start:
			log.Printf("started with %q", cmd.Text)
		case zconsole.Modify:
			log.Printf("F %s from console %s", cmd.Text, cmd.Console)
		case zconsole.Stop:
			return nil
		}
	}
}

// The README's loop, run against the simulated MVS: the operator starts the job with
// parameters, and once the program listens types a MODIFY at console TSO1, then STOP.
func Example() {
	log.SetFlags(0)
	log.SetOutput(os.Stdout) // for the example's output
	defer log.SetOutput(os.Stderr)
	if err := sim.Start("DEMO", "'IDLE=20'"); err != nil {
		fmt.Println(err)
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := sim.Listening(ctx); err != nil {
			fmt.Println(err)
			return
		}
		tso1 := sim.From(sim.Console{Name: "TSO1", ID: 0x0300000A})
		if err := sim.Command("f demo,status", tso1); err != nil {
			fmt.Println(err)
		}
		if err := sim.Command("P DEMO"); err != nil {
			fmt.Println(err)
		}
	}()
	fmt.Println("run:", run())
	// Output:
	// started with "'IDLE=20'"
	// F STATUS from console TSO1
	// run: <nil>
}
