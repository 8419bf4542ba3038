//go:build !cgo || !zconsolesim

package sim

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-zos/zconsole/zconsole"
)

// Without the simulator (no zconsolesim tag, or no cgo) there is no system to drive.

var errNoSim = fmt.Errorf("sim: %w: build with cgo and -tags zconsolesim", errors.ErrUnsupported)

// Reset reports [errors.ErrUnsupported]: there is no simulator in this build.
func Reset(string) error { return errNoSim }

// Start reports [errors.ErrUnsupported]: there is no simulator in this build.
func Start(string, string, ...CommandOption) error { return errNoSim }

// Command reports [errors.ErrUnsupported]: there is no simulator in this build.
func Command(string, ...CommandOption) error { return errNoSim }

// Log returns nothing: there is no simulator in this build.
func Log() []Message { return nil }

// Job returns "": there is no simulator in this build.
func Job() string { return "" }

// SetCodePage reports [errors.ErrUnsupported]: there is no simulator in this build.
func SetCodePage(zconsole.CodePage) error { return errNoSim }

// Statistics are the simulated system's counters (all zero in this build).
type Statistics struct {
	ProgramBlocks, ProgramBytes, SystemBlocks, SystemBytes uint64
	Abends                                                 uint64
	LastAbend, QueueLimit, Queued                          int
	StopQueued                                             bool
	SVCs                                                   map[int]uint64
}

// Stats returns zeros: there is no simulator in this build.
func Stats() Statistics { return Statistics{} }

// Inject does nothing: there is no simulator in this build.
func Inject(Fault) {}

// FailStorage does nothing: there is no simulator in this build.
func FailStorage(int) {}

// NoCOM does nothing: there is no simulator in this build.
func NoCOM(bool) {}

// Outstanding returns nothing: there is no simulator in this build.
func Outstanding() []int { return nil }

// Asked reports [errors.ErrUnsupported]: there is no simulator in this build.
func Asked(context.Context) (Message, error) { return Message{}, errNoSim }
