// Command demo is a started task that listens to its operator: it reports its START
// parameters, answers MODIFY commands, and stops on P or after an idle period, with the
// wait for the operator ended by a kill, not left sleeping.
//
// Built with -tags zconsolesim it runs anywhere, against the simulated MVS, with a
// scripted operator (make demo).
package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/go-zos/zconsole/zconsole"
)

const idle = 2 * time.Second

func logf(format string, args ...any) {
	fmt.Printf("%s  %s\n", time.Now().Format("15:04:05.000"), fmt.Sprintf(format, args...))
}

func main() {
	if err := operator(); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
	h, err := zconsole.Init()
	if err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
	defer h.Close()

	// The idle timeout kills the wait; every command pushes it out.
	timer := time.AfterFunc(idle, func() {
		logf("idle for %v: kill", idle)
		zconsole.Kill(h)
	})
	for {
		cmd, err := zconsole.Wait(h)
		if errors.Is(err, zconsole.ErrKilled) {
			logf("wait ended by kill: stopping")
			return
		}
		if err != nil {
			logf("wait: %v", err)
			return
		}
		timer.Reset(idle)
		logf("%-6s %q from %s", cmd.Verb, cmd.Text, cmd.Console)
		if cmd.Verb == zconsole.Stop {
			timer.Stop()
			logf("operator stop: stopping")
			return
		}
	}
}
