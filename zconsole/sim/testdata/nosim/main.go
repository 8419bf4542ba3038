// Command nosim uses package sim and package zconsole, for package sim's test of what a
// build without the simulator says it lacks: it prints the errors of sim.Start and
// zconsole.Init.
package main

import (
	"fmt"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
)

func main() {
	fmt.Println(sim.Start("DEMO", ""))
	_, err := zconsole.Init()
	fmt.Println(err)
}
