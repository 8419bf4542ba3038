//go:build cgo && zconsolesim

package mvs

/*
#include "zsim_api.h"
*/
import "C"

// Missing returns nil: this build has the simulator.
func Missing() error { return nil }

// Changes returns the count of the simulated system's changes an observer may wait
// for: records logged, CIBCTR set.
func Changes() uint64 { return uint64(C.zcsim_changes()) }

// AwaitChange blocks while the count of changes is seen. It takes no context:
// WakeWatchers ends every wait.
func AwaitChange(seen uint64) { C.zcsim_await_change(C.uint64_t(seen)) }

// WakeWatchers counts a change that is none, so that every AwaitChange returns and its
// caller looks again.
func WakeWatchers() { C.zcsim_wake_watchers() }
