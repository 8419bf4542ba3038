//go:build !cgo || !(zos || zconsolesim)

package zconsole

import (
	"errors"
	"fmt"
)

// The platform seam where there is no console: not z/OS, or no cgo, and no simulator.

const copyMax = 4096

var errNoConsole = fmt.Errorf("zconsole: %w: the operator console needs z/OS with cgo, or the simulator (build with -tags zconsolesim)", errors.ErrUnsupported)

// waitOut is what a Wait hands the system for its results: nothing, without one.
type waitOut struct{}

func sysInit(int, []byte) (area, int, error)               { return 0, 0, errNoConsole }
func sysWait(area, []byte, *waitOut) (int, outcome, error) { return 0, gotError, errNoConsole }
func sysKill(area) error                                   { return errNoConsole }
func sysInterrupt(area) error                              { return errNoConsole }
func sysClearInterrupt(area)                               {}
func sysSetLimit(area, int) error                          { return errNoConsole }
func sysTerm(area) error                                   { return errNoConsole }
