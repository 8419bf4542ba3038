//go:build cgo && zconsolesim

package zconsole_test

import (
	"context"
	"fmt"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
)

func ExamplePut() {
	sim.Reset("DEMO")

	id, err := zconsole.Put("DEMO001I READY FOR WORK", zconsole.Routing(2, 11), zconsole.Descriptor(12))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = zconsole.Put("DEMO002I PRICE 5€")
	fmt.Println(err)
	zconsole.Delete(id)

	for _, m := range sim.Log() {
		fmt.Println(m.Job, m.Text, m.Routing, m.Descriptor, m.Deleted)
	}
	// Output:
	// zconsole: character '€' (U+20AC) at position 16 has no IBM-1047 encoding
	// DEMO DEMO001I READY FOR WORK [2 11] [12] true
}

func ExampleCommand_Reply() {
	sim.Reset("DEMO")
	h, _ := zconsole.Init()
	defer h.Close()

	// The operator at console TSO1 asks for the status.
	sim.Command("f demo,status", sim.From(sim.Console{Name: "TSO1", ID: 0x0300000A}))

	cmd, _ := zconsole.Wait(h)
	cmd.Reply("DEMO003I " + cmd.Text + ": ALL QUIET")

	log := sim.Log()
	m := log[len(log)-1]
	fmt.Printf("%s to console %08X, descriptor %v\n", m.Text, m.ConsoleID, m.Descriptor)
	// Output:
	// DEMO003I STATUS: ALL QUIET to console 0300000A, descriptor [5]
}

func ExampleAsk() {
	sim.Reset("DEMO")
	h, _ := zconsole.Init()
	defer h.Close()

	// The operator: wait for the question, then answer it.
	go func() {
		m, _ := sim.Asked(context.Background())
		fmt.Println(m.Text)
		sim.Command(fmt.Sprintf("R %02d,yes", m.ReplyID))
	}()

	answer, err := zconsole.Ask(context.Background(), h, "DEMO004A SHUT DOWN NOW? REPLY YES OR NO", zconsole.ReplyLength(3))
	fmt.Println(answer, err)
	// Output:
	// @01 DEMO004A SHUT DOWN NOW? REPLY YES OR NO
	// YES <nil>
}
