// Package hello is a program of the kind package sim is there to test, for its tests
// and examples: it imports package zconsole and package timer, not package sim.
//
// It opens the console, says it is ready (HEL001I), tells the START parameters
// (HEL004I), answers F HELLO,PING with HEL002I PONG on the console that asked (any other
// MODIFY with HEL003E), and ends on STOP, or when no command came for its idle period:
// its idle timer kills the wait (HEL009I).
package hello

import (
	"errors"
	"log"
	"time"

	"github.com/go-zos/zconsole/timer"
	"github.com/go-zos/zconsole/zconsole"
)

// Serve is the program: it returns nil when it stopped, on STOP or when idle, and an
// error when the console failed it.
func Serve(idle time.Duration) (err error) {
	h, err := zconsole.Init()
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, h.Close()) }()
	if _, err := zconsole.Put("HEL001I HELLO READY"); err != nil {
		return err
	}
	t := timer.NewIdle(idle, func() {
		if err := zconsole.Kill(h); err != nil {
			log.Print(err)
		}
	})
	defer t.Stop()
	for {
		cmd, err := zconsole.Wait(h)
		if errors.Is(err, zconsole.ErrKilled) {
			_, err = zconsole.Put("HEL009I HELLO IDLE: ENDING")
			return err
		}
		if err != nil {
			return err
		}
		t.Touch()
		if err := answer(cmd); err != nil {
			return err
		}
		if cmd.Verb == zconsole.Stop {
			return nil
		}
	}
}

// answer answers cmd: the START parameters, PING, or a command hello does not know.
func answer(cmd zconsole.Command) error {
	var err error
	switch cmd.Verb {
	case zconsole.Start:
		_, err = zconsole.Put("HEL004I START PARAMETERS: " + cmd.Text)
	case zconsole.Modify:
		if cmd.Text == "PING" {
			_, err = cmd.Reply("HEL002I PONG")
		} else {
			_, err = cmd.Reply("HEL003E " + cmd.Text + ": NOT A COMMAND")
		}
	}
	return err
}
