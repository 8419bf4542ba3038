package console

import (
	"errors"

	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

// Errors for errors.Is, package sim's (which exports each under the same name). Those
// returned as they are carry sim's prefix; ErrNotOutstanding, which always comes wrapped,
// does not.
var (
	ErrRejected       = errors.New("sim: command rejected")
	ErrNotActive      = errors.New("sim: job not active")
	ErrInvalid        = errors.New("sim: invalid command")
	ErrNoStorage      = errors.New("sim: no system storage")
	ErrOpen           = errors.New("sim: the system is in use")
	ErrNotOutstanding = errors.New("no WTOR with that reply id is outstanding")
)

// prefix is the prefix of the errors package sim returns.
const prefix = "sim"

// Missing returns nil where the simulator is built in, and elsewhere an error wrapping
// errors.ErrUnsupported that says what the build lacks: cgo, the zconsolesim tag, or
// both. Every entry point of this package that returns an error returns it first.
func Missing() error { return mvs.Missing() }
