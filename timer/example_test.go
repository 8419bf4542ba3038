package timer_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/go-zos/zconsole/timer"
)

// A Timer calls its function once its interval has elapsed after Start.
// Python's args travel in the closure.
func ExampleTimer() {
	server := "ZCONSOLE"
	t := timer.New(10*time.Millisecond, func() {
		fmt.Println("stopping", server)
	})
	if err := t.Start(); err != nil {
		fmt.Println(err)
	}
	t.Join() // as Python's t.join(): fn has returned
	fmt.Println("alive:", t.IsAlive())
	fmt.Println("second start:", t.Start())
	// Output:
	// stopping ZCONSOLE
	// alive: false
	// second start: timer: can only be started once
}

// Cancel stops a pending timer: its function never runs.
func ExampleTimer_Cancel() {
	t := timer.New(time.Hour, func() { fmt.Println("never printed") })
	if err := t.Start(); err != nil {
		fmt.Println(err)
	}
	fmt.Println("alive:", t.IsAlive())
	fmt.Println("cancelled:", t.Cancel())
	fmt.Println("cancelled again:", t.Cancel())
	t.Join() // returns at once: the timer is finished
	fmt.Println("alive:", t.IsAlive())
	// Output:
	// alive: true
	// cancelled: true
	// cancelled again: false
	// alive: false
}

// Reset moves the deadline of a pending timer; it does nothing once the
// timer is cancelled or has fired.
func ExampleTimer_Reset() {
	t := timer.New(time.Hour, func() { fmt.Println("never printed") })
	fmt.Println("reset before start:", t.Reset(time.Minute))
	if err := t.Start(); err != nil {
		fmt.Println(err)
	}
	fmt.Println("reset while pending:", t.Reset(2*time.Hour))
	t.Cancel()
	fmt.Println("reset after cancel:", t.Reset(time.Minute))
	// Output:
	// reset before start: false
	// reset while pending: true
	// reset after cancel: false
}

// JoinContext bounds the wait, as Python's join(timeout), and refuses a
// timer that was never started, as Python does.
func ExampleTimer_JoinContext() {
	t := timer.New(time.Hour, func() {})
	err := t.JoinContext(context.Background())
	fmt.Println(errors.Is(err, timer.ErrNotStarted))

	if err := t.Start(); err != nil {
		fmt.Println(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	fmt.Println(t.JoinContext(ctx), t.IsAlive())
	t.Cancel()
	fmt.Println(t.JoinContext(ctx), t.IsAlive())
	// Output:
	// true
	// context deadline exceeded true
	// <nil> false
}
