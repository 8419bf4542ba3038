//go:build !cgo || !zconsolesim

package mvs

import (
	"errors"
	"fmt"

	"github.com/go-zos/zconsole/internal/built"
	"github.com/go-zos/zconsole/internal/zc"
)

// Without the simulator (no zconsolesim tag, or no cgo) there is no system: Missing says
// what the build lacks, and the controls do nothing. Callers check Missing first.

var errMissing = missing()

func missing() error {
	cgo, sim := built.Settings()
	var why string
	switch {
	case !cgo && sim:
		why = "the simulator needs cgo, and this program was built with CGO_ENABLED=0"
	case !cgo:
		why = "the simulator needs cgo (this program was built with CGO_ENABLED=0) and the zconsolesim build tag (build with -tags zconsolesim)"
	default:
		why = "the simulator needs the zconsolesim build tag (build with -tags zconsolesim)"
	}
	return fmt.Errorf("%w: %s", errors.ErrUnsupported, why)
}

// Missing returns an error wrapping errors.ErrUnsupported that says what this build
// lacks: cgo, the zconsolesim tag, or both.
func Missing() error { return errMissing }

func Reset(string, []byte) int      { return zc.SIM_NOSTORAGE }
func Queue([]byte) int              { return zc.SIM_NOSTORAGE }
func Log(int, []byte)               {}
func Records(int) []Record          { return nil }
func Stats() Counts                 { return Counts{} }
func FailSVC(int, uint32, int, int) {}
func FailStorage(int)               {}
func NoCOM(bool)                    {}
func Job() string                   { return "" }
func Reply(int, []byte) int         { return zc.SIM_NOT_OUTSTANDING }
func Outstanding() []int            { return nil }
func Changes() uint64               { return 0 }
func AwaitChange(uint64)            {}
func WakeWatchers()                 {}
