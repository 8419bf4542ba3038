//go:build !(cgo && zconsolesim)

package zconsole_test

import (
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/go-zos/zconsole/timer"
	"github.com/go-zos/zconsole/zconsole"
)

// run is a program's loop on the console, the README's: it takes the START parameters,
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

// The README's loop, run. Where there is no console, as in this build (neither z/OS nor
// the simulator), Init says so, with an error wrapping errors.ErrUnsupported. The
// simulator build runs it against a simulated operator (example_sim_test.go).
func Example() {
	err := run()
	fmt.Println("a console in this build:", !errors.Is(err, errors.ErrUnsupported))
	// Output:
	// a console in this build: false
}
