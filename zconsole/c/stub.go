//go:build !cgo || !(zos || zconsolesim)

package c

import (
	"errors"
	"fmt"
	"runtime"

	"github.com/go-zos/zconsole/internal/built"
)

// Where there is no console: not z/OS, and not the simulator (the zconsolesim tag), or
// no cgo. Every call fails with errNoConsole, which wraps errors.ErrUnsupported.

var errNoConsole = noConsole()

// noConsole says what this build lacks, as the go command recorded the build's
// settings in the program: cgo, z/OS or the simulator, or both.
func noConsole() error {
	cgo, sim := built.Settings()
	var why string
	switch {
	case !cgo && (sim || runtime.GOOS == "zos"):
		why = "the operator console needs cgo, and this program was built with CGO_ENABLED=0"
	case !cgo:
		why = "the operator console needs cgo (this program was built with CGO_ENABLED=0), and z/OS or the simulator (build with -tags zconsolesim)"
	default:
		why = "the operator console needs z/OS, or the simulator (build with -tags zconsolesim)"
	}
	return fmt.Errorf("%w: %s", errors.ErrUnsupported, why)
}

// takeOut is what a Take hands the system for its results: nothing, without one.
type takeOut struct{}

func zcInit(int, []byte) (Area, int, error)             { return 0, 0, errNoConsole }
func zcTake(*takeOut, Area, []byte) (Copy, bool, error) { return Copy{}, false, errNoConsole }
func zcWatch(Area) (Wake, error)                        { return 0, errNoConsole }
func zcKill(Area) error                                 { return errNoConsole }
func zcSetLimit(Area, int) error                        { return errNoConsole }
func zcTerm(Area) error                                 { return errNoConsole }

func zcWTO(*Message) (uint32, error)                               { return 0, errNoConsole }
func zcDOM(uint32) error                                           { return errNoConsole }
func zcAskStart(*Message) (Ask, error)                             { return 0, errNoConsole }
func zcAskWait(Ask) error                                          { return errNoConsole }
func zcAskCancel(Ask) error                                        { return errNoConsole }
func zcAskEnd(Ask) ([]byte, bool, error)                           { return nil, false, errNoConsole }
func zcTaskInfo() (Task, error)                                    { return Task{}, errNoConsole }
func zcLayoutWPL(*Message, uint32, uint32, uint32) ([]byte, error) { return nil, errNoConsole }
