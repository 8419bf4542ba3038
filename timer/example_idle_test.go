package timer_test

import (
	"fmt"
	"time"

	"github.com/go-zos/zconsole/timer"
)

// An Idle calls its function once no activity was reported for its
// duration: here, the server stops 20 ms after the last request.
func ExampleIdle() {
	idle := timer.NewIdle(20*time.Millisecond, func() {
		fmt.Println("no activity: stopping server")
	})
	for range 3 {
		idle.Touch() // one request: postpones the stop
	}
	<-idle.Finished()
	fmt.Println("fired:", idle.Fired())
	fmt.Println("touch after stop:", idle.Touch())
	// Output:
	// no activity: stopping server
	// fired: true
	// touch after stop: false
}

// Stop prevents the function from running.
func ExampleIdle_Stop() {
	idle := timer.NewIdle(time.Hour, func() { fmt.Println("never printed") })
	fmt.Println("touch:", idle.Touch())
	fmt.Println("stopped:", idle.Stop())
	<-idle.Finished()
	fmt.Println("fired:", idle.Fired())
	// Output:
	// touch: true
	// stopped: true
	// fired: false
}
