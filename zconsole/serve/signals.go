//go:build !plan9

package serve

import (
	"os"
	"syscall"
)

// defaultSignals are the signals WithSignals means without arguments: Ctrl-C, and the
// request to terminate that service managers and kill send.
func defaultSignals() []os.Signal { return []os.Signal{os.Interrupt, syscall.SIGTERM} }
