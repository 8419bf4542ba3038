//go:build !(cgo && zconsolesim)

package zconsole_test

// The examples of console output, as the build without a console shows them: here each
// runs as far as its first call, which finds no console (an error wrapping
// errors.ErrUnsupported), and says so; the simulator build runs them whole, with their
// output checked (example_wto_sim_test.go), where package sim plays the operator.

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-zos/zconsole/zconsole"
)

func ExamplePut() {
	id, err := zconsole.Put("DEMO001I READY FOR WORK", zconsole.Routing(2, 11), zconsole.Descriptor(12))
	if err != nil {
		fmt.Println("a console in this build:", !errors.Is(err, errors.ErrUnsupported))
		return
	}
	// IBM-1047 has no euro sign: an error names the character and its position.
	_, err = zconsole.Put("DEMO002I PRICE 5€")
	fmt.Println(err) // zconsole: character '€' (U+20AC) at position 16 has no IBM-1047 encoding
	if err := zconsole.Delete(id); err != nil {
		fmt.Println(err)
	}
	// Output:
	// a console in this build: false
}

func ExampleCommand_Reply() {
	h, err := zconsole.Init()
	if err != nil {
		fmt.Println("a console in this build:", !errors.Is(err, errors.ErrUnsupported))
		return
	}
	defer h.Close()

	// The operator at console TSO1 types F DEMO,STATUS.
	cmd, err := zconsole.Wait(h)
	if err != nil {
		fmt.Println(err)
		return
	}
	// To console TSO1, with the command's CART, descriptor code 5.
	if _, err := cmd.Reply("DEMO003I " + cmd.Text + ": ALL QUIET"); err != nil {
		fmt.Println(err)
	}
	// Output:
	// a console in this build: false
}

func ExampleAsk() {
	h, err := zconsole.Init()
	if err != nil {
		fmt.Println("a console in this build:", !errors.Is(err, errors.ErrUnsupported))
		return
	}
	defer h.Close()

	// The console shows @01 DEMO004A SHUT DOWN NOW? REPLY YES OR NO; the operator
	// answers R 01,yes.
	answer, err := zconsole.Ask(context.Background(), h, "DEMO004A SHUT DOWN NOW? REPLY YES OR NO", zconsole.ReplyLength(3))
	fmt.Println(answer, err) // YES <nil>
	// Output:
	// a console in this build: false
}
