// Command hello is package sim's test program for the operator's console (see
// zconsole/sim/internal/hello): it imports package zconsole through it, not package
// sim, which reaches it only through the environment variable ZCONSOLE_OPERATOR. Its
// first argument is its idle period (a Go duration; an hour without one).
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/go-zos/zconsole/zconsole/sim/internal/hello"
)

func main() {
	idle := time.Hour
	if len(os.Args) > 1 {
		d, err := time.ParseDuration(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "hello:", err)
			os.Exit(2)
		}
		idle = d
	}
	if err := hello.Serve(idle); err != nil {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(1)
	}
	fmt.Println("hello: ended") // standard output stays the program's own
}
