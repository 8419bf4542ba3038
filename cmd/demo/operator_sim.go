//go:build zconsolesim

package main

import (
	"time"

	"github.com/go-zos/zconsole/zconsole/sim"
)

// operator starts the simulated job and plays a short operator script.
func operator() error {
	if err := sim.Start("DEMO", "'idle=2'"); err != nil {
		return err
	}
	go func() {
		for _, typed := range []string{"F DEMO,STATUS", "f demo,echo 'Hello, operator'"} {
			time.Sleep(300 * time.Millisecond)
			logf("operator: %s", typed)
			if err := sim.Command(typed); err != nil {
				logf("operator: %v", err)
			}
		}
	}()
	return nil
}
