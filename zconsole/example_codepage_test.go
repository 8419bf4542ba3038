package zconsole_test

import (
	"fmt"

	"github.com/go-zos/zconsole/zconsole"
)

func ExampleSetCodePage() {
	// This system's consoles run in IBM-037: from here on, messages are written and
	// commands read in it.
	if err := zconsole.SetCodePage(zconsole.IBM037); err != nil {
		fmt.Println(err)
		return
	}
	defer zconsole.SetCodePage(zconsole.IBM1047)

	_, err := zconsole.Put("DEMO010I PRICE 5€") // IBM-037 has no euro sign; IBM-1140 has
	fmt.Println(err)
	fmt.Println(zconsole.SetCodePage(500))
	// Output:
	// zconsole: character '€' (U+20AC) at position 16 has no IBM-037 encoding
	// zconsole: code page 500: unsupported operation: the consoles' code page is IBM-1047, IBM-037 or IBM-1140
}
