package serve

import "os"

// defaultSignals are the signals WithSignals means without arguments: Plan 9 has only
// the interrupt note.
func defaultSignals() []os.Signal { return []os.Signal{os.Interrupt} }
