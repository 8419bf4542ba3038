// Package built says how the running program was built, as the go command recorded it
// in the program: with cgo or without, and with the zconsolesim tag or without. The
// builds without a console or a simulator use it to say what they lack.
package built

import (
	"runtime/debug"
	"slices"
	"strings"
)

// Settings reports whether the program was built with cgo and with the zconsolesim
// build tag. A program that carries no build settings counts as built with cgo and
// without the tag, the go command's defaults.
func Settings() (cgo, sim bool) {
	cgo = true
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return cgo, sim
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "CGO_ENABLED":
			cgo = s.Value != "0"
		case "-tags":
			sim = slices.Contains(strings.Split(s.Value, ","), "zconsolesim")
		}
	}
	return cgo, sim
}
